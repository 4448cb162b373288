#pragma once

#include "core/balancing/balancer.h"
#include "core/net/backendruntime.h"
#include "core/net/clienttally.h"
#include "core/net/eventthrottle.h"
#include "core/net/trafficcounters.h"
#include "core/net/upstreamconnector.h"
#include "core/ruleset/rule.h"

#include <atomic>
#include <memory>
#include <vector>

namespace PortRelay {

// What the data plane needs of one running rule. Created by the engine when a rule starts; the
// configuration never changes afterwards (a changed rule gets a new runtime), so workers read it
// without locks. Backend addresses are replaced as names are looked up anew (BackendRuntime). Connections hold a
// shared_ptr, so a runtime lives until its last connection closes, even after its rule was stopped or replaced.
class RuleRuntime
{
public:
    // addresses: per backend, the list to start with (null: none yet, its name is being looked up).
    RuleRuntime(Rule rule, const std::vector<std::shared_ptr<const AddressList>> &addresses);
    Q_DISABLE_COPY_MOVE(RuleRuntime)

    const Rule &rule() const { return m_rule; }
    // Unique for the process's lifetime (unlike the address, which a later runtime may reuse).
    quint64 id() const { return m_id; }
    int backendCount() const { return int(m_backends.size()); }
    BackendRuntime &backend(int index) { return *m_backends[std::size_t(index)]; }
    const BackendRuntime &backend(int index) const { return *m_backends[std::size_t(index)]; }
    // How the backend is reached when not directly (through a hop): set by the engine before the
    // runtime is shared. Null: directly (Connectors decides).
    void setConnector(int index, std::unique_ptr<const UpstreamConnector> connector);
    const UpstreamConnector *connector(int index) const { return m_connectors[std::size_t(index)].get(); }

    TrafficCounters &counters() { return m_counters; }
    const TrafficCounters &counters() const { return m_counters; }
    // Open connections per client address, kept only when max_connections_per_client is set.
    ClientTally &clientTally() { return m_clientTally; }
    // Clients turned away at accept (allow list, max_connections, max_connections_per_client).
    std::atomic<quint64> &refused() { return m_refused; }
    // Clients for which no backend could be reached.
    std::atomic<quint64> &failed() { return m_failed; }
    quint64 refusedCount() const { return m_refused.load(std::memory_order_relaxed); }
    quint64 failedCount() const { return m_failed.load(std::memory_order_relaxed); }

    // Rate-limits what the workers report about this rule, per kind (EngineEvent::Kind).
    EventThrottle &throttle() { return m_throttle; }

    // The rule's balancer, shared by its workers.
    Balancer &balancer() { return *m_balancer; }

    bool usesClientHash() const { return m_rule.balance == BalanceStrategy::SourceHash; }
    // Whether the allow list (if any) admits a client address.
    bool admits(const SocketAddress &client) const;

private:
    const Rule m_rule;
    const quint64 m_id;
    std::vector<std::unique_ptr<BackendRuntime>> m_backends;
    std::vector<std::unique_ptr<const UpstreamConnector>> m_connectors;
    const std::unique_ptr<Balancer> m_balancer;
    TrafficCounters m_counters;
    ClientTally m_clientTally;
    EventThrottle m_throttle;
    std::atomic<quint64> m_refused{0};
    std::atomic<quint64> m_failed{0};
};

} // namespace PortRelay
