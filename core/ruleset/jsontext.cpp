#include "core/ruleset/jsontext.h"

#include "core/i18n/quoting.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace PortRelay::JsonText {

namespace {

// Longer keys are hostile or garbage; comparing them with every known key would only cost time.
constexpr int MaxSuggestedKeyLength = 64;

// Compares keys loosely: "connectTimeoutMs" should find "connect_timeout_ms".
QString looseKey(QStringView key)
{
    QString out;
    out.reserve(key.size());
    for (QChar c : key) {
        if (c != u'_' && c != u'-' && c != u' ')
            out += c.toLower();
    }
    return out;
}

// Edit distance counting a swap of neighbours as one edit ("weigth" is one away from "weight").
int editDistance(QStringView a, QStringView b)
{
    const std::size_t width = std::size_t(b.size()) + 1;
    std::vector<int> beforePrevious(width), previous(width), current(width);
    for (std::size_t j = 0; j < width; ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const std::size_t k = std::size_t(j);
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[k] = std::min({previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[k] = std::min(current[k], beforePrevious[k - 2] + 1);
        }
        std::swap(beforePrevious, previous);
        std::swap(previous, current);
    }
    return previous.back();
}

} // namespace

qsizetype invalidUtf8Offset(const QByteArray &data)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.constData());
    const qsizetype size = data.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            if (lead == 0xe0)
                low = 0xa0; // overlong
            else if (lead == 0xed)
                high = 0x9f; // surrogates
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            if (lead == 0xf0)
                low = 0x90; // overlong
            else if (lead == 0xf4)
                high = 0x8f; // beyond U+10FFFF
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        for (int k = 1; k < length; ++k) {
            const unsigned char next = bytes[i + k];
            if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xbf))
                return i;
        }
        i += length;
    }
    return -1;
}

qsizetype unpairedSurrogateIndex(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return i;
    }
    return -1;
}

std::pair<qsizetype, qsizetype> lineAndColumn(const QByteArray &data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    qsizetype line = 1;
    qsizetype column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(data.at(i));
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xc0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

QString formatNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

Message describe(const QJsonValue &value)
{
    const auto text = [](const char *source) { return Message("PortRelay::RuleSetParser", source); };
    switch (value.type()) {
    case QJsonValue::Null:
        return text(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "null"));
    case QJsonValue::Bool:
        return value.toBool() ? text(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "boolean true"))
                              : text(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "boolean false"));
    case QJsonValue::Double:
        return text(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "number %1")).arg(formatNumber(value.toDouble()));
    case QJsonValue::String:
        return text(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "string %1")).arg(Quoting::quoted(value.toString()));
    case QJsonValue::Array:
        return text(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "an array"));
    case QJsonValue::Object:
        return text(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "an object"));
    case QJsonValue::Undefined:
        break;
    }
    return text(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "nothing"));
}

QString suggestion(QStringView text, const std::vector<QStringView> &known)
{
    if (text.size() > MaxSuggestedKeyLength)
        return {};
    const QString loose = looseKey(text);
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (QStringView candidate : known) {
        const int distance = editDistance(loose, looseKey(candidate));
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate.toString();
        }
    }
    const int allowed = loose.size() <= 3 ? 1 : loose.size() <= 8 ? 2 : 3;
    return bestDistance <= allowed ? best : QString();
}

} // namespace PortRelay::JsonText
