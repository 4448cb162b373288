#include "ui/mnemonictext.h"

#include <QRegularExpression>

namespace PortRelay {

namespace {

// Drops what trails the words, in whatever order a translation puts it ("名称(&N)：", "新建…(&N)").
QString stripDecorations(const QString &text, bool ellipsis)
{
    // The CJK style names the key in parentheses after the words, half or full width. Without its
    // "&" only after non-Latin words, so that "Timeout (s)" keeps its unit.
    static const QRegularExpression cjkMnemonic(
        QStringLiteral("(\\s*[(（]&[A-Za-z0-9][)）]|(?<=[^\\x{0000}-\\x{007F}])\\s*[(（][A-Z0-9][)）])$"));
    QString result = text.trimmed();
    for (QString before; before != result; result = result.trimmed()) {
        before = result;
        for (const QStringView suffix :
             {QStringView(u":"), QStringView(u"："), QStringView(u"…"), QStringView(u"...")}) {
            const bool isEllipsis = suffix.startsWith(u'.') || suffix == u"…";
            if ((ellipsis || !isEllipsis) && result.endsWith(suffix))
                result.chop(suffix.size());
        }
        result.remove(cjkMnemonic);
    }
    // "&&" is a literal ampersand; any other "&" marks the mnemonic.
    static const QRegularExpression marker(QStringLiteral("&(.)"));
    result.replace(marker, QStringLiteral("\\1"));
    return result;
}

} // namespace

QString MnemonicText::plain(const QString &text)
{
    return stripDecorations(text, false);
}

QString MnemonicText::toolButton(const QString &text)
{
    return stripDecorations(text, true);
}

} // namespace PortRelay
