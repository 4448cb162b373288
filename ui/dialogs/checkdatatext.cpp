#include "ui/dialogs/checkdatatext.h"

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

} // namespace

QString CheckDataText::escape(const QByteArray &data)
{
    const QString text = QString::fromUtf8(data);
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        case 0:
            out += u"\\0"_s;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
            else
                out += c;
        }
    }
    return out;
}

std::optional<QByteArray> CheckDataText::unescape(const QString &text, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<QByteArray> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != u'\\') {
            out += c;
            continue;
        }
        if (i + 1 >= text.size())
            return fail(tr("a lone \"\\\" at the end: write \\\\ for a backslash"));
        const QChar next = text.at(++i);
        switch (next.unicode()) {
        case u'\\':
            out += u'\\';
            break;
        case u'r':
            out += u'\r';
            break;
        case u'n':
            out += u'\n';
            break;
        case u't':
            out += u'\t';
            break;
        case u'0':
            out += QChar(0);
            break;
        case u'x': {
            const int high = i + 1 < text.size() ? hexValue(text.at(i + 1)) : -1;
            const int low = i + 2 < text.size() ? hexValue(text.at(i + 2)) : -1;
            if (high < 0 || low < 0)
                return fail(tr("\\x needs two hex digits, e.g. \\x1b"));
            const int value = high * 16 + low;
            // Above 0x7f a byte would be half a UTF-8 character, which the rules file cannot hold.
            if (value > 0x7f)
                return fail(tr("\\x%1 is not a character on its own: only \\x00-\\x7f; type other characters as "
                               "they are")
                                .arg(text.mid(i + 1, 2)));
            out += QChar(value);
            i += 2;
            break;
        }
        default:
            return fail(tr("unknown escape \"\\%1\": use \\r, \\n, \\t, \\0, \\xHH or \\\\").arg(next));
        }
    }
    return out.toUtf8();
}

} // namespace PortRelay
