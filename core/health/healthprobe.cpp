#include "core/health/healthprobe.h"

#include "core/net/clock.h"
#include "core/net/ruleruntime.h"
#include "core/net/upstreamconnector.h"

#include <cerrno>

#include <sys/epoll.h>

namespace PortRelay {

HealthProbe::HealthProbe(std::shared_ptr<RuleRuntime> rule, int backend, const UpstreamConnector &connector,
                         EventLoop &loop, Report report)
    : m_rule(std::move(rule))
    , m_backend(backend)
    , m_connector(connector)
    , m_loop(loop)
    , m_report(std::move(report))
    , m_schedule([this] {
        // Keeps its phase (checks stay spread over the interval), but a loop held up long does
        // not catch up with a burst.
        m_nextCheckAtMs = qMax(m_nextCheckAtMs + m_rule->rule().healthCheck.intervalMs, m_loop.now() + 1);
        m_schedule.start(m_loop, m_nextCheckAtMs);
        checkNow();
    })
    , m_deadline([this] { onDeadline(); })
{}

HealthProbe::~HealthProbe()
{
    // A check cut short says nothing.
    leaveEpollSet();
    if (!m_transport.isEmpty())
        m_transport->close(true);
}

void HealthProbe::schedule(qint64 firstAtMs)
{
    m_nextCheckAtMs = firstAtMs;
    m_schedule.start(m_loop, firstAtMs);
}

void HealthProbe::checkNow()
{
    BackendRuntime &target = m_rule->backend(m_backend);
    // A name that does not resolve is down already, with that reason: nothing to connect to.
    if (isChecking() || target.health.load() == BackendState::Disabled || !target.isReachable())
        return;
    const qint64 now = m_loop.refreshNow();
    m_startedUs = m_loop.clock().nowUs();
    m_checkDeadlineMs = now + m_rule->rule().healthCheck.timeoutMs;
    m_sent = 0;
    m_handshaken = false;
    m_received.clear();
    m_attemptSocket = 0;
    m_attempt = m_connector.connect(target, m_checkDeadlineMs, m_loop.clock());
    follow(m_attempt->start(now));
}

void HealthProbe::onIo(quint32 events, quint8)
{
    if (m_attempt) {
        follow(m_attempt->onIo(events, m_loop.now()));
        return;
    }
    if (m_transport.isEmpty())
        return;
    if ((events & EPOLLERR) && !(events & EPOLLIN)) {
        const int error = m_transport->pendingError();
        finish(m_received.isEmpty() ? Outcome::Kind::Failed : Outcome::Kind::Unexpected,
               error == 0 ? ECONNRESET : error);
        return;
    }
    exchange();
}

void HealthProbe::onDeadline()
{
    const qint64 now = m_loop.now();
    if (now >= m_checkDeadlineMs || !m_attempt) {
        // A reply that never got to the expected text says more than "timeout".
        finish(m_received.isEmpty() ? Outcome::Kind::TimedOut : Outcome::Kind::Unexpected, ETIMEDOUT);
        return;
    }
    // Only this address's share of the time is up: the attempt goes on with the next one.
    follow(m_attempt->onTimeout(now));
}

void HealthProbe::follow(ConnectAttempt::Progress progress)
{
    switch (progress) {
    case ConnectAttempt::Progress::InProgress:
        if (m_attempt->socketSerial() != m_attemptSocket) {
            // A new socket (the next address): the old one left the epoll set when it was closed.
            m_attemptSocket = m_attempt->socketSerial();
            m_registration = EventLoop::Registration(m_attempt->fd(), this);
        }
        m_loop.setInterest(m_registration, m_attempt->interest());
        m_deadline.start(m_loop, qMin(m_attempt->timeoutAtMs(), m_checkDeadlineMs));
        return;
    case ConnectAttempt::Progress::Connected:
        m_transport = m_attempt->takeTransport();
        if (m_attempt->socketSerial() != m_attemptSocket) {
            m_registration = EventLoop::Registration(m_transport->fd(), this);
        } else if (m_registration.fd() != m_transport->fd()) {
            // A channel of an SSH master: the control socket the attempt was watched on stays open.
            m_loop.remove(m_registration);
            m_registration = EventLoop::Registration(m_transport->fd(), this);
        }
        m_attempt.reset();
        m_deadline.start(m_loop, m_checkDeadlineMs);
        exchange();
        return;
    case ConnectAttempt::Progress::LocalShortage:
        finish(Outcome::Kind::LocalShortage, m_attempt->error());
        return;
    case ConnectAttempt::Progress::Failed: {
        const int error = m_attempt->error();
        finish(error == ETIMEDOUT ? Outcome::Kind::TimedOut : Outcome::Kind::Failed, error, m_attempt->failureReason());
        return;
    }
    }
}

void HealthProbe::exchange()
{
    const HealthCheck &check = m_rule->rule().healthCheck;
    if (!m_handshaken) {
        const IoResult result = m_transport->handshake();
        if (result.status == IoResult::Status::WouldBlock)
            return watch(result.wants);
        if (result.status != IoResult::Status::Done)
            return finish(Outcome::Kind::Failed, result.error);
        m_handshaken = true;
    }
    while (m_sent < check.send.size()) {
        const IoResult result =
            m_transport->send(check.send.constData() + m_sent, std::size_t(check.send.size() - m_sent));
        if (result.status == IoResult::Status::WouldBlock)
            return watch(result.wants);
        if (result.status != IoResult::Status::Done)
            return finish(Outcome::Kind::Failed, result.error);
        m_sent += qsizetype(result.bytes);
    }
    if (check.expect.isEmpty())
        // Passes once the text is handed to the kernel, not when it is merely queued here.
        return finish(check.send.isEmpty() ? Outcome::Kind::Connected : Outcome::Kind::Sent);
    char buffer[16 * 1024];
    for (;;) {
        const std::size_t room = std::size_t(qMin<qsizetype>(sizeof(buffer), MaxRead - m_received.size()));
        const IoResult result = m_transport->receive(buffer, room);
        switch (result.status) {
        case IoResult::Status::WouldBlock:
            return watch(result.wants);
        case IoResult::Status::End:
            return finish(m_received.isEmpty() ? Outcome::Kind::Closed : Outcome::Kind::Unexpected);
        case IoResult::Status::Failed:
            return finish(m_received.isEmpty() ? Outcome::Kind::Failed : Outcome::Kind::Unexpected, result.error);
        case IoResult::Status::Done: {
            // Look at the seam too: the expected text may straddle two reads.
            const qsizetype from = qMax<qsizetype>(0, m_received.size() - check.expect.size() + 1);
            m_received.append(buffer, qsizetype(result.bytes));
            if (m_received.indexOf(check.expect, from) >= 0)
                return finish(Outcome::Kind::Answered);
            if (m_received.size() >= MaxRead)
                return finish(Outcome::Kind::Unexpected);
            break;
        }
        }
    }
}

void HealthProbe::watch(quint32 interest)
{
    m_loop.setInterest(m_registration, interest);
}

void HealthProbe::leaveEpollSet()
{
    // Before the descriptor closes, for the reason TcpSession::finish() gives; only while it is
    // open (a number closed earlier may be another connection's by now).
    const bool open = !m_transport.isEmpty() ? m_registration.fd() == m_transport->fd()
                                             : m_attempt && m_attempt->socketSerial() == m_attemptSocket &&
                                                   m_registration.fd() == m_attempt->fd();
    if (open)
        m_loop.remove(m_registration);
}

void HealthProbe::finish(Outcome::Kind kind, int error, const Message &reason)
{
    m_deadline.stop();
    Outcome outcome;
    outcome.kind = kind;
    outcome.error = error;
    outcome.reason = reason;
    outcome.micros = m_loop.clock().nowUs() - m_startedUs;
    if (kind == Outcome::Kind::Unexpected)
        outcome.received = m_received;
    leaveEpollSet();
    m_attempt.reset();
    if (!m_transport.isEmpty()) {
        // A passed check says goodbye properly (what it sent must arrive); a failed one just drops.
        m_transport->close(!outcome.passed());
        m_transport.reset();
    }
    m_registration = EventLoop::Registration();
    m_received.clear();
    m_report(outcome);
}

} // namespace PortRelay
