#pragma once

#include <QHostAddress>
#include <QString>

#include <optional>

namespace PortRelay {

// A "host:port" pair as written in a rule file: "127.0.0.1:8080", "[::1]:8080", "db.local:5432".
// The host is kept as written (a name or an address literal); resolving it is the engine's job.
struct Endpoint
{
    QString host;
    quint16 port = 0;

    // Parses "host:port"; IPv6 literals must be bracketed. On failure returns nullopt and sets
    // *error to a sentence naming the offending part, e.g. "port 70000 out of range 1-65535".
    static std::optional<Endpoint> parse(QStringView text, QString *error = nullptr);

    // The canonical text form, parse(toString()) == *this.
    QString toString() const;

    // The host as an address if it is a literal (or "localhost", which always means loopback here).
    std::optional<QHostAddress> literalAddress() const;
    // True when the host binds every interface (0.0.0.0, [::]).
    bool isWildcard() const;
    // True when the host is a loopback address or "localhost".
    bool isLoopback() const;

    friend bool operator==(const Endpoint &a, const Endpoint &b) { return a.host == b.host && a.port == b.port; }
    friend bool operator!=(const Endpoint &a, const Endpoint &b) { return !(a == b); }
};

} // namespace PortRelay
