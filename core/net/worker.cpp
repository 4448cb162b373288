#include "core/net/worker.h"

#include "core/balancing/sourcehash.h"
#include "core/net/clienttally.h"
#include "core/net/clock.h"
#include "core/net/connectors.h"
#include "core/net/eventthrottle.h"
#include "core/net/listenerfactory.h"
#include "core/net/ruleruntime.h"
#include "core/net/sockets.h"
#include "core/net/tcpsession.h"
#include "core/net/transportslot.h"

#include <climits>

#include <netinet/in.h>

namespace PortRelay {

namespace {

constexpr char Context[] = "PortRelay::Worker";
constexpr int AcceptPauseMs = 100;
// Idle buffers and pipes are freed after this long without relaying.
constexpr qint64 PoolTrimIdleMs = 2000;

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

Worker::Worker(int index, RelayMode mode, EventThrottle &throttle, const Connectors &connectors, const Clock &clock,
               QObject *parent)
    : QObject(parent)
    , m_index(index)
    , m_throttle(throttle)
    , m_connectors(connectors)
    , m_loop(clock)
    , m_pool(mode)
    , m_resumeAccepting([this] { resumeAccepting(); })
    , m_trimPool([this] {
        if (m_loop.now() - m_lastRelayMs >= PoolTrimIdleMs)
            m_pool.trim();
        else
            m_trimPool.start(m_loop, m_lastRelayMs + PoolTrimIdleMs);
    })
{}

Worker::~Worker()
{
    // shutdown() has closed the sessions; free them before the loop they are registered with.
    m_sessions.clear();
}

void Worker::run()
{
    while (!m_stopping)
        m_loop.runOnce([this] { afterIo(); }, m_turns.empty() ? 60000 : 0);
}

void Worker::afterIo()
{
    if (!m_turns.empty()) {
        std::vector<TcpSession *> turns;
        turns.swap(m_turns);
        for (TcpSession *session : turns) {
            if (!session->isClosed())
                session->onTurn();
        }
    }
    // Sessions and listeners that went in this batch are freed only now: a later event of the
    // same batch may still name them.
    reapClosed();
    m_retiredListeners.clear();
    trimPoolWhenIdle();
}

void Worker::trimPoolWhenIdle()
{
    if (m_pool.holdsIdle() && !m_trimPool.isActive())
        m_trimPool.start(m_loop, m_lastRelayMs + PoolTrimIdleMs);
}

void Worker::shutdown()
{
    // Runs as a task, in the middle of a batch: what it closes is freed after the batch.
    for (auto &session : m_sessions) {
        if (session)
            session->abort();
    }
    for (auto &listener : m_listeners) {
        listener->unwatch(m_loop);
        m_retiredListeners.push_back(std::move(listener));
    }
    m_listeners.clear();
    m_stopping = true;
}

void Worker::addListener(int listenFd, const std::shared_ptr<RuleRuntime> &rule)
{
    Listener::Admitter &admitter = *this;
    m_listeners.push_back(ListenerFactory::forProtocol(rule->rule().protocol).create(listenFd, rule, admitter));
    if (!m_acceptPaused)
        m_listeners.back()->watch(m_loop);
}

void Worker::replaceListenerRule(int listenFd, const std::shared_ptr<RuleRuntime> &rule)
{
    for (auto &listener : m_listeners) {
        if (listener->fd() == listenFd)
            listener->setRule(rule);
    }
}

void Worker::removeListener(int listenFd)
{
    for (auto it = m_listeners.begin(); it != m_listeners.end(); ++it) {
        if ((*it)->fd() == listenFd) {
            (*it)->unwatch(m_loop);
            m_retiredListeners.push_back(std::move(*it));
            m_listeners.erase(it);
            return;
        }
    }
}

template<typename Fn>
void Worker::forEachOpenSession(Fn fn) const
{
    for (const auto &session : m_sessions) {
        if (session && !session->isClosed())
            fn(*session);
    }
}

void Worker::closeConnections(const QString &ruleName)
{
    m_loop.refreshNow();
    forEachOpenSession([&](TcpSession &session) {
        if (session.rule().rule().name == ruleName)
            session.abort();
    });
}

void Worker::closeBackendConnections(const RuleRuntime *rule, int backend)
{
    m_loop.refreshNow();
    forEachOpenSession([&](TcpSession &session) {
        if (&session.rule() == rule && session.relayedBackend() == backend)
            session.abort();
    });
}

QList<ConnectionInfo> Worker::connections() const
{
    QList<ConnectionInfo> result;
    const qint64 now = m_loop.clock().nowMs();
    forEachOpenSession([&](const TcpSession &session) { result.append(session.info(m_index, now)); });
    return result;
}

bool Worker::closeConnection(quint64 serial)
{
    m_loop.refreshNow();
    for (auto &session : m_sessions) {
        if (session && session->serial() == serial && !session->isClosed()) {
            session->abort();
            return true;
        }
    }
    return false;
}

void Worker::pauseAccepting()
{
    // Out of descriptors: the pending connection stays readable, so a level-triggered listener
    // would spin. Stop watching listeners for a moment; the backlog holds the clients meanwhile.
    if (m_acceptPaused)
        return;
    m_acceptPaused = true;
    m_pool.trim(); // idle pipes are descriptors a client could use
    for (auto &listener : m_listeners)
        listener->unwatch(m_loop);
    m_resumeAccepting.start(m_loop, m_loop.now() + AcceptPauseMs);
    report(*this, EngineEvent::Level::Warning, EngineEvent::Kind::AcceptPaused, nullptr, [] {
        return Message(Context, QT_TR_NOOP("out of file descriptors: accepting paused for %1 ms")).arg(AcceptPauseMs);
    });
}

void Worker::resumeAccepting()
{
    m_acceptPaused = false;
    for (auto &listener : m_listeners)
        listener->watch(m_loop);
}

bool Worker::admit(int fd, const std::shared_ptr<RuleRuntime> &rule, const sockaddr_storage &peer, unsigned peerLength)
{
    const Rule &config = rule->rule();
    const auto clientText = [&] {
        return SocketAddress::fromNative(reinterpret_cast<const sockaddr *>(&peer), peerLength).toString();
    };
    // Refused before any backend is dialled, with a reset so the client does not wait.
    const auto refuse = [&](auto makeMessage) {
        rule->refused().fetch_add(1, std::memory_order_relaxed);
        Sockets::resetAndClose(fd);
        report(*this, EngineEvent::Level::Warning, EngineEvent::Kind::ClientRefused, rule.get(), makeMessage);
        return true;
    };
    if (!config.allow.isEmpty() &&
        !rule->admits(SocketAddress::fromNative(reinterpret_cast<const sockaddr *>(&peer), peerLength)))
        return refuse(
            [&] { return Message(Context, QT_TR_NOOP("client %1 is not in the allow list")).arg(clientText()); });
    if (config.maxConnections > 0 &&
        rule->counters().activeConnections.load(std::memory_order_relaxed) >= config.maxConnections) {
        return refuse([&] {
            return Message(Context, QT_TR_NOOP("client %1 refused: max_connections (%2) reached"))
                .arg(clientText())
                .arg(config.maxConnections);
        });
    }
    TcpSession::Admission admission;
    if (config.maxConnectionsPerClient > 0) {
        admission.clientKey = ClientTally::keyOf(peer);
        if (!rule->clientTally().tryAcquire(admission.clientKey, config.maxConnectionsPerClient)) {
            return refuse([&] {
                return Message(Context, QT_TR_NOOP("client %1 refused: max_connections_per_client (%2) reached"))
                    .arg(clientText())
                    .arg(config.maxConnectionsPerClient);
            });
        }
        admission.holdsClientTally = true;
    }
    admission.rule = rule;
    admission.client = TransportSlot(UniqueFd(fd));
    admission.serial = ++m_serial;
    if (rule->usesClientHash())
        admission.clientHash = clientHashOf(peer);

    quint32 slot;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        slot = quint32(m_sessions.size());
        m_sessions.emplace_back();
    }
    SessionHost &host = *this;
    m_sessions[slot] = std::make_unique<TcpSession>(host, std::move(admission));
    m_sessions[slot]->setSlot(slot);
    m_active.fetch_add(1, std::memory_order_relaxed);
    m_sessions[slot]->start();
    return !m_acceptPaused;
}

const UpstreamConnector &Worker::connectorFor(RuleRuntime &rule, int backend)
{
    return m_connectors.forBackend(rule, backend);
}

void Worker::wantsTurn(TcpSession &session)
{
    m_turns.push_back(&session);
}

void Worker::sessionClosed(TcpSession &session)
{
    m_active.fetch_sub(1, std::memory_order_relaxed);
    m_closed.push_back(&session);
}

void Worker::reapClosed()
{
    for (TcpSession *session : m_closed) {
        const quint32 slot = session->slot();
        m_sessions[slot].reset();
        m_freeSlots.push_back(slot);
    }
    m_closed.clear();
}

bool Worker::admitReport(RuleRuntime *rule, EngineEvent::Kind kind, quint64 *suppressed)
{
    // Failures can come once per connection under load; a log line per second says enough.
    EventThrottle &throttle = rule ? rule->throttle() : m_throttle;
    return throttle.admit(int(kind), m_loop.now(), suppressed);
}

void Worker::sendReport(EngineEvent::Level level, EngineEvent::Kind kind, RuleRuntime *rule, const Message &message,
                        quint64 suppressed)
{
    EngineEvent event;
    event.time = QDateTime::currentDateTimeUtc(); // local time would take glibc's zone lock
    event.level = level;
    event.kind = kind;
    if (rule)
        event.rule = rule->rule().name;
    event.message = suppressed > 0
                        ? Message(Context, QT_TR_N_NOOP("%1 (and %n similar event(s) not logged one by one)"),
                                  int(qMin<quint64>(suppressed, INT_MAX)))
                              .arg(message)
                        : message;
    Q_EMIT eventReported(event);
}

void Worker::markedDown(RuleRuntime &rule, int backend, BackendState previous, const Message &reason)
{
    Q_EMIT backendMarkedDown(rule.rule().name, rule.id(), backend, int(previous), reason);
}

} // namespace PortRelay
