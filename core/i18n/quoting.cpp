#include "core/i18n/quoting.h"

namespace PortRelay::Quoting {

QString shortened(QStringView text)
{
    if (text.size() <= MaxShownLength)
        return text.toString();
    return text.left(MaxShownLength).toString() + QStringLiteral("...");
}

QString quoted(QStringView text)
{
    QString out(1, u'"');
    for (QChar c : text.left(MaxShownLength)) {
        if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (text.size() > MaxShownLength)
        out += QStringLiteral("...");
    return out + u'"';
}

} // namespace PortRelay::Quoting
