#include "core/net/worker.h"

#include "core/balancing/sourcehash.h"
#include "core/engine/clienttally.h"
#include "core/engine/monotonicclock.h"
#include "core/engine/ruleruntime.h"
#include "core/net/eventthrottle.h"
#include "core/net/sockets.h"

#include <cerrno>
#include <climits>

#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

namespace PortRelay {

namespace {

constexpr quint32 NotRegistered = ~0u;
constexpr quint32 In = EPOLLIN;
constexpr quint32 Out = EPOLLOUT;
constexpr quint64 KindClient = 0;
constexpr quint64 KindBackend = 1;
constexpr quint64 KindListener = 2;
constexpr quint64 KindControl = 3;
constexpr int MaxEventsPerWait = 128;
constexpr int MaxAcceptsPerWake = 64;
// Bytes one direction may move per wake-up before others get their turn.
constexpr std::size_t RelayBudget = 1024 * 1024;
constexpr int AcceptPauseMs = 100;
// Idle buffers and pipes are freed after this long without relaying.
constexpr qint64 PoolTrimIdleMs = 2000;

quint64 tagFor(quint32 slot, quint64 kind)
{
    return (quint64(slot) << 2) | kind;
}

quint64 clientHashOf(const sockaddr_storage &peer)
{
    if (peer.ss_family == AF_INET) {
        const auto &in = reinterpret_cast<const sockaddr_in &>(peer);
        return SourceHash::hashBytes(&in.sin_addr, sizeof(in.sin_addr));
    }
    const auto &in6 = reinterpret_cast<const sockaddr_in6 &>(peer);
    // An IPv4 client seen through an IPv6 socket must hash like the same client over IPv4.
    if (IN6_IS_ADDR_V4MAPPED(&in6.sin6_addr))
        return SourceHash::hashBytes(&in6.sin6_addr.s6_addr[12], 4);
    return SourceHash::hashBytes(&in6.sin6_addr, sizeof(in6.sin6_addr));
}

} // namespace

struct Worker::Connection
{
    std::shared_ptr<RuleRuntime> rule;
    RelayDirection up;   // client to backend
    RelayDirection down; // backend to client
    std::multimap<qint64, quint32>::iterator deadline;
    qint64 lastActivity = 0;
    qint64 startedMs = 0;          // accepted at
    qint64 attemptStartedUs = 0;   // current connect attempt began at
    qint64 attemptDeadlineMs = 0;  // the current attempt, over all of its backend's addresses
    quint64 addressGeneration = 0; // the AddressList the attempt walks (AddressList::generation)
    quint64 clientHash = 0;
    quint64 tried = 0; // backends tried for this client connection, one bit each
    quint64 serial = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    int clientFd = -1;
    int backendFd = -1;
    quint32 slot = 0;
    quint32 clientEvents = NotRegistered;
    quint32 backendEvents = NotRegistered;
    int backend = -1; // counted in that backend's active connections while >= 0
    int attempts = 0;
    int round = 0;              // rounds over the backends so far (retries)
    int lastError = 0;          // errno of the last failed attempt
    quint8 addressStart = 0;    // position in the list where this attempt began
    quint8 addressCount = 0;    // addresses in that list
    quint8 addressesTried = 0;  // how many of them this attempt has started
    quint8 addressPosition = 0; // the one being connected now
    ConnectionState state = ConnectionState::Connecting;
    bool hasDeadline = false;
    bool holdsClientTally = false; // counted in the rule's ClientTally under clientKey
    ClientTally::Key clientKey{};
};

Worker::Worker(int index, RelayMode mode, EventThrottle &throttle, QObject *parent)
    : QObject(parent)
    , m_index(index)
    , m_throttle(throttle)
    , m_pool(mode)
{}

Worker::~Worker() = default;

void Worker::initialize()
{
    m_epoll.reset(::epoll_create1(EPOLL_CLOEXEC));
    m_wakeup.reset(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
    Q_ASSERT(m_epoll.isValid() && m_wakeup.isValid());
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = KindControl;
    ::epoll_ctl(m_epoll.get(), EPOLL_CTL_ADD, m_wakeup.get(), &ev);
    m_now = MonotonicClock::nowMs();
}

void Worker::post(std::function<void()> task)
{
    {
        std::lock_guard<std::mutex> lock(m_tasksMutex);
        m_tasks.push_back(std::move(task));
    }
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wakeup.get(), &one, sizeof(one));
}

void Worker::run()
{
    epoll_event events[MaxEventsPerWait];
    while (!m_stopping) {
        // Sleep until the next event or the earliest deadline: one system call per wake-up.
        int timeout = -1;
        qint64 next = m_deadlines.empty() ? -1 : m_deadlines.begin()->first;
        if (m_acceptPaused && (next < 0 || m_acceptResumeAtMs < next))
            next = m_acceptResumeAtMs;
        if (m_pool.holdsIdle() && (next < 0 || m_lastRelayMs + PoolTrimIdleMs < next))
            next = m_lastRelayMs + PoolTrimIdleMs;
        if (next >= 0)
            timeout = int(qBound(qint64(0), next - MonotonicClock::nowMs(), qint64(60000)));
        const int n = ::epoll_wait(m_epoll.get(), events, MaxEventsPerWait, timeout);
        m_now = MonotonicClock::nowMs();
        for (int i = 0; i < n; ++i)
            dispatch(events[i].data.u64, events[i].events);
        // Connections closed in this batch are freed only now: a later event of the same batch
        // may still name them.
        reapClosed();
        expireDeadlines();
        if (m_acceptPaused && m_now >= m_acceptResumeAtMs)
            resumeAccepting();
        if (m_now - m_lastRelayMs >= PoolTrimIdleMs && m_pool.holdsIdle())
            m_pool.trim();
    }
}

void Worker::runTasks()
{
    quint64 count = 0;
    [[maybe_unused]] const ssize_t got = ::read(m_wakeup.get(), &count, sizeof(count));
    std::vector<std::function<void()>> tasks;
    {
        std::lock_guard<std::mutex> lock(m_tasksMutex);
        tasks.swap(m_tasks);
    }
    for (auto &task : tasks)
        task();
}

void Worker::shutdown()
{
    for (auto &slot : m_slots) {
        if (slot && slot->state != ConnectionState::Closed)
            finish(*slot, true);
    }
    reapClosed();
    for (const Listener &listener : m_listeners) {
        if (listener.fd >= 0)
            ::epoll_ctl(m_epoll.get(), EPOLL_CTL_DEL, listener.fd, nullptr);
    }
    m_listeners.clear();
    m_stopping = true;
}

void Worker::addListener(int listenFd, const std::shared_ptr<RuleRuntime> &rule)
{
    std::size_t index = 0;
    while (index < m_listeners.size() && m_listeners[index].fd >= 0)
        ++index;
    if (index == m_listeners.size())
        m_listeners.emplace_back();
    m_listeners[index] = {listenFd, rule};
    if (!m_acceptPaused) {
        // Exclusive: one connection wakes one worker, not all of them.
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLEXCLUSIVE;
        ev.data.u64 = tagFor(quint32(index), KindListener);
        ::epoll_ctl(m_epoll.get(), EPOLL_CTL_ADD, listenFd, &ev);
    }
}

void Worker::replaceListenerRule(int listenFd, const std::shared_ptr<RuleRuntime> &rule)
{
    for (Listener &listener : m_listeners) {
        if (listener.fd == listenFd)
            listener.rule = rule;
    }
}

void Worker::removeListener(int listenFd)
{
    for (Listener &listener : m_listeners) {
        if (listener.fd == listenFd) {
            ::epoll_ctl(m_epoll.get(), EPOLL_CTL_DEL, listenFd, nullptr);
            listener = {};
        }
    }
}

void Worker::closeConnections(const QString &ruleName)
{
    m_now = MonotonicClock::nowMs();
    for (auto &slot : m_slots) {
        if (slot && slot->state != ConnectionState::Closed && slot->rule->rule().name == ruleName)
            finish(*slot, true);
    }
    reapClosed();
}

void Worker::closeBackendConnections(const RuleRuntime *rule, int backend)
{
    m_now = MonotonicClock::nowMs();
    for (auto &slot : m_slots) {
        if (slot && slot->state == ConnectionState::Relaying && slot->rule.get() == rule && slot->backend == backend)
            finish(*slot, true);
    }
    reapClosed();
}

QList<ConnectionInfo> Worker::connections() const
{
    QList<ConnectionInfo> result;
    const qint64 now = MonotonicClock::nowMs();
    for (const auto &slot : m_slots) {
        if (!slot || slot->state == ConnectionState::Closed)
            continue;
        const Connection &c = *slot;
        ConnectionInfo info;
        info.worker = m_index;
        info.serial = c.serial;
        info.rule = c.rule->rule().name;
        sockaddr_storage peer{};
        socklen_t length = sizeof(peer);
        // Asked of the kernel on demand, so no connection carries its address around.
        if (::getpeername(c.clientFd, reinterpret_cast<sockaddr *>(&peer), &length) == 0)
            info.client = SocketAddress::fromNative(reinterpret_cast<sockaddr *>(&peer), length).toString();
        info.connecting = c.state != ConnectionState::Relaying;
        if (!info.connecting && c.backend >= 0)
            info.backend = c.rule->rule().backends[c.backend].address.toString();
        info.bytesIn = c.bytesIn;
        info.bytesOut = c.bytesOut;
        info.heldUp = c.up.pendingBytes();
        info.heldDown = c.down.pendingBytes();
        info.ageMs = now - c.startedMs;
        result.append(info);
    }
    return result;
}

bool Worker::closeConnection(quint64 serial)
{
    m_now = MonotonicClock::nowMs();
    for (auto &slot : m_slots) {
        if (slot && slot->serial == serial && slot->state != ConnectionState::Closed) {
            finish(*slot, true);
            reapClosed();
            return true;
        }
    }
    return false;
}

void Worker::dispatch(quint64 tag, quint32 events)
{
    const quint64 kind = tag & 3;
    const std::size_t index = std::size_t(tag >> 2);
    if (kind == KindControl) {
        runTasks();
        return;
    }
    if (kind == KindListener) {
        acceptFrom(index);
        return;
    }
    if (index >= m_slots.size() || !m_slots[index])
        return;
    Connection &c = *m_slots[index];
    switch (c.state) {
    case ConnectionState::Closed:
        return;
    case ConnectionState::Connecting:
        if (kind == KindBackend) {
            int error = 0;
            if (events & (EPOLLERR | EPOLLHUP)) {
                error = Sockets::pendingError(c.backendFd);
                if (error == 0)
                    error = ECONNREFUSED;
            }
            onConnectResult(c, error);
        } else if (events & (EPOLLERR | EPOLLHUP)) {
            finish(c, true); // the client gave up before a backend answered
        }
        return;
    case ConnectionState::Backoff:
        if (kind == KindClient && (events & (EPOLLERR | EPOLLHUP)))
            finish(c, true);
        return;
    case ConnectionState::Relaying:
        relay(c, kind == KindClient, events);
        return;
    }
}

void Worker::acceptFrom(std::size_t listenerIndex)
{
    if (listenerIndex >= m_listeners.size() || m_listeners[listenerIndex].fd < 0)
        return;
    const int listenFd = m_listeners[listenerIndex].fd;
    // A shortage met while admitting pauses accepting: stop here too, or the rest of this round
    // would take clients only to reset them.
    for (int i = 0; i < MaxAcceptsPerWake && !m_acceptPaused; ++i) {
        sockaddr_storage peer{};
        socklen_t peerLength = sizeof(peer);
        const int fd =
            ::accept4(listenFd, reinterpret_cast<sockaddr *>(&peer), &peerLength, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (Sockets::isLocalResourceError(errno))
                pauseAccepting();
            return;
        }
        // The listener's rule may change while we loop (never here, but keep our own reference).
        const std::shared_ptr<RuleRuntime> rule = m_listeners[listenerIndex].rule;
        admit(fd, rule, peer, peerLength);
    }
}

void Worker::pauseAccepting()
{
    // Out of descriptors: the pending connection stays readable, so a level-triggered listener
    // would spin. Stop watching listeners for a moment; the backlog holds the clients meanwhile.
    if (m_acceptPaused)
        return;
    m_acceptPaused = true;
    m_pool.trim(); // idle pipes are descriptors a client could use
    for (const Listener &listener : m_listeners) {
        if (listener.fd >= 0)
            ::epoll_ctl(m_epoll.get(), EPOLL_CTL_DEL, listener.fd, nullptr);
    }
    m_acceptResumeAtMs = m_now + AcceptPauseMs;
    report(EngineEvent::Level::Warning, EngineEvent::Kind::AcceptPaused, nullptr, QString(),
           [] { return tr("out of file descriptors: accepting paused for %1 ms").arg(AcceptPauseMs); });
}

void Worker::resumeAccepting()
{
    m_acceptPaused = false;
    for (std::size_t i = 0; i < m_listeners.size(); ++i) {
        if (m_listeners[i].fd < 0)
            continue;
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLEXCLUSIVE;
        ev.data.u64 = tagFor(quint32(i), KindListener);
        ::epoll_ctl(m_epoll.get(), EPOLL_CTL_ADD, m_listeners[i].fd, &ev);
    }
}

void Worker::admit(int fd, const std::shared_ptr<RuleRuntime> &rule, const sockaddr_storage &peer, unsigned peerLength)
{
    const Rule &config = rule->rule();
    const auto clientText = [&] {
        return SocketAddress::fromNative(reinterpret_cast<const sockaddr *>(&peer), peerLength).toString();
    };
    // Refused before any backend is dialled, with a reset so the client does not wait.
    const auto refuse = [&](auto makeMessage) {
        rule->refused().fetch_add(1, std::memory_order_relaxed);
        Sockets::resetAndClose(fd);
        report(EngineEvent::Level::Warning, EngineEvent::Kind::ClientRefused, rule.get(), QString(), makeMessage);
    };
    if (!config.allow.isEmpty() &&
        !rule->admits(SocketAddress::fromNative(reinterpret_cast<const sockaddr *>(&peer), peerLength))) {
        refuse([&] { return tr("client %1 is not in the allow list").arg(clientText()); });
        return;
    }
    if (config.maxConnections > 0 &&
        rule->counters().activeConnections.load(std::memory_order_relaxed) >= config.maxConnections) {
        refuse([&] {
            return tr("client %1 refused: max_connections (%2) reached").arg(clientText()).arg(config.maxConnections);
        });
        return;
    }
    ClientTally::Key clientKey{};
    if (config.maxConnectionsPerClient > 0) {
        clientKey = ClientTally::keyOf(peer);
        if (!rule->clientTally().tryAcquire(clientKey, config.maxConnectionsPerClient)) {
            refuse([&] {
                return tr("client %1 refused: max_connections_per_client (%2) reached")
                    .arg(clientText())
                    .arg(config.maxConnectionsPerClient);
            });
            return;
        }
    }
    quint32 slot;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        slot = quint32(m_slots.size());
        m_slots.emplace_back();
    }
    m_slots[slot] = std::make_unique<Connection>();
    Connection &c = *m_slots[slot];
    c.rule = rule;
    c.slot = slot;
    c.clientFd = fd;
    c.lastActivity = m_now;
    c.startedMs = m_now;
    c.serial = ++m_serial;
    c.deadline = m_deadlines.end();
    c.clientKey = clientKey;
    c.holdsClientTally = config.maxConnectionsPerClient > 0;
    if (rule->usesClientHash())
        c.clientHash = clientHashOf(peer);
    rule->counters().activeConnections.fetch_add(1, std::memory_order_relaxed);
    rule->counters().connectionsTotal.fetch_add(1, std::memory_order_relaxed);
    m_active.fetch_add(1, std::memory_order_relaxed);

    // No interest yet (the client is not read before a backend is there), but errors and hang-ups
    // are always reported, so a client that resets while we connect is noticed. (A client that
    // half-closes meanwhile is fine: its request and end of stream are relayed later.)
    setInterest(c.clientFd, &c.clientEvents, 0, tagFor(slot, KindClient));
    connectNext(c);
}

int Worker::chooseBackend(Connection &c)
{
    RuleRuntime &rule = *c.rule;
    const Rule &config = rule.rule();
    // Tiers: eligible primaries, else eligible backups, else backends marked down. Backends
    // already tried stay in their tier (the balancer's view of it must not change with each
    // retry) but are excluded from the choice; a tier with none left falls to the next.
    BackendCandidates tiers[3];
    bool available[3] = {};
    for (int i = 0; i < rule.backendCount(); ++i) {
        const BackendRuntime &backend = rule.backend(i);
        if (!backend.hasAddresses())
            continue;
        const BackendState state = backend.state();
        const int tier = isEligible(state) ? (config.backends[i].backup ? 1 : 0) : state == BackendState::Down ? 2 : -1;
        if (tier < 0)
            continue;
        const bool tried = c.tried & (quint64(1) << i);
        tiers[tier].append(BackendCandidate{
            i, backend.effectiveWeight(config.backends[i].weight, config, m_now),
            quint32(qMax<qint64>(0, backend.counters.activeConnections.load(std::memory_order_relaxed))), tried});
        available[tier] |= !tried;
    }
    // Backups serve only while no primary can take the connection; backends marked down are
    // tried only when nothing else is left, since a verdict can be stale.
    for (int tier = 0; tier < 3; ++tier) {
        if (available[tier])
            return tiers[tier][rule.balancer().pick(tiers[tier], c.clientHash)].index;
    }
    return -1;
}

namespace {

bool anyEligible(const RuleRuntime &rule)
{
    for (int i = 0; i < rule.backendCount(); ++i) {
        if (rule.backend(i).isEligible())
            return true;
    }
    return false;
}

} // namespace

void Worker::connectNext(Connection &c)
{
    RuleRuntime &rule = *c.rule;
    const Rule &config = rule.rule();
    for (;;) {
        const int index = chooseBackend(c);
        if (index < 0) {
            // Every backend of this round failed: another round after a pause, if time allows.
            const qint64 backoff = qint64(config.retryBackoffMs) << qMin(c.round, 20);
            if (c.tried == 0 || c.round >= config.retries || m_now - c.startedMs + backoff >= config.connectTimeoutMs ||
                !anyEligible(rule)) {
                failClient(c);
                return;
            }
            ++c.round;
            c.tried = 0;
            if (backoff > 0) {
                c.state = ConnectionState::Backoff;
                setDeadline(c, m_now + backoff);
                return;
            }
            continue;
        }
        c.tried |= quint64(1) << index;
        BackendRuntime &backend = rule.backend(index);
        const AddressList &addresses = backend.addresses();
        if (addresses.isEmpty())
            continue; // its name stopped resolving since the pick: not an attempt
        ++c.attempts;
        c.backend = index;
        c.attemptStartedUs = MonotonicClock::nowUs();
        c.attemptDeadlineMs = m_now + config.connectTimeoutMs;
        c.addressGeneration = addresses.generation;
        c.addressCount = quint8(qMin(addresses.size(), 255));
        c.addressStart = quint8(qMax(0, backend.preferredAddress.load(std::memory_order_relaxed)) % c.addressCount);
        c.addressesTried = 0;
        backend.counters.activeConnections.fetch_add(1, std::memory_order_relaxed);
        if (connectToNextAddress(c) != AddressOutcome::Exhausted)
            return;
        chargeFailedAttempt(c, c.lastError);
    }
}

Worker::AddressOutcome Worker::connectToNextAddress(Connection &c)
{
    RuleRuntime &rule = *c.rule;
    BackendRuntime &backend = rule.backend(c.backend);
    const AddressList &addresses = backend.addresses();
    if (addresses.generation != c.addressGeneration) {
        // The name was looked up anew meanwhile: its new addresses are the ones worth trying.
        c.addressGeneration = addresses.generation;
        c.addressCount = quint8(qMin(addresses.size(), 255));
        c.addressStart = 0;
        c.addressesTried = 0;
    }
    while (c.addressesTried < c.addressCount) {
        const quint8 position = quint8((c.addressStart + c.addressesTried) % c.addressCount);
        ++c.addressesTried;
        int error = 0;
        UniqueFd fd = Sockets::connectNonBlocking(addresses.at(position), &error);
        if (!fd.isValid() && Sockets::isLocalResourceError(error)) {
            // Our own shortage (descriptors, memory), not the backend's fault: don't charge it
            // or count the attempt. Stop taking clients we could not serve either, and let this
            // one wait for a descriptor as those in the backlog do, within its connect timeout.
            backend.counters.activeConnections.fetch_sub(1, std::memory_order_relaxed);
            c.tried &= ~(quint64(1) << c.backend);
            c.backend = -1;
            c.lastError = error;
            --c.attempts;
            pauseAccepting();
            if (m_now - c.startedMs + AcceptPauseMs >= rule.rule().connectTimeoutMs) {
                failClient(c);
                return AddressOutcome::Paused;
            }
            c.state = ConnectionState::Backoff;
            setDeadline(c, m_now + AcceptPauseMs);
            return AddressOutcome::Paused;
        }
        if (!fd.isValid()) {
            c.lastError = error;
            continue; // refused at once: the next address of the same backend
        }
        c.backendFd = fd.release();
        c.addressPosition = position;
        if (error == 0) {
            onConnectResult(c, 0);
            return AddressOutcome::Started;
        }
        c.state = ConnectionState::Connecting;
        setInterest(c.backendFd, &c.backendEvents, EPOLLOUT, tagFor(c.slot, KindBackend));
        // The attempt's time is shared by the addresses still to try, so that a first address
        // that never answers cannot use it all up.
        const qint64 remaining = qMax<qint64>(1, c.attemptDeadlineMs - m_now);
        setDeadline(c, m_now + remaining / (c.addressCount - c.addressesTried + 1));
        return AddressOutcome::Started;
    }
    return AddressOutcome::Exhausted;
}

void Worker::failClient(Connection &c)
{
    RuleRuntime &rule = *c.rule;
    rule.failed().fetch_add(1, std::memory_order_relaxed);
    report(EngineEvent::Level::Warning, EngineEvent::Kind::ConnectFailed, &rule, QString(), [&] {
        // Our own shortage is not the backends' doing: say so rather than "no backend".
        if (Sockets::isLocalResourceError(c.lastError))
            return tr("client not served: %1").arg(Sockets::errorText(c.lastError));
        return c.attempts == 0 ? tr("no backend available")
               : c.lastError == ETIMEDOUT
                   ? tr("no backend reachable after %n attempt(s): timeout after %1 ms", nullptr, c.attempts)
                         .arg(rule.rule().connectTimeoutMs)
                   : tr("no backend reachable after %n attempt(s): %1", nullptr, c.attempts)
                         .arg(Sockets::errorText(c.lastError));
    });
    finish(c, true);
}

void Worker::onConnectResult(Connection &c, int error)
{
    clearDeadline(c);
    BackendRuntime &backend = c.rule->backend(c.backend);
    if (error == 0) {
        backend.recordSuccess(MonotonicClock::nowUs() - c.attemptStartedUs);
        if (backend.addresses().generation == c.addressGeneration)
            backend.preferredAddress.store(c.addressPosition, std::memory_order_relaxed);
        startRelay(c);
        return;
    }
    ::close(c.backendFd);
    c.backendFd = -1;
    c.backendEvents = NotRegistered;
    c.lastError = error;
    // One backend, however many addresses: only when none of them answers is it charged.
    if (connectToNextAddress(c) != AddressOutcome::Exhausted)
        return;
    chargeFailedAttempt(c, error);
    connectNext(c);
}

void Worker::chargeAbort(Connection &c, int error)
{
    RuleRuntime &rule = *c.rule;
    BackendRuntime &backend = rule.backend(c.backend);
    backend.counters.aborts.fetch_add(1, std::memory_order_relaxed);
    rule.counters().aborts.fetch_add(1, std::memory_order_relaxed);
    // A backend that resets established connections is failing its clients as surely as one
    // that refuses them: the same passive window counts both.
    BackendState previous = BackendState::Unknown;
    if (backend.recordFailure(m_now, rule.rule(), &previous)) {
        Q_EMIT backendMarkedDown(rule.rule().name, rule.id(), c.backend, int(previous),
                                 tr("%1 failures within %2 ms (last: %3 during a transfer)")
                                     .arg(rule.rule().maxFails)
                                     .arg(rule.rule().failWindowMs)
                                     .arg(Sockets::errorText(error)));
    }
}

void Worker::chargeFailedAttempt(Connection &c, int error)
{
    RuleRuntime &rule = *c.rule;
    BackendRuntime &backend = rule.backend(c.backend);
    backend.counters.activeConnections.fetch_sub(1, std::memory_order_relaxed);
    backend.counters.connectFailures.fetch_add(1, std::memory_order_relaxed);
    rule.counters().connectFailures.fetch_add(1, std::memory_order_relaxed);
    c.lastError = error;
    BackendState previous = BackendState::Unknown;
    if (backend.recordFailure(m_now, rule.rule(), &previous)) {
        const QString last = error == ETIMEDOUT ? tr("timeout after %1 ms").arg(rule.rule().connectTimeoutMs)
                                                : Sockets::errorText(error);
        Q_EMIT backendMarkedDown(rule.rule().name, rule.id(), c.backend, int(previous),
                                 tr("%1 failed connects within %2 ms (last: %3)")
                                     .arg(rule.rule().maxFails)
                                     .arg(rule.rule().failWindowMs)
                                     .arg(last));
    }
    c.backend = -1;
}

void Worker::startRelay(Connection &c)
{
    c.state = ConnectionState::Relaying;
    c.rule->backend(c.backend).counters.connectionsTotal.fetch_add(1, std::memory_order_relaxed);
    c.lastActivity = m_now;
    if (c.rule->rule().idleTimeoutMs > 0)
        setDeadline(c, m_now + c.rule->rule().idleTimeoutMs);
    updateInterest(c);
}

void Worker::relay(Connection &c, bool clientSide, quint32 events)
{
    // On an error, still move what can be moved (a response that arrived before the backend's
    // reset), then pass the reset on.
    m_lastRelayMs = m_now;
    const bool error = events & EPOLLERR;
    const bool hangup = error || (events & EPOLLHUP);
    const bool pumpUp = hangup || (events & (clientSide ? In : Out));
    const bool pumpDown = hangup || (events & (clientSide ? Out : In));

    quint64 upMoved = 0;
    quint64 downMoved = 0;
    bool failed = false;
    int backendError = 0; // the backend broke the connection off: charge it
    using Status = RelayDirection::Status;
    if (pumpUp && !c.up.finished()) {
        const Status s = c.up.pump(c.clientFd, c.backendFd, m_pool, RelayBudget, &upMoved, c.down.finished());
        failed = s == Status::ReadFailed || s == Status::WriteFailed;
        if (s == Status::WriteFailed)
            backendError = c.up.error();
    }
    if (!failed && pumpDown && !c.down.finished()) {
        const Status s = c.down.pump(c.backendFd, c.clientFd, m_pool, RelayBudget, &downMoved, c.up.finished());
        failed = s == Status::ReadFailed || s == Status::WriteFailed;
        if (s == Status::ReadFailed)
            backendError = c.down.error();
    }
    if (upMoved | downMoved) {
        c.lastActivity = m_now;
        c.bytesIn += upMoved;
        c.bytesOut += downMoved;
        BackendRuntime &backend = c.rule->backend(c.backend);
        if (upMoved) {
            c.rule->counters().bytesIn.fetch_add(upMoved, std::memory_order_relaxed);
            backend.counters.bytesIn.fetch_add(upMoved, std::memory_order_relaxed);
        }
        if (downMoved) {
            c.rule->counters().bytesOut.fetch_add(downMoved, std::memory_order_relaxed);
            backend.counters.bytesOut.fetch_add(downMoved, std::memory_order_relaxed);
        }
    }
    const bool broken =
        failed || (error && c.state != ConnectionState::Closed && !(c.up.finished() && c.down.finished()));
    if (broken && !clientSide && backendError == 0 && !failed)
        backendError = Sockets::pendingError(c.backendFd);
    if (backendError != 0)
        chargeAbort(c, backendError);
    if (broken)
        finish(c, true);
    else if (c.up.finished() && c.down.finished())
        finish(c, false);
    else
        updateInterest(c);
}

void Worker::updateInterest(Connection &c)
{
    const quint32 clientWanted = (c.up.wantsRead() ? In : 0) | (c.down.hasPending() ? Out : 0);
    const quint32 backendWanted = (c.down.wantsRead() ? In : 0) | (c.up.hasPending() ? Out : 0);
    setInterest(c.clientFd, &c.clientEvents, clientWanted, tagFor(c.slot, KindClient));
    setInterest(c.backendFd, &c.backendEvents, backendWanted, tagFor(c.slot, KindBackend));
}

void Worker::setInterest(int fd, quint32 *current, quint32 wanted, quint64 tag)
{
    // A socket we neither read nor write now (its direction waits on the other side's reader)
    // stays in the set, edge-triggered with no events: the kernel still reports a reset or hang-up
    // once, so a peer that resets while it is held back is passed on at once, but a hang-up that
    // persists cannot wake us in a loop as it would level-triggered.
    const quint32 mask = wanted == 0 ? quint32(EPOLLET) : wanted;
    if (*current == mask)
        return;
    epoll_event ev{};
    ev.events = mask;
    ev.data.u64 = tag;
    ::epoll_ctl(m_epoll.get(), *current == NotRegistered ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &ev);
    *current = mask;
}

void Worker::finish(Connection &c, bool abortive)
{
    if (c.state == ConnectionState::Closed)
        return;
    clearDeadline(c);
    for (int *fd : {&c.clientFd, &c.backendFd}) {
        if (*fd < 0)
            continue;
        if (abortive)
            Sockets::resetAndClose(*fd);
        else
            ::close(*fd);
        *fd = -1;
    }
    c.up.release(m_pool);
    c.down.release(m_pool);
    // A client that gives up while we connect is not the backend's failure: only uncount it.
    if (c.backend >= 0)
        c.rule->backend(c.backend).counters.activeConnections.fetch_sub(1, std::memory_order_relaxed);
    c.backend = -1;
    c.rule->counters().activeConnections.fetch_sub(1, std::memory_order_relaxed);
    if (c.holdsClientTally) {
        c.rule->clientTally().release(c.clientKey);
        c.holdsClientTally = false;
    }
    m_active.fetch_sub(1, std::memory_order_relaxed);
    c.state = ConnectionState::Closed;
    m_closed.push_back(c.slot);
}

void Worker::setDeadline(Connection &c, qint64 at)
{
    clearDeadline(c);
    c.deadline = m_deadlines.emplace(at, c.slot);
    c.hasDeadline = true;
}

void Worker::clearDeadline(Connection &c)
{
    if (c.hasDeadline) {
        m_deadlines.erase(c.deadline);
        c.hasDeadline = false;
    }
}

void Worker::expireDeadlines()
{
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= m_now) {
        const quint32 slot = m_deadlines.begin()->second;
        m_deadlines.erase(m_deadlines.begin());
        Connection &c = *m_slots[slot];
        c.hasDeadline = false;
        if (c.state == ConnectionState::Connecting) {
            onConnectResult(c, ETIMEDOUT);
        } else if (c.state == ConnectionState::Backoff) {
            c.state = ConnectionState::Connecting;
            connectNext(c);
        } else if (c.state == ConnectionState::Relaying) {
            const qint64 idleUntil = c.lastActivity + c.rule->rule().idleTimeoutMs;
            // Bytes still held for a stalled reader would be dropped: then a clean end of
            // stream would lie, so it is a reset.
            if (idleUntil <= m_now)
                finish(c, c.up.hasPending() || c.down.hasPending());
            else
                setDeadline(c, idleUntil);
        }
    }
    reapClosed();
}

void Worker::reapClosed()
{
    for (const quint32 slot : m_closed) {
        m_slots[slot].reset();
        m_freeSlots.push_back(slot);
    }
    m_closed.clear();
}

template<typename MakeMessage>
void Worker::report(EngineEvent::Level level, EngineEvent::Kind kind, RuleRuntime *rule, const QString &backend,
                    MakeMessage makeMessage)
{
    // Failures can come once per connection under load; a log line per second says enough.
    quint64 suppressed = 0;
    EventThrottle &throttle = rule ? rule->throttle() : m_throttle;
    if (!throttle.admit(int(kind), m_now, &suppressed))
        return;
    EngineEvent event;
    event.time = QDateTime::currentDateTimeUtc(); // local time would take glibc's zone lock
    event.level = level;
    event.kind = kind;
    if (rule)
        event.rule = rule->rule().name;
    event.backend = backend;
    // The text is only built here: under a flood of refusals most reports end above.
    const QString message = makeMessage();
    event.message = suppressed > 0 ? tr("%1 (and %n similar event(s) not logged one by one)", nullptr,
                                        int(qMin<quint64>(suppressed, INT_MAX)))
                                         .arg(message)
                                   : message;
    Q_EMIT eventReported(event);
}

} // namespace PortRelay
