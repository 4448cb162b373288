#pragma once

#include "core/engine/enginesnapshot.h"
#include "core/engine/rulestatus.h"
#include "core/net/chunkpool.h"
#include "core/net/clock.h"
#include "core/net/clocktimer.h"
#include "core/net/connectioninfo.h"
#include "core/net/engineevent.h"
#include "core/net/uniquefd.h"
#include "core/ruleset/ruleset.h"

#include <QHash>
#include <QMutex>
#include <QObject>

#include <memory>
#include <vector>

namespace PortRelay {

class BackendResolution;
class HealthChecker;
class HopRuntime;
class HopSet;
class WakeDetector;
class SecretStore;
class HostResolver;
class RuleRuntime;
class WorkerPool;

// The forwarding engine: runs a rule set on a pool of worker threads.
//
// The Engine object is the control side. It lives on one thread (portrelayd's main thread, or a
// control thread under the GUI) and all its methods except snapshot() and activeConnections()
// must be called there. Listening sockets are bound here, so a failure to listen is known at once
// and reported with the rule's name; connections are accepted and relayed by the workers.
class Engine final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int workers = 0; // 0: one per CPU the process may run on
        RelayMode relayMode = RelayMode::Auto;
        int listenBacklog = 4096;
        // Backend names are looked up again this often while their rule runs.
        int resolveIntervalMs = 30000;
        // What every timeout, window, ramp and backoff is measured in (tests pass their own).
        const Clock *clock = &Clock::system();
        // SSH hops: record the host keys of servers never seen before (changed keys are always
        // refused), and the OpenSSH client to run.
        bool acceptNewHostKeys = false;
        QString sshProgram = QStringLiteral("ssh");
        // Passphrases and passwords of SSH hops (not owned; must outlive the engine). None: hops
        // that name a secret fail with "passphrase needed".
        SecretStore *secrets = nullptr;
    };

    enum class StopMode
    {
        Graceful, // stop accepting; open connections run to their end
        Abort,    // stop accepting and reset the rule's open connections
    };

    explicit Engine(const Options &options, QObject *parent = nullptr);
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;
    Q_DISABLE_COPY_MOVE(Engine)

    // Makes ruleSet the engine's rule set, changing only what differs:
    // - an unchanged rule keeps running untouched, with its connections;
    // - a changed rule takes new connections by its new settings at once (on the same socket when
    //   its listen address is unchanged, so no client is refused meanwhile); its open connections
    //   finish on the old settings;
    // - a rule gone from the set, or now disabled, stops accepting; its connections finish;
    // - enabled rules that are not running are started. One whose address is taken by another
    //   program (or not on this machine yet) waits for it: RuleState::Waiting, retried on its own
    //   with backoff (1 s doubling to 30 s); an unchanged waiting rule is left to its schedule.
    // Returns the status of each rule that failed to start or waits; the others run regardless.
    QList<RuleStatus> apply(const RuleSet &ruleSet);

    // Starts one rule of the current set; false (with *error) when it cannot listen.
    bool startRule(const QString &name, Message *error = nullptr);
    void stopRule(const QString &name, StopMode mode = StopMode::Graceful);
    void stopAll(StopMode mode = StopMode::Graceful);

    // Draining: the backend takes no new connections; open ones finish. Not saved in the rule.
    void setBackendDraining(const QString &rule, int backend, bool draining);
    // Runs a health check of the backend now, outside the schedule.
    void checkBackendNow(const QString &rule, int backend);

    // Every open client connection across the workers (asks each worker; for the UI, not a loop).
    QList<ConnectionInfo> connections() const;
    // Resets one connection named by ConnectionInfo::worker and ::serial.
    bool closeConnection(int worker, quint64 serial);

    RuleSet ruleSet() const;
    QList<RuleStatus> statuses() const;
    RuleStatus status(const QString &name) const;
    int workerCount() const;

    // The network changed or the machine woke: hops that are down try again now, and the
    // backends behind hops are checked now (their masters' connections may have died meanwhile).
    void recheckHops();

    // Safe from any thread.
    EngineSnapshot snapshot() const;
    int activeConnections() const;

Q_SIGNALS:
    void ruleStatusChanged(const PortRelay::RuleStatus &status);
    void eventOccurred(const PortRelay::EngineEvent &event);

private:
    struct Entry
    {
        Rule rule;
        RuleStatus status;
        std::shared_ptr<RuleRuntime> runtime; // null while not running
        std::unique_ptr<HealthChecker> checker;
        std::unique_ptr<BackendResolution> resolution;
        UniqueFd listenFd;
        bool accepting = false;            // the workers take connections from listenFd
        std::unique_ptr<ClockTimer> retry; // while Waiting: the next attempt to listen
        int retryDelayMs = 0;
    };

    Entry *find(const QString &name);
    const Entry *find(const QString &name) const;
    bool start(Entry &entry);
    // Listening failed for a reason that may pass (the port is taken): try again later, with backoff.
    void waitForAddress(Entry &entry, const Message &reason, int error);
    void cancelRetry(Entry &entry);
    void stop(Entry &entry, StopMode mode);
    // Swaps in a changed rule on the running listener; false when that is not possible.
    bool replaceInPlace(Entry &entry, const Rule &rule);
    // A runtime for rule; backends that the previous runtime had (same address) keep their state.
    std::shared_ptr<RuleRuntime> makeRuntime(const Rule &rule, const RuleRuntime *previous = nullptr);
    void attach(Entry &entry, std::shared_ptr<RuleRuntime> runtime);
    // Hands the bound socket to the workers: at once for literal backends, or once every name has
    // been looked up (or a few seconds have passed), so the first clients wait in the backlog
    // rather than find no backend.
    void acceptWhenResolved(Entry &entry);
    void beginAccepting(Entry &entry);
    void onBackendMarkedDown(const QString &rule, quint64 runtimeId, int backend, int previousState,
                             const PortRelay::Message &reason);
    void onBackendStateChanged(const std::shared_ptr<RuleRuntime> &runtime, int backend, BackendState from,
                               BackendState to, const Message &reason);
    void setStatus(Entry &entry, RuleState state, const Message &reason = Message(), int error = 0,
                   qint64 retryAtEpochMs = 0);
    void emitEvent(EngineEvent::Level level, EngineEvent::Kind kind, const QString &rule, const Message &message,
                   const QString &backend = QString(), std::optional<BackendState> from = std::nullopt,
                   std::optional<BackendState> to = std::nullopt);
    void rebuildIndex();
    // A hop changed state: events, and the backends behind it are checked now rather than at
    // their next interval, so they follow it at once.
    void onHopStateChanged(const QString &hop, int state, const Message &reason);
    // Wakes from sleep and network changes re-check the hops (recheckHops()).
    void watchForNetworkChanges();
    // The connectors of the backends behind hops, made from the running hops.
    void connectHops(RuleRuntime &runtime) const;
    // Tells what the workers' throttles held back and no later event told (about once a second).
    void sweepThrottles();

    Options m_options;
    std::unique_ptr<HostResolver> m_resolver; // outlives the rules' BackendResolutions
    std::unique_ptr<WorkerPool> m_workers;
    std::unique_ptr<HopSet> m_hops;
    std::unique_ptr<WakeDetector> m_wake;
    QList<Hop> m_hopDefinitions;
    QList<std::shared_ptr<const HopRuntime>> m_hopRuntimes; // for snapshot(), under m_mutex
    mutable QMutex m_mutex;                                 // guards m_entries against snapshot() from other threads
    std::vector<std::unique_ptr<Entry>> m_entries;
    QHash<QString, Entry *> m_index;
    ClockTimer m_throttleSweep;
};

} // namespace PortRelay
