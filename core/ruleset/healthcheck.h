#pragma once

#include <QByteArray>
#include <QString>

namespace PortRelay {

// How a rule probes its backends. Defaults are documented in docs/rules-format.md.
struct HealthCheck
{
    enum class Type
    {
        None,
        Tcp
    };

    Type type = Type::Tcp;
    int intervalMs = 2000;
    int timeoutMs = 1000;
    int rise = 2;      // consecutive successes before a backend counts as up
    int fall = 3;      // consecutive failures before a backend counts as down
    QByteArray send;   // written after connecting, e.g. "PING\r\n"; empty: nothing
    QByteArray expect; // must arrive within timeoutMs, e.g. "+PONG"; empty: connecting is enough

    // Key by key, by the schema table (RuleSchema::equal).
    friend bool operator==(const HealthCheck &a, const HealthCheck &b);
    friend bool operator!=(const HealthCheck &a, const HealthCheck &b) { return !(a == b); }
};

} // namespace PortRelay
