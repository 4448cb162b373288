#pragma once

#include "core/net/connectattempt.h"
#include "core/net/eventloop.h"

#include <QByteArray>

#include <functional>
#include <memory>

namespace PortRelay {

class RuleRuntime;
class UpstreamConnector;

// One backend's active check, run on a worker's event loop: a connect through the backend's
// connector (the path traffic takes, every address of a name in turn), then, if the rule says so,
// send and expect over the transport it gave. No QObject, no Qt event loop, no timer objects of
// Qt: a check costs a socket and a few system calls, the same at 10 backends as at 10,000.
//
// A probe may be constructed on any thread; everything else, its destruction included, happens on
// its loop's thread. The verdict is not the probe's: it reports each check's outcome and the
// HealthChecker decides (rise, fall, events).
class HealthProbe final : private IoWatcher
{
public:
    struct Outcome
    {
        enum class Kind : quint8
        {
            Connected,     // passed: connected, nothing to send or expect
            Sent,          // passed: connected and the kernel took what was to be sent
            Answered,      // passed: the reply contained the expected text
            Failed,        // connect, send or receive failed: error says why
            Closed,        // the backend closed before a byte of the expected reply
            Unexpected,    // the reply (received) ended, filled MaxRead or timed out without the expected text
            TimedOut,      // the check's timeout passed
            LocalShortage, // out of descriptors here: says nothing about the backend
        };
        Kind kind = Kind::Failed;
        int error = 0;       // with Failed: errno
        QByteArray received; // with Unexpected: what came instead
        Message reason;      // with Failed: the connector's words, when errno alone does not say it
        qint64 micros = 0;   // from the start of the check to its outcome

        bool passed() const { return kind == Kind::Connected || kind == Kind::Sent || kind == Kind::Answered; }
    };
    using Report = std::function<void(const Outcome &)>;

    // A probe reads at most this much while looking for the expected text.
    static constexpr qsizetype MaxRead = 64 * 1024;

    // report is called on the loop's thread after every check.
    HealthProbe(std::shared_ptr<RuleRuntime> rule, int backend, const UpstreamConnector &connector, EventLoop &loop,
                Report report);
    ~HealthProbe();
    Q_DISABLE_COPY_MOVE(HealthProbe)

    // Checks at firstAtMs and then every interval of the rule's health check.
    void schedule(qint64 firstAtMs);
    // Checks now, unless a check is under way (or the backend is disabled or has no address).
    void checkNow();
    bool isChecking() const { return m_attempt || !m_transport.isEmpty(); }

private:
    void onIo(quint32 events, quint8 tag) override;
    void onDeadline();
    // Follows the connect attempt; on Connected goes on with the exchange.
    void follow(ConnectAttempt::Progress progress);
    // Handshake, then send, then expect, as far as the transport lets us now.
    void exchange();
    void watch(quint32 interest);
    // Takes the probe's descriptor out of the loop's epoll set, if it is still open.
    void leaveEpollSet();
    void finish(Outcome::Kind kind, int error = 0, const Message &reason = Message());

    const std::shared_ptr<RuleRuntime> m_rule;
    const int m_backend;
    const UpstreamConnector &m_connector;
    EventLoop &m_loop;
    const Report m_report;
    EventLoop::Timer m_schedule;
    qint64 m_nextCheckAtMs = 0; // m_schedule's deadline, kept for the next one
    EventLoop::Timer m_deadline;
    EventLoop::Registration m_registration;
    std::unique_ptr<ConnectAttempt> m_attempt;
    TransportSlot m_transport;
    quint32 m_attemptSocket = 0;
    qint64 m_startedUs = 0;
    qint64 m_checkDeadlineMs = 0;
    qsizetype m_sent = 0;
    bool m_handshaken = false;
    QByteArray m_received;
};

} // namespace PortRelay
