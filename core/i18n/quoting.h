#pragma once

#include <QString>
#include <QStringView>

// How messages show text that came from outside (a file, a field, a peer): hostile input can be
// megabytes long or hold control characters, and a message must stay one readable line.
namespace PortRelay::Quoting {

// Messages show at most this many characters of a value.
inline constexpr int MaxShownLength = 64;

// The first MaxShownLength characters, then "...".
QString shortened(QStringView text);
// shortened(text) in double quotes, escaped as JSON would: "\"", "\\", "\u0007".
QString quoted(QStringView text);

} // namespace PortRelay::Quoting
