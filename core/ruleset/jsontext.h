#pragma once

#include "core/i18n/message.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <utility>
#include <vector>

// What the rules-file parser needs to say about raw JSON text and values, kept apart from the
// reading itself: where a byte is, whether text is well-formed, what a value is, which known key
// a typo meant.
namespace PortRelay::JsonText {

// Offset of the first byte that is not well-formed UTF-8 (RFC 3629), or -1.
qsizetype invalidUtf8Offset(const QByteArray &data);
// Index of the first surrogate without its partner, or -1. JSON's "\ud800" escapes can make one,
// and UTF-8 has no form for it: stored as bytes, it would not read back as what was written.
qsizetype unpairedSurrogateIndex(QStringView text);
// 1-based line and column (in characters) of a byte offset, as an editor shows them.
std::pair<qsizetype, qsizetype> lineAndColumn(const QByteArray &data, qsizetype offset);
// "number 7", "string \"abc\"", "an array": what a value is, for "expected a string, got ...".
Message describe(const QJsonValue &value);
// A number as JSON wrote it, without a trailing ".0".
QString formatNumber(double value);
// The known key closest to text, if it is close enough to be a likely typo
// ("connectTimeoutMs" finds "connect_timeout_ms", "weigth" finds "weight"); else empty.
QString suggestion(QStringView text, const std::vector<QStringView> &known);

} // namespace PortRelay::JsonText
