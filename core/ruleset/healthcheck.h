#pragma once

#include <QString>

namespace PortRelay {

// How a rule probes its backends. Defaults are documented in docs/rules-format.md.
struct HealthCheck
{
    enum class Type { None, Tcp };

    Type type = Type::Tcp;
    int intervalMs = 2000;
    int timeoutMs = 1000;
    int rise = 2; // consecutive successes before a backend counts as up
    int fall = 3; // consecutive failures before a backend counts as down

    friend bool operator==(const HealthCheck &a, const HealthCheck &b)
    {
        return a.type == b.type && a.intervalMs == b.intervalMs && a.timeoutMs == b.timeoutMs && a.rise == b.rise
            && a.fall == b.fall;
    }
    friend bool operator!=(const HealthCheck &a, const HealthCheck &b) { return !(a == b); }
};

} // namespace PortRelay
