#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace PortRelay {

// A health check's "send" and "expect" bytes as one line of editable text: control characters as
// C escapes (\r, \n, \t, \0, \xHH) and a backslash as \\, so that "PING\r\n" can be typed.
class CheckDataText
{
    Q_DECLARE_TR_FUNCTIONS(CheckDataText)

public:
    static QString escape(const QByteArray &data);
    // On failure returns nullopt and sets *error, e.g. "unknown escape \"\q\"".
    static std::optional<QByteArray> unescape(const QString &text, QString *error = nullptr);
};

} // namespace PortRelay
