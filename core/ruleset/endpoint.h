#pragma once

#include "core/i18n/message.h"

#include <QHostAddress>
#include <QString>

#include <optional>

namespace PortRelay {

// A "host:port" pair as written in a rule file: "127.0.0.1:8080", "[::1]:8080", "db.local:5432".
// A host name is kept as written; an address literal is kept in its canonical form ("[0::1]" is
// "::1") and "*" becomes "0.0.0.0". Resolving names is the engine's job.
struct Endpoint
{
    QString host;
    quint16 port = 0;

    // Parses "host:port"; IPv6 literals must be bracketed. On failure returns nullopt and sets
    // *error to a sentence naming the offending part, e.g. "port 70000 out of range 1-65535".
    static std::optional<Endpoint> parse(QStringView text, Message *error = nullptr);
    // As parse(), but a text without a port part ("bastion.example.com", "[::1]") gets defaultPort:
    // a hop's address is an SSH server's, port 22 unless it says otherwise. "host:" is still a
    // missing port and "::1" still needs its brackets.
    static std::optional<Endpoint> parseWithDefaultPort(QStringView text, quint16 defaultPort,
                                                        Message *error = nullptr);
    // The port part alone ("8080"), with parse()'s checks and messages.
    static std::optional<quint16> parsePort(QStringView text, Message *error = nullptr);

    // The canonical text form, parse(toString()) == *this.
    QString toString() const;

    // The host as an address if it is a literal (or "localhost", which means 127.0.0.1 where a
    // rule listens).
    std::optional<QHostAddress> literalAddress() const;
    // The host as an address if it is written as one; names, "localhost" included, are not.
    std::optional<QHostAddress> numericAddress() const;
    // True when the host binds every interface (0.0.0.0, [::]).
    bool isWildcard() const;
    // True when the host is a loopback address or "localhost".
    bool isLoopback() const;

    // RFC 1123 host name syntax: dot-separated labels of letters, digits and "-" (not at either
    // end of a label), 1-63 characters each, 253 in all. On failure *error says what is wrong.
    static bool isValidHostName(QStringView name, Message *error = nullptr);

    friend bool operator==(const Endpoint &a, const Endpoint &b) { return a.host == b.host && a.port == b.port; }
    friend bool operator!=(const Endpoint &a, const Endpoint &b) { return !(a == b); }
};

} // namespace PortRelay
