#include "core/engine/engine.h"

#include "core/engine/backendresolution.h"

#include "core/health/healthchecker.h"
#include "core/hops/hopset.h"
#include "core/hops/sshconnector.h"
#include "core/hops/wakedetector.h"
#include "core/net/eventthrottle.h"
#include "core/net/hostresolver.h"
#include "core/net/listenerfactory.h"
#include "core/net/ruleruntime.h"
#include "core/net/sockets.h"
#include "core/net/worker.h"
#include "core/net/workerpool.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkInformation>

#include <cerrno>
#include <climits>

namespace PortRelay {

Q_LOGGING_CATEGORY(lcEngine, "portrelay.engine")

namespace {

constexpr char Context[] = "PortRelay::Engine";

} // namespace

Engine::Engine(QObject *parent)
    : Engine(Options(), parent)
{}

Engine::Engine(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_resolver(std::make_unique<HostResolver>())
    , m_workers(std::make_unique<WorkerPool>(options.workers, options.relayMode, *options.clock))
    , m_hops(std::make_unique<HopSet>(
          SshMaster::Options{options.acceptNewHostKeys, options.sshProgram, options.secrets, nullptr}, *options.clock))
    , m_throttleSweep(*options.clock)
{
    connect(m_hops.get(), &HopSet::hopStateChanged, this,
            [this](const QString &hop, HopRuntime::State state, const Message &reason) {
                onHopStateChanged(hop, int(state), reason);
            });
    qRegisterMetaType<PortRelay::RuleStatus>();
    qRegisterMetaType<PortRelay::ConnectionInfo>();
    qRegisterMetaType<PortRelay::EngineSnapshot>();
    connect(m_workers.get(), &WorkerPool::eventReported, this, &Engine::eventOccurred);
    connect(m_workers.get(), &WorkerPool::backendMarkedDown, this, &Engine::onBackendMarkedDown);
    m_throttleSweep.setInterval(int(m_workers->throttle().intervalMs()));
    connect(&m_throttleSweep, &ClockTimer::timeout, this, &Engine::sweepThrottles);
    m_throttleSweep.start();
}

Engine::~Engine()
{
    stopAll(StopMode::Abort);
    // The rules' health checks hand their probes back to the workers: before the workers go.
    m_entries.clear();
    m_index.clear();
    m_hops->stopAll();
    m_workers.reset();
}

int Engine::workerCount() const
{
    return m_workers->size();
}

Engine::Entry *Engine::find(const QString &name)
{
    return m_index.value(name, nullptr);
}

const Engine::Entry *Engine::find(const QString &name) const
{
    return m_index.value(name, nullptr);
}

void Engine::rebuildIndex()
{
    m_index.clear();
    for (const auto &entry : m_entries)
        m_index.insert(entry->rule.name, entry.get());
}

QList<RuleStatus> Engine::apply(const RuleSet &ruleSet)
{
    QSet<QString> wanted;
    QSet<QString> usedHops;
    for (const Rule &rule : ruleSet.rules) {
        wanted.insert(rule.name);
        for (int i = 0; rule.enabled && i < rule.backends.size(); ++i) {
            if (!rule.hopOf(i).isEmpty())
                usedHops.insert(rule.hopOf(i));
        }
    }
    m_hopDefinitions = ruleSet.hops;
    if (!usedHops.isEmpty())
        watchForNetworkChanges();
    // Rules whose hops got a new master must get new connectors, even when the rule is the same.
    const QSet<QString> replacedHops = m_hops->apply(ruleSet.hops, usedHops);
    {
        QMutexLocker lock(&m_mutex);
        m_hopRuntimes = m_hops->runtimes();
    }
    const auto usesReplacedHop = [&replacedHops](const Rule &rule) {
        for (int i = 0; i < rule.backends.size(); ++i) {
            if (!rule.hopOf(i).isEmpty() && replacedHops.contains(rule.hopOf(i)))
                return true;
        }
        return false;
    };

    // Stop what leaves first, so a rule that moves its listen address to one a removed rule had
    // can bind it.
    for (const auto &entry : m_entries) {
        if (!wanted.contains(entry->rule.name) && entry->listenFd.isValid())
            stop(*entry, StopMode::Graceful);
    }
    for (const Rule &rule : ruleSet.rules) {
        Entry *entry = find(rule.name);
        if (!entry || entry->rule == rule || !entry->listenFd.isValid())
            continue;
        if (!rule.enabled || entry->rule.listen != rule.listen)
            stop(*entry, StopMode::Graceful);
    }

    std::vector<std::unique_ptr<Entry>> entries;
    {
        QMutexLocker lock(&m_mutex);
        for (const Rule &rule : ruleSet.rules) {
            std::unique_ptr<Entry> entry;
            for (auto &old : m_entries) {
                if (old && old->rule.name == rule.name) {
                    entry = std::move(old);
                    break;
                }
            }
            if (!entry) {
                entry = std::make_unique<Entry>();
                entry->rule = rule;
                entry->status.name = rule.name;
            }
            entries.push_back(std::move(entry));
        }
        m_entries.swap(entries);
        rebuildIndex();
    }
    entries.clear(); // rules gone from the set (already stopped)

    QList<RuleStatus> failures;
    for (const Rule &rule : ruleSet.rules) {
        Entry &entry = *find(rule.name);
        if ((entry.rule != rule || usesReplacedHop(rule)) && entry.listenFd.isValid()) {
            replaceInPlace(entry, rule);
            continue;
        }
        const bool unchanged = entry.rule == rule;
        {
            QMutexLocker lock(&m_mutex);
            entry.rule = rule;
        }
        const bool waiting = entry.status.state == RuleState::Waiting;
        if (!rule.enabled && waiting)
            stop(entry, StopMode::Graceful);
        // A reload looks the names of an unchanged running rule up again (it may be why it came).
        if (unchanged && entry.resolution)
            entry.resolution->refreshAll();
        if (!rule.enabled || entry.listenFd.isValid())
            continue;
        // Another change to the set is no reason to try a taken port again (and log it again).
        if ((unchanged && waiting) || !start(entry))
            failures.append(entry.status);
    }
    return failures;
}

bool Engine::replaceInPlace(Entry &entry, const Rule &rule)
{
    std::shared_ptr<RuleRuntime> runtime = makeRuntime(rule, entry.runtime.get());
    const int fd = entry.listenFd.get();
    m_workers->runOnEach([fd, &runtime](Worker &worker) { worker.replaceListenerRule(fd, runtime); });
    {
        QMutexLocker lock(&m_mutex);
        entry.rule = rule;
    }
    attach(entry, std::move(runtime));
    if (!entry.accepting)
        acceptWhenResolved(entry);
    emitEvent(EngineEvent::Level::Info, EngineEvent::Kind::RuleChanged, rule.name,
              Message(Context, QT_TR_NOOP("settings changed; open connections finish on the old settings")));
    return true;
}

bool Engine::startRule(const QString &name, Message *error)
{
    Entry *entry = find(name);
    if (!entry) {
        if (error)
            *error = Message(Context, QT_TR_NOOP("no rule named \"%1\"")).arg(name);
        return false;
    }
    if (entry->listenFd.isValid())
        return true;
    const bool ok = start(*entry);
    if (!ok && error)
        *error = entry->status.reason;
    return ok;
}

void Engine::stopRule(const QString &name, StopMode mode)
{
    if (Entry *entry = find(name))
        stop(*entry, mode);
}

void Engine::stopAll(StopMode mode)
{
    for (const auto &entry : m_entries)
        stop(*entry, mode);
}

std::shared_ptr<RuleRuntime> Engine::makeRuntime(const Rule &rule, const RuleRuntime *previous)
{
    // Literal addresses at once; a name keeps what the previous runtime had for it (a changed
    // rule loses no addresses) until BackendResolution looks it up anew.
    std::vector<std::shared_ptr<const AddressList>> addresses;
    for (const Backend &backend : rule.backends) {
        std::shared_ptr<const AddressList> list;
        if (!backend.enabled) {
        } else if (const std::optional<QHostAddress> literal = backend.address.numericAddress()) {
            list = AddressList::make({SocketAddress(*literal, backend.address.port)});
        } else if (previous) {
            for (int j = 0; j < previous->backendCount() && !list; ++j) {
                if (previous->rule().backends[j].address == backend.address)
                    list = previous->backend(j).publishedAddresses();
            }
        }
        addresses.push_back(std::move(list));
    }
    auto runtime = std::make_shared<RuleRuntime>(rule, addresses);
    connectHops(*runtime);
    if (previous) {
        for (int i = 0; i < runtime->backendCount(); ++i) {
            for (int j = 0; j < previous->backendCount(); ++j) {
                const BackendRuntime &old = previous->backend(j);
                BackendRuntime &now = runtime->backend(i);
                if (previous->rule().backends[j].address != rule.backends[i].address)
                    continue;
                if (now.health.load() != BackendState::Disabled && old.health.load() != BackendState::Disabled)
                    now.health.store(old.health.load());
                now.setResolveError(old.resolveError());
                now.draining.store(old.draining.load());
                now.upSinceMs.store(old.upSinceMs.load());
                if (now.state() == old.state())
                    now.stateSinceEpochMs.store(old.stateSinceEpochMs.load());
            }
        }
    }
    return runtime;
}

void Engine::connectHops(RuleRuntime &runtime) const
{
    const Rule &rule = runtime.rule();
    for (int i = 0; i < rule.backends.size(); ++i) {
        const QString &hop = rule.hopOf(i);
        if (hop.isEmpty())
            continue;
        // A hop that does not run (the rule set names none such, or no master could be made) has
        // a runtime that stays down, so its backends fail with a reason instead of going direct.
        std::shared_ptr<const HopRuntime> hopRuntime = m_hops->runtime(hop);
        if (!hopRuntime) {
            auto missing = std::make_shared<HopRuntime>(hop, QByteArray());
            missing->setState(HopRuntime::State::Down,
                              m_hops->unusableReason().isEmpty()
                                  ? Message(Context, QT_TR_NOOP("the rule set has no hop named \"%1\"")).arg(hop)
                                  : m_hops->unusableReason(),
                              QDateTime::currentMSecsSinceEpoch());
            hopRuntime = std::move(missing);
        }
        const Endpoint &target = rule.backends[i].address;
        runtime.setConnector(i,
                             std::make_unique<SshConnector>(std::move(hopRuntime), target.host.toUtf8(), target.port));
    }
}

void Engine::recheckHops()
{
    m_hops->recheckAll();
    for (const auto &entry : m_entries) {
        if (!entry->runtime || !entry->checker || entry->runtime->rule().healthCheck.type == HealthCheck::Type::None)
            continue;
        const Rule &rule = entry->runtime->rule();
        for (int i = 0; i < rule.backends.size(); ++i) {
            if (!rule.hopOf(i).isEmpty())
                entry->checker->checkNow(i);
        }
    }
}

void Engine::watchForNetworkChanges()
{
    if (m_wake)
        return;
    // Only once a rule set has hops: a rule set without them needs none of this.
    m_wake = std::make_unique<WakeDetector>();
    connect(m_wake.get(), &WakeDetector::woke, this, [this](qint64 sleptMs) {
        qCInfo(lcEngine, "woke after %lld ms asleep: re-checking hops", sleptMs);
        recheckHops();
    });
    // NetworkManager (or the platform's equivalent) through Qt, where a backend exists.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online)
                        recheckHops();
                });
    }
}

void Engine::onHopStateChanged(const QString &hop, int state, const Message &reason)
{
    const auto hopState = HopRuntime::State(state);
    EngineEvent event;
    event.time = QDateTime::currentDateTimeUtc();
    event.level = hopState == HopRuntime::State::Down ? EngineEvent::Level::Warning : EngineEvent::Level::Info;
    event.kind = EngineEvent::Kind::HopStateChanged;
    event.hop = hop;
    event.hopState = HopRuntime::stateName(hopState);
    event.message = reason;
    Q_EMIT eventOccurred(event);
    if (hopState == HopRuntime::State::Connecting)
        return;
    for (const auto &entry : m_entries) {
        if (!entry->runtime || !entry->checker)
            continue;
        const Rule &rule = entry->runtime->rule();
        const bool checked = rule.healthCheck.type != HealthCheck::Type::None;
        for (int i = 0; i < rule.backends.size(); ++i) {
            if (rule.hopOf(i) != hop)
                continue;
            if (checked) // the check says, through the hop, as traffic would find it
                entry->checker->checkNow(i);
            else if (hopState == HopRuntime::State::Down)
                entry->checker->onUnresolvable(
                    i, Message(Context, QT_TR_NOOP("hop \"%1\" is down: %2")).arg(hop).arg(reason));
            else
                entry->checker->onPathRestored(i, Message(Context, QT_TR_NOOP("hop \"%1\" is up")).arg(hop));
        }
    }
}

void Engine::attach(Entry &entry, std::shared_ptr<RuleRuntime> runtime)
{
    auto checker = std::make_unique<HealthChecker>(runtime, *m_workers, *m_options.clock);
    connect(checker.get(), &HealthChecker::stateChanged, this,
            [this, weak = std::weak_ptr<RuleRuntime>(runtime)](int backend, BackendState from, BackendState to,
                                                               const Message &reason) {
                if (const std::shared_ptr<RuleRuntime> r = weak.lock())
                    onBackendStateChanged(r, backend, from, to, reason);
            });
    auto resolution = std::make_unique<BackendResolution>(
        runtime, *m_resolver, [this](std::shared_ptr<const void> garbage) { m_workers->retire(std::move(garbage)); },
        m_options.resolveIntervalMs, *m_options.clock);
    HealthChecker *rawChecker = checker.get();
    connect(resolution.get(), &BackendResolution::unresolvable, rawChecker, &HealthChecker::onUnresolvable);
    connect(resolution.get(), &BackendResolution::addressesChanged, rawChecker, &HealthChecker::onAddressesChanged);
    {
        QMutexLocker lock(&m_mutex);
        entry.runtime = std::move(runtime);
        entry.checker = std::move(checker);
        entry.resolution = std::move(resolution);
    }
    entry.checker->start();
    entry.resolution->start();
}

void Engine::acceptWhenResolved(Entry &entry)
{
    if (entry.resolution->isSettled()) {
        beginAccepting(entry);
        return;
    }
    const QString name = entry.rule.name;
    const quint64 runtimeId = entry.runtime->id();
    const auto begin = [this, name, runtimeId] {
        Entry *e = find(name);
        if (e && e->runtime && e->runtime->id() == runtimeId && e->listenFd.isValid() && !e->accepting)
            beginAccepting(*e);
    };
    connect(entry.resolution.get(), &BackendResolution::settled, this, begin);
    QTimer::singleShot(qBound(100, entry.rule.connectTimeoutMs, 5000), this, begin);
}

void Engine::beginAccepting(Entry &entry)
{
    const int listenFd = entry.listenFd.get();
    const std::shared_ptr<RuleRuntime> runtime = entry.runtime;
    m_workers->runOnEach([listenFd, &runtime](Worker &worker) { worker.addListener(listenFd, runtime); });
    entry.accepting = true;
}

void Engine::onBackendMarkedDown(const QString &rule, quint64 runtimeId, int backend, int previousState,
                                 const Message &reason)
{
    Entry *entry = find(rule);
    // The report may concern a runtime replaced since; its backends no longer matter.
    if (!entry || !entry->runtime || entry->runtime->id() != runtimeId || !entry->checker)
        return;
    entry->checker->onMarkedDown(backend, BackendState(previousState), reason);
}

void Engine::onBackendStateChanged(const std::shared_ptr<RuleRuntime> &runtime, int backend, BackendState from,
                                   BackendState to, const Message &reason)
{
    const Rule &rule = runtime->rule();
    if (to == BackendState::Down) {
        // A backend that failed may have moved (a container restarted elsewhere): look again.
        if (Entry *entry = find(rule.name); entry && entry->runtime == runtime && entry->resolution)
            entry->resolution->onBackendFailing(backend);
    }
    emitEvent(to == BackendState::Down ? EngineEvent::Level::Warning : EngineEvent::Level::Info,
              EngineEvent::Kind::BackendStateChanged, rule.name, reason, rule.backends[backend].address.toString(),
              from, to);
    if (to == BackendState::Down && rule.onDown == OnDown::Close) {
        const RuleRuntime *r = runtime.get();
        m_workers->runOnEach([r, backend](Worker &worker) { worker.closeBackendConnections(r, backend); });
    }
}

void Engine::setBackendDraining(const QString &rule, int backend, bool draining)
{
    if (Entry *entry = find(rule); entry && entry->checker)
        entry->checker->setDraining(backend, draining);
}

void Engine::checkBackendNow(const QString &rule, int backend)
{
    if (Entry *entry = find(rule); entry && entry->checker)
        entry->checker->checkNow(backend);
}

bool Engine::start(Entry &entry)
{
    const Rule &rule = entry.rule;
    Message error;
    const std::optional<QHostAddress> host = rule.listen.literalAddress();
    UniqueFd fd;
    int errorCode = 0;
    if (!host) {
        error =
            Message(Context, QT_TR_NOOP("listen host \"%1\" is not an address of this machine")).arg(rule.listen.host);
    } else {
        fd = ListenerFactory::forProtocol(rule.protocol)
                 .open(SocketAddress(*host, rule.listen.port), m_options.listenBacklog, &errorCode);
        error = Sockets::errorMessage(errorCode);
    }
    if (!fd.isValid()) {
        const Message reason =
            Message(Context, QT_TR_NOOP("cannot listen on %1: %2")).arg(rule.listen.toString()).arg(error);
        if (errorCode == EADDRINUSE || errorCode == EADDRNOTAVAIL) {
            waitForAddress(entry, reason, errorCode);
            return false;
        }
        cancelRetry(entry);
        setStatus(entry, RuleState::Failed, reason, errorCode);
        emitEvent(EngineEvent::Level::Error, EngineEvent::Kind::RuleFailed, rule.name, reason);
        return false;
    }
    cancelRetry(entry);
    {
        QMutexLocker lock(&m_mutex);
        entry.listenFd = std::move(fd);
    }
    attach(entry, makeRuntime(rule));
    acceptWhenResolved(entry);
    setStatus(entry, RuleState::Running);
    const bool exposed = !rule.listen.isLoopback();
    emitEvent(exposed ? EngineEvent::Level::Warning : EngineEvent::Level::Info, EngineEvent::Kind::RuleStarted,
              rule.name,
              (exposed ? Message(Context, QT_TR_NOOP("listening on %1, reachable from other machines"))
                       : Message(Context, QT_TR_NOOP("listening on %1")))
                  .arg(rule.listen.toString()));
    return true;
}

void Engine::waitForAddress(Entry &entry, const Message &reason, int error)
{
    const bool first = entry.status.state != RuleState::Waiting;
    entry.retryDelayMs = first ? 1000 : qMin(entry.retryDelayMs * 2, 30000);
    if (!entry.retry) {
        entry.retry = std::make_unique<ClockTimer>(*m_options.clock);
        entry.retry->setSingleShot(true);
        const QString name = entry.rule.name;
        connect(entry.retry.get(), &ClockTimer::timeout, this, [this, name] {
            Entry *e = find(name);
            if (e && e->rule.enabled && !e->listenFd.isValid() && e->status.state == RuleState::Waiting)
                start(*e);
        });
    }
    entry.retry->start(entry.retryDelayMs);
    setStatus(entry, RuleState::Waiting, reason, error, QDateTime::currentMSecsSinceEpoch() + entry.retryDelayMs);
    // Once when it starts waiting, and RuleStarted when it is through: not once per attempt.
    if (first)
        emitEvent(EngineEvent::Level::Warning, EngineEvent::Kind::RuleWaiting, entry.rule.name,
                  Message(Context, QT_TR_NOOP("%1; trying again until it is free")).arg(reason));
}

void Engine::cancelRetry(Entry &entry)
{
    entry.retry.reset();
    entry.retryDelayMs = 0;
}

void Engine::stop(Entry &entry, StopMode mode)
{
    const bool wasRunning = entry.listenFd.isValid();
    if (wasRunning) {
        const int fd = entry.listenFd.get();
        m_workers->runOnEach([fd](Worker &worker) { worker.removeListener(fd); });
    }
    if (mode == StopMode::Abort) {
        const QString name = entry.rule.name;
        m_workers->runOnEach([&name](Worker &worker) { worker.closeConnections(name); });
    }
    {
        QMutexLocker lock(&m_mutex);
        entry.listenFd.reset();
        entry.accepting = false;
        entry.runtime.reset();
        entry.checker.reset();
        entry.resolution.reset();
    }
    cancelRetry(entry);
    if (wasRunning || entry.status.state == RuleState::Failed || entry.status.state == RuleState::Waiting) {
        setStatus(entry, RuleState::Stopped);
        if (wasRunning)
            emitEvent(EngineEvent::Level::Info, EngineEvent::Kind::RuleStopped, entry.rule.name,
                      Message(Context, QT_TR_NOOP("stopped")));
    }
}

void Engine::setStatus(Entry &entry, RuleState state, const Message &reason, int error, qint64 retryAtEpochMs)
{
    {
        QMutexLocker lock(&m_mutex);
        entry.status.name = entry.rule.name;
        entry.status.state = state;
        entry.status.reason = reason;
        entry.status.error = error;
        entry.status.retryAtEpochMs = retryAtEpochMs;
    }
    Q_EMIT ruleStatusChanged(entry.status);
}

void Engine::emitEvent(EngineEvent::Level level, EngineEvent::Kind kind, const QString &rule, const Message &message,
                       const QString &backend, std::optional<BackendState> from, std::optional<BackendState> to)
{
    EngineEvent event;
    event.time = QDateTime::currentDateTimeUtc(); // local time would take glibc's zone lock
    event.level = level;
    event.kind = kind;
    event.rule = rule;
    event.backend = backend;
    event.from = from;
    event.to = to;
    event.message = message;
    Q_EMIT eventOccurred(event);
}

void Engine::sweepThrottles()
{
    const qint64 now = m_options.clock->nowMs();
    const auto sweep = [&](EventThrottle &throttle, const QString &rule) {
        throttle.takeHeld(now, [&](int kind, quint64 held) {
            emitEvent(EngineEvent::Level::Warning, EngineEvent::Kind(kind), rule,
                      Message(Context,
                              QT_TR_N_NOOP("%n more event(s) of this kind in the last second, not logged one by one"),
                              int(qMin<quint64>(held, INT_MAX))));
        });
    };
    sweep(m_workers->throttle(), QString());
    for (const auto &entry : m_entries) {
        if (entry->runtime)
            sweep(entry->runtime->throttle(), entry->rule.name);
    }
}

QList<ConnectionInfo> Engine::connections() const
{
    QList<ConnectionInfo> all;
    // runOnEach visits the workers one after another, so appending needs no lock.
    m_workers->runOnEach([&all](Worker &worker) { all += worker.connections(); });
    return all;
}

bool Engine::closeConnection(int worker, quint64 serial)
{
    bool closed = false;
    m_workers->runOnEach([&](Worker &w) {
        if (w.index() == worker)
            closed = w.closeConnection(serial);
    });
    return closed;
}

RuleSet Engine::ruleSet() const
{
    RuleSet set;
    set.hops = m_hopDefinitions;
    for (const auto &entry : m_entries)
        set.rules.append(entry->rule);
    return set;
}

QList<RuleStatus> Engine::statuses() const
{
    QMutexLocker lock(&m_mutex);
    QList<RuleStatus> result;
    for (const auto &entry : m_entries)
        result.append(entry->status);
    return result;
}

RuleStatus Engine::status(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    const Entry *entry = find(name);
    return entry ? entry->status : RuleStatus{name, RuleState::Stopped, Message(Context, QT_TR_NOOP("no such rule"))};
}

EngineSnapshot Engine::snapshot() const
{
    EngineSnapshot snapshot;
    QElapsedTimer clock;
    clock.start();
    snapshot.takenAtMs = clock.msecsSinceReference();
    QMutexLocker lock(&m_mutex);
    for (const std::shared_ptr<const HopRuntime> &hop : m_hopRuntimes)
        snapshot.hops.append({hop->name(), HopRuntime::stateName(hop->state()), hop->reason(), hop->sinceEpochMs()});
    snapshot.rules.reserve(qsizetype(m_entries.size()));
    for (const auto &entry : m_entries) {
        RuleSnapshot rule;
        rule.status = entry->status;
        rule.listen = entry->rule.listen.toString();
        if (const RuleRuntime *runtime = entry->runtime.get()) {
            rule.traffic = runtime->counters().sample();
            rule.refused = runtime->refusedCount();
            rule.failed = runtime->failedCount();
            for (int i = 0; i < runtime->backendCount(); ++i) {
                const BackendRuntime &backend = runtime->backend(i);
                BackendSnapshot b;
                b.address = runtime->rule().backends[i].address.toString();
                b.state = backend.state();
                b.traffic = backend.counters.sample();
                b.weight = runtime->rule().backends[i].weight;
                b.backup = runtime->rule().backends[i].backup;
                b.lastCheckEpochMs = backend.lastCheckEpochMs.load(std::memory_order_relaxed);
                b.lastCheckMicros = backend.lastCheckMicros.load(std::memory_order_relaxed);
                b.lastFailure = backend.lastFailure(&b.lastFailureEpochMs);
                b.stateSinceEpochMs = backend.stateSinceEpochMs.load(std::memory_order_relaxed);
                rule.backends.append(b);
            }
        }
        snapshot.rules.append(rule);
    }
    return snapshot;
}

int Engine::activeConnections() const
{
    return m_workers->activeConnections();
}

} // namespace PortRelay
