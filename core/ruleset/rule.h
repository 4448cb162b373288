#pragma once

#include "core/ruleset/backend.h"
#include "core/ruleset/endpoint.h"
#include "core/ruleset/healthcheck.h"
#include "core/ruleset/subnet.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace PortRelay {

enum class Protocol
{
    Tcp
};

enum class BalanceStrategy
{
    RoundRobin,
    LeastConnections,
    SourceHash,
    Random
};

// What happens to established connections when their backend is marked down.
enum class OnDown
{
    Keep,
    Close
};

// One forwarding rule: a listener and the backends it spreads connections over.
// A plain value; RuleValidator says whether it is usable.
struct Rule
{
    static constexpr int MaxBackends = 64;
    static constexpr int MaxAllowEntries = 1024; // checked per connection, one by one

    QString name;
    QString description; // the user's note, up to 500 characters: the rule's tooltip
    QString group;       // optional, for starting and stopping related rules together
    bool enabled = true;
    Protocol protocol = Protocol::Tcp;
    Endpoint listen{QStringLiteral("127.0.0.1"), 0};
    BalanceStrategy balance = BalanceStrategy::RoundRobin;
    QList<Backend> backends;
    HealthCheck healthCheck;
    int connectTimeoutMs = 5000;
    int idleTimeoutMs = 0;           // 0: never; TCP keep-alive finds dead peers
    int retries = 2;                 // further rounds over the backends once every eligible one has failed
    int maxConnections = 0;          // 0: unlimited
    int maxConnectionsPerClient = 0; // open connections from one client address; 0: unlimited
    OnDown onDown = OnDown::Keep;
    int maxFails = 3; // failed connects within failWindowMs that mark a backend down; 0: never
    int failWindowMs = 10000;
    int retryBackoffMs = 100;     // first pause before trying the same backends again; doubles
    int slowStartMs = 0;          // ramp a recovered backend's weight up over this time; 0: at once
    bool adaptiveWeights = false; // scale weights by a health score (connect time, failures)
    QList<Subnet> allow;          // empty: any client
    QString via;                  // the hop of backends that name none; empty: directly
    QJsonObject extensions;       // the user's own "x-" keys, kept verbatim

    // The hop a backend is reached through: its own "via", else the rule's; empty: directly.
    const QString &hopOf(int backend) const;

    // Key by key, by the schema table (RuleSchema::equal).
    friend bool operator==(const Rule &a, const Rule &b);
    friend bool operator!=(const Rule &a, const Rule &b) { return !(a == b); }
};

} // namespace PortRelay
