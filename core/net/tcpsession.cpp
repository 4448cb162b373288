#include "core/net/tcpsession.h"

#include "core/net/ruleruntime.h"
#include "core/net/sessionhost.h"
#include "core/net/sockets.h"
#include "core/net/upstreamconnector.h"

#include <cerrno>

#include <sys/epoll.h>
#include <sys/socket.h>

namespace PortRelay {

namespace {

// The translation context of the worker's texts, which TcpSession shares (Q_DECLARE_TR_FUNCTIONS).
constexpr char Context[] = "PortRelay::Worker";

// How long a session out of descriptors waits before it tries again (the listeners pause as long).
constexpr qint64 ShortagePauseMs = 100;

bool anyEligible(const RuleRuntime &rule)
{
    for (int i = 0; i < rule.backendCount(); ++i) {
        if (rule.backend(i).isEligible())
            return true;
    }
    return false;
}

} // namespace

TcpSession::TcpSession(SessionHost &host, Admission admission)
    : m_host(host)
    , m_rule(std::move(admission.rule))
    , m_client(std::move(admission.client))
    , m_clientRegistration(m_client->fd(), this, quint8(Relay::Side::Client))
    , m_timer([this] { onTimer(); })
    , m_serial(admission.serial)
    , m_clientHash(admission.clientHash)
    , m_clientKey(admission.clientKey)
    , m_startedMs(host.loop().now())
    , m_lastActivityMs(host.loop().now())
    , m_holdsClientTally(admission.holdsClientTally)
{
    m_rule->counters().activeConnections.fetch_add(1, std::memory_order_relaxed);
    m_rule->counters().connectionsTotal.fetch_add(1, std::memory_order_relaxed);
}

EventLoop &TcpSession::loop() const
{
    return m_host.loop();
}

TcpSession::~TcpSession()
{
    finish(true);
}

void TcpSession::start()
{
    // No interest yet (the client is not read before a backend is there), but errors and hang-ups
    // are always reported, so a client that resets while we connect is noticed. (A client that
    // half-closes meanwhile is fine: its request and end of stream are relayed later.)
    loop().setInterest(m_clientRegistration, 0);
    connectNext();
}

void TcpSession::abort()
{
    finish(true);
}

void TcpSession::onIo(quint32 events, quint8 tag)
{
    const auto side = Relay::Side(tag);
    switch (m_phase) {
    case Phase::Closed:
        return; // an event of this batch for a session closed earlier in it
    case Phase::Connecting:
        if (side == Relay::Side::Backend) {
            if (!follow(m_attempt->onIo(events, loop().now()))) {
                chargeFailedAttempt(m_attempt->error());
                connectNext();
            }
        } else if (events & (EPOLLERR | EPOLLHUP)) {
            finish(true); // the client gave up before a backend answered
        }
        return;
    case Phase::Backoff:
        if (side == Relay::Side::Client && (events & (EPOLLERR | EPOLLHUP)))
            finish(true);
        return;
    case Phase::Handshaking:
        if (events & EPOLLERR)
            finish(true);
        else
            continueHandshake();
        return;
    case Phase::Relaying:
        account(m_relay.onIo(m_client.get(), m_backendTransport.get(), side, events, m_host.pool()));
        return;
    }
}

void TcpSession::onTurn()
{
    if (m_phase == Phase::Relaying)
        account(m_relay.onTurn(m_client.get(), m_backendTransport.get(), m_host.pool()));
}

void TcpSession::onTimer()
{
    const qint64 now = loop().now();
    switch (m_phase) {
    case Phase::Connecting:
        if (!follow(m_attempt->onTimeout(now))) {
            chargeFailedAttempt(m_attempt->error());
            connectNext();
        }
        return;
    case Phase::Backoff:
        m_phase = Phase::Connecting;
        connectNext();
        return;
    case Phase::Handshaking:
        m_lastError = ETIMEDOUT;
        finish(true);
        return;
    case Phase::Relaying: {
        const qint64 idleUntil = m_lastActivityMs + m_rule->rule().idleTimeoutMs;
        // Bytes still held for a stalled reader would be dropped: then a clean end of stream
        // would lie, so it is a reset.
        if (idleUntil <= now)
            finish(m_relay.hasPending());
        else
            m_timer.start(loop(), idleUntil);
        return;
    }
    case Phase::Closed:
        return;
    }
}

int TcpSession::chooseBackend()
{
    RuleRuntime &rule = *m_rule;
    const Rule &config = rule.rule();
    const qint64 now = loop().now();
    // Tiers: eligible primaries, else eligible backups, else backends marked down. Backends
    // already tried stay in their tier (the balancer's view of it must not change with each
    // retry) but are excluded from the choice; a tier with none left falls to the next.
    BackendCandidates tiers[3];
    bool available[3] = {};
    for (int i = 0; i < rule.backendCount(); ++i) {
        const BackendRuntime &backend = rule.backend(i);
        if (!backend.isReachable())
            continue;
        const BackendState state = backend.state();
        const int tier = isEligible(state) ? (config.backends[i].backup ? 1 : 0) : state == BackendState::Down ? 2 : -1;
        if (tier < 0)
            continue;
        const bool tried = m_tried & (quint64(1) << i);
        tiers[tier].append(BackendCandidate{
            i, backend.effectiveWeight(config.backends[i].weight, config, now),
            quint32(qMax<qint64>(0, backend.counters.activeConnections.load(std::memory_order_relaxed))), tried});
        available[tier] |= !tried;
    }
    // Backups serve only while no primary can take the connection; backends marked down are
    // tried only when nothing else is left, since a verdict can be stale.
    for (int tier = 0; tier < 3; ++tier) {
        if (available[tier])
            return tiers[tier][rule.balancer().pick(tiers[tier], m_clientHash)].index;
    }
    return -1;
}

void TcpSession::connectNext()
{
    RuleRuntime &rule = *m_rule;
    const Rule &config = rule.rule();
    const qint64 now = loop().now();
    for (;;) {
        const int index = chooseBackend();
        if (index < 0) {
            // Every backend of this round failed: another round after a pause, if time allows.
            const qint64 backoff = qint64(config.retryBackoffMs) << qMin(int(m_round), 20);
            if (m_tried == 0 || m_round >= config.retries || now - m_startedMs + backoff >= config.connectTimeoutMs ||
                !anyEligible(rule)) {
                failClient();
                return;
            }
            ++m_round;
            m_tried = 0;
            if (backoff > 0) {
                m_phase = Phase::Backoff;
                m_timer.start(loop(), now + backoff);
                return;
            }
            continue;
        }
        m_tried |= quint64(1) << index;
        BackendRuntime &backend = rule.backend(index);
        if (!backend.isReachable())
            continue; // its name stopped resolving since the pick: not an attempt
        ++m_attempts;
        m_backend = index;
        backend.counters.activeConnections.fetch_add(1, std::memory_order_relaxed);
        m_attempt = m_host.connectorFor(rule, index).connect(backend, now + config.connectTimeoutMs, loop().clock());
        m_attemptSocket = 0;
        m_phase = Phase::Connecting;
        if (follow(m_attempt->start(now)))
            return;
        chargeFailedAttempt(m_attempt->error());
    }
}

bool TcpSession::follow(ConnectAttempt::Progress progress)
{
    switch (progress) {
    case ConnectAttempt::Progress::InProgress:
        if (m_attempt->socketSerial() != m_attemptSocket) {
            // A new socket (the next address): the old one left the epoll set when it was closed.
            m_attemptSocket = m_attempt->socketSerial();
            m_backendRegistration = EventLoop::Registration(m_attempt->fd(), this, quint8(Relay::Side::Backend));
        }
        loop().setInterest(m_backendRegistration, m_attempt->interest());
        m_timer.start(loop(), m_attempt->timeoutAtMs());
        return true;
    case ConnectAttempt::Progress::Connected:
        m_timer.stop();
        m_rule->backend(m_backend).recordSuccess(m_attempt->setupMicros());
        m_backendTransport = m_attempt->takeTransport();
        if (m_attempt->socketSerial() != m_attemptSocket) {
            m_backendRegistration =
                EventLoop::Registration(m_backendTransport->fd(), this, quint8(Relay::Side::Backend));
        } else if (m_backendRegistration.fd() != m_backendTransport->fd()) {
            // The connection is not the descriptor the attempt was watched on (a channel of an SSH
            // master; its control socket stays open in the transport): watch the connection instead.
            loop().remove(m_backendRegistration);
            m_backendRegistration =
                EventLoop::Registration(m_backendTransport->fd(), this, quint8(Relay::Side::Backend));
        }
        m_attempt.reset();
        startHandshake();
        return true;
    case ConnectAttempt::Progress::LocalShortage:
        onLocalShortage();
        return true;
    case ConnectAttempt::Progress::Failed:
        m_timer.stop();
        return false;
    }
    return false;
}

void TcpSession::onLocalShortage()
{
    // Our own shortage (descriptors, memory), not the backend's fault: don't charge it or count
    // the attempt. Stop taking clients we could not serve either, and let this one wait for a
    // descriptor as those in the backlog do, within its connect timeout.
    m_lastError = m_attempt->error();
    m_attempt.reset();
    m_rule->backend(m_backend).counters.activeConnections.fetch_sub(1, std::memory_order_relaxed);
    m_tried &= ~(quint64(1) << m_backend);
    m_backend = -1;
    --m_attempts;
    m_host.localShortage();
    const qint64 now = loop().now();
    if (now - m_startedMs + ShortagePauseMs >= m_rule->rule().connectTimeoutMs) {
        failClient();
        return;
    }
    m_phase = Phase::Backoff;
    m_timer.start(loop(), now + ShortagePauseMs);
}

void TcpSession::failClient()
{
    RuleRuntime &rule = *m_rule;
    rule.failed().fetch_add(1, std::memory_order_relaxed);
    report(m_host, EngineEvent::Level::Warning, EngineEvent::Kind::ConnectFailed, &rule, [&] {
        // Our own shortage is not the backends' doing: say so rather than "no backend".
        if (Sockets::isLocalResourceError(m_lastError))
            return Message(Context, QT_TR_NOOP("client not served: %1")).arg(Sockets::errorMessage(m_lastError));
        if (m_attempts == 0)
            return Message(Context, QT_TR_NOOP("no backend available"));
        if (m_lastError == ETIMEDOUT)
            return Message(Context, QT_TR_N_NOOP("no backend reachable after %n attempt(s): timeout after %1 ms"),
                           m_attempts)
                .arg(rule.rule().connectTimeoutMs);
        return Message(Context, QT_TR_N_NOOP("no backend reachable after %n attempt(s): %1"), m_attempts)
            .arg(Sockets::errorMessage(m_lastError));
    });
    finish(true);
}

void TcpSession::startHandshake()
{
    m_phase = Phase::Handshaking;
    m_timer.start(loop(), loop().now() + m_rule->rule().connectTimeoutMs);
    continueHandshake();
}

void TcpSession::continueHandshake()
{
    // Both sides' handshakes run side by side; each says what it waits for.
    quint32 clientWants = 0;
    quint32 backendWants = 0;
    for (Transport *transport : {&m_client.get(), &m_backendTransport.get()}) {
        const IoResult r = transport->handshake();
        if (r.status == IoResult::Status::Failed || r.status == IoResult::Status::End) {
            m_lastError = r.error;
            finish(true);
            return;
        }
        if (r.status == IoResult::Status::WouldBlock)
            (transport == &m_client.get() ? clientWants : backendWants) = r.wants;
    }
    if (clientWants == 0 && backendWants == 0) {
        startRelay();
        return;
    }
    loop().setInterest(m_clientRegistration, clientWants);
    loop().setInterest(m_backendRegistration, backendWants);
}

void TcpSession::startRelay()
{
    m_phase = Phase::Relaying;
    m_timer.stop();
    m_rule->backend(m_backend).counters.connectionsTotal.fetch_add(1, std::memory_order_relaxed);
    m_lastActivityMs = loop().now();
    if (m_rule->rule().idleTimeoutMs > 0)
        m_timer.start(loop(), m_lastActivityMs + m_rule->rule().idleTimeoutMs);
    updateInterest();
    if (m_relay.needsTurn(m_client.get(), m_backendTransport.get()))
        m_host.wantsTurn(*this); // a handshake read ahead into the first bytes
}

void TcpSession::account(const Relay::Outcome &outcome)
{
    m_host.relayed();
    if (outcome.upMoved | outcome.downMoved) {
        m_lastActivityMs = loop().now();
        m_bytesIn += outcome.upMoved;
        m_bytesOut += outcome.downMoved;
        BackendRuntime &backend = m_rule->backend(m_backend);
        if (outcome.upMoved) {
            m_rule->counters().bytesIn.fetch_add(outcome.upMoved, std::memory_order_relaxed);
            backend.counters.bytesIn.fetch_add(outcome.upMoved, std::memory_order_relaxed);
        }
        if (outcome.downMoved) {
            m_rule->counters().bytesOut.fetch_add(outcome.downMoved, std::memory_order_relaxed);
            backend.counters.bytesOut.fetch_add(outcome.downMoved, std::memory_order_relaxed);
        }
    }
    if (outcome.backendError != 0)
        chargeAbort(outcome.backendError);
    switch (outcome.kind) {
    case Relay::Outcome::Kind::Broken:
        finish(true);
        return;
    case Relay::Outcome::Kind::Finished:
        finish(false);
        return;
    case Relay::Outcome::Kind::Open:
        updateInterest();
        if (m_relay.needsTurn(m_client.get(), m_backendTransport.get()))
            m_host.wantsTurn(*this);
        return;
    }
}

void TcpSession::updateInterest()
{
    loop().setInterest(m_clientRegistration, m_relay.interest(Relay::Side::Client));
    loop().setInterest(m_backendRegistration, m_relay.interest(Relay::Side::Backend));
}

void TcpSession::chargeAbort(int error)
{
    RuleRuntime &rule = *m_rule;
    BackendRuntime &backend = rule.backend(m_backend);
    backend.counters.aborts.fetch_add(1, std::memory_order_relaxed);
    rule.counters().aborts.fetch_add(1, std::memory_order_relaxed);
    // A backend that resets established connections is failing its clients as surely as one
    // that refuses them: the same passive window counts both.
    BackendState previous = BackendState::Unknown;
    if (backend.recordFailure(loop().now(), rule.rule(), &previous)) {
        m_host.markedDown(rule, m_backend, previous,
                          Message(Context, QT_TR_NOOP("%1 failures within %2 ms (last: %3 during a transfer)"))
                              .arg(rule.rule().maxFails)
                              .arg(rule.rule().failWindowMs)
                              .arg(Sockets::errorMessage(error)));
    }
}

void TcpSession::chargeFailedAttempt(int error)
{
    RuleRuntime &rule = *m_rule;
    BackendRuntime &backend = rule.backend(m_backend);
    const Message reason = m_attempt ? m_attempt->failureReason() : Message();
    m_attempt.reset();
    backend.counters.activeConnections.fetch_sub(1, std::memory_order_relaxed);
    backend.counters.connectFailures.fetch_add(1, std::memory_order_relaxed);
    rule.counters().connectFailures.fetch_add(1, std::memory_order_relaxed);
    m_lastError = error;
    BackendState previous = BackendState::Unknown;
    if (backend.recordFailure(loop().now(), rule.rule(), &previous)) {
        const Message last = !reason.isEmpty() ? reason
                             : error == ETIMEDOUT
                                 ? Message(Context, QT_TR_NOOP("timeout after %1 ms")).arg(rule.rule().connectTimeoutMs)
                                 : Sockets::errorMessage(error);
        m_host.markedDown(rule, m_backend, previous,
                          Message(Context, QT_TR_NOOP("%1 failed connects within %2 ms (last: %3)"))
                              .arg(rule.rule().maxFails)
                              .arg(rule.rule().failWindowMs)
                              .arg(last));
    }
    m_backend = -1;
}

void TcpSession::finish(bool abortive)
{
    if (m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closed;
    m_timer.stop();
    // Out of the epoll set before the descriptors close: closing one removes it only once no
    // other process holds a copy, and a process forked meanwhile (an SSH master starting) holds
    // copies until it execs, so the set would name this session after it is freed. Only
    // registrations of descriptors still open are ours to remove: a number closed earlier may
    // belong to another connection by now. An event already fetched in this batch finds the
    // session closed.
    loop().remove(m_clientRegistration);
    const bool backendOpen = !m_backendTransport.isEmpty()
                                 ? m_backendRegistration.fd() == m_backendTransport->fd()
                                 : m_attempt && m_attempt->socketSerial() == m_attemptSocket &&
                                       m_backendRegistration.fd() == m_attempt->fd();
    if (backendOpen)
        loop().remove(m_backendRegistration);
    m_attempt.reset();
    m_client->close(abortive);
    if (!m_backendTransport.isEmpty())
        m_backendTransport->close(abortive);
    m_relay.release(m_host.pool());
    // A client that gives up while we connect is not the backend's failure: only uncount it.
    if (m_backend >= 0)
        m_rule->backend(m_backend).counters.activeConnections.fetch_sub(1, std::memory_order_relaxed);
    m_backend = -1;
    m_rule->counters().activeConnections.fetch_sub(1, std::memory_order_relaxed);
    if (m_holdsClientTally) {
        m_rule->clientTally().release(m_clientKey);
        m_holdsClientTally = false;
    }
    m_host.sessionClosed(*this);
}

ConnectionInfo TcpSession::info(int worker, qint64 nowMs) const
{
    ConnectionInfo info;
    info.worker = worker;
    info.serial = m_serial;
    info.rule = m_rule->rule().name;
    sockaddr_storage peer{};
    socklen_t length = sizeof(peer);
    // Asked of the kernel on demand, so no connection carries its address around.
    if (::getpeername(m_client->fd(), reinterpret_cast<sockaddr *>(&peer), &length) == 0)
        info.client = SocketAddress::fromNative(reinterpret_cast<sockaddr *>(&peer), length).toString();
    info.connecting = m_phase != Phase::Relaying;
    if (!info.connecting && m_backend >= 0)
        info.backend = m_rule->rule().backends[m_backend].address.toString();
    info.bytesIn = m_bytesIn;
    info.bytesOut = m_bytesOut;
    info.heldUp = m_relay.up().pendingBytes();
    info.heldDown = m_relay.down().pendingBytes();
    info.ageMs = nowMs - m_startedMs;
    return info;
}

} // namespace PortRelay
