#pragma once

#include "core/i18n/message.h"
#include "core/net/addresslist.h"
#include "core/net/backendstate.h"
#include "core/net/trafficcounters.h"

#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace PortRelay {

struct Rule;

// The live side of one backend, shared by the workers (which read it on every pick and record
// connect outcomes) and the control thread (health checks, the user's draining). Every field is
// an atomic; races between workers only blur statistics, never eligibility.
class BackendRuntime
{
public:
    // Weights are scaled by this so slow start and adaptive scores can take fractions of weight 1.
    static constexpr int WeightScale = 100;

    std::atomic<BackendState> health{BackendState::Unknown}; // Unknown, Up, Down or Disabled
    std::atomic<bool> draining{false};
    std::atomic<qint64> upSinceMs{0}; // when it came back up (monotonic), for slow start
    // When state() last changed (ms since the epoch), for people to look at.
    std::atomic<qint64> stateSinceEpochMs;
    TrafficCounters counters;
    // The last active check, for people to look at: when (ms since the epoch), how long it took
    // (-1: none yet) and, if it failed, why.
    std::atomic<qint64> lastCheckEpochMs{0};
    std::atomic<qint32> lastCheckMicros{-1};

    BackendRuntime();
    Q_DISABLE_COPY_MOVE(BackendRuntime)

    // The addresses to try, in order; empty while a name is unresolved. A worker may use the list
    // it got until it returns to its event loop, no longer: a list replaced meanwhile is freed
    // once every worker has been through its loop (the engine hands it to WorkerPool::retire()).
    const AddressList &addresses() const { return *m_addresses.load(std::memory_order_acquire); }
    bool hasAddresses() const { return !addresses().isEmpty(); }
    // Whether there is anything to try: addresses here, or a hop that resolves the name there.
    bool isReachable() const { return m_farSide || hasAddresses(); }
    // Reached through a hop: its name is resolved on the far side, never here. Set before the
    // runtime is shared.
    void setFarSide() { m_farSide = true; }
    bool isFarSide() const { return m_farSide; }
    // Control thread only: publishes a new list and returns the one it replaces, to be retired.
    std::shared_ptr<const AddressList> publishAddresses(std::shared_ptr<const AddressList> list);
    // Control thread only: the list now published.
    std::shared_ptr<const AddressList> publishedAddresses() const { return m_addressesOwner; }
    // The address that worked last (a position in addresses()): tried first next time, so a name
    // whose first address is dead costs one failed connect, not one per connection.
    std::atomic<int> preferredAddress{0};
    // Why the name does not resolve now; empty when it does.
    void setResolveError(const Message &error);
    Message resolveError() const;

    // Records that state() changed now.
    void markStateChanged();

    // Also records when (ms since the epoch): a failure hours ago on a backend that is up now is
    // history, and the window says so.
    void setLastFailure(const Message &reason);
    Message lastFailure(qint64 *atEpochMs = nullptr) const;

    // The state as shown: draining overrides health.
    BackendState state() const;
    bool isEligible() const;

    // A failed connect attempt from real traffic. Returns true when this failure is the one that
    // marks the backend down (max_fails within the window); *previous is then the state it left.
    bool recordFailure(qint64 nowMs, const Rule &rule, BackendState *previous);
    // A successful connect that took connectMicros.
    void recordSuccess(qint64 connectMicros);

    // The weight the balancers see: scaled, ramped up during slow start, times the health score
    // when adaptive weights are on. Always >= 1.
    int effectiveWeight(int configuredWeight, const Rule &rule, qint64 nowMs) const;
    // (1 - failure ratio) / (1 + connect time / 20 ms), clamped to [0.05, 1].
    double healthScore() const;

private:
    bool m_farSide = false;
    std::atomic<int> m_windowFailures{0};
    std::atomic<qint64> m_windowStartMs{0};
    // Moving averages (alpha 0.2) over connect attempts: failures in millionths, time in microseconds.
    std::atomic<quint32> m_failureRatioPpm{0};
    std::atomic<quint32> m_connectMicros{0};
    std::shared_ptr<const AddressList> m_addressesOwner; // control thread only
    std::atomic<const AddressList *> m_addresses;
    mutable QMutex m_failureMutex; // never taken on the data path
    Message m_lastFailure;
    Message m_resolveError;
    qint64 m_lastFailureEpochMs = 0;
};

} // namespace PortRelay
