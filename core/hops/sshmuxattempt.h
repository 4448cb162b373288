#pragma once

#include "core/net/connectattempt.h"
#include "core/net/uniquefd.h"

#include <QByteArray>

#include <memory>

namespace PortRelay {

class Clock;
class HopRuntime;

// Opens one channel to host:port through a running OpenSSH master, speaking OpenSSH's
// multiplexing protocol (PROTOCOL.mux) on its control socket: hello, then a stdio forwarding
// (MUX_C_NEW_STDIO_FWD) whose two descriptors are one end of a fresh socket pair, passed with
// SCM_RIGHTS, sent together. The master answers only once the far side has opened the channel or refused it,
// so a backend that refuses through the hop is a failed attempt (and the rule fails over), not
// a connection that closes after it was accepted, as with a forwarded port. No process and no
// listening socket per connection: two local round trips and three descriptors.
//
// The host name goes to the far side as written: it is resolved there.
class SshMuxAttempt final : public ConnectAttempt
{
public:
    SshMuxAttempt(std::shared_ptr<const HopRuntime> hop, QByteArray host, quint16 port, qint64 deadlineMs,
                  const Clock &clock);
    ~SshMuxAttempt() override;
    Q_DISABLE_COPY_MOVE(SshMuxAttempt)

    Progress start(qint64 nowMs) override;
    Progress onIo(quint32 events, qint64 nowMs) override;
    Progress onTimeout(qint64 nowMs) override;

    int fd() const override { return m_control.get(); }
    quint32 socketSerial() const override { return m_socketSerial; }
    quint32 interest() const override { return m_interest; }
    qint64 timeoutAtMs() const override { return m_timeoutAtMs; }

    TransportSlot takeTransport() override;
    int error() const override { return m_error; }
    Message failureReason() const override { return m_reason; }
    qint64 setupMicros() const override { return m_setupMicros; }

private:
    enum class Step : quint8
    {
        Connecting, // to the control socket (its backlog was full: tried again shortly)
        Hello,      // our hello and the forwarding request sent, waiting for the master's hello
        Opening,    // waiting for the far side's answer to the forwarding
        Open,
        Failed
    };

    Progress connectControl(qint64 nowMs);
    Progress sendHello();
    Progress sendRequest();
    Progress readReplies();
    // Takes one whole packet from m_input; false when none is complete yet.
    bool takePacket(QByteArray *packet);
    Progress fail(int error, const Message &reason);

    const std::shared_ptr<const HopRuntime> m_hop;
    const QByteArray m_host;
    const quint16 m_port;
    const Clock &m_clock;
    const qint64 m_deadlineMs;
    UniqueFd m_control;
    UniqueFd m_data; // our end of the socket pair
    QByteArray m_input;
    qint64 m_startedUs = 0;
    qint64 m_setupMicros = 0;
    qint64 m_timeoutAtMs = 0;
    Message m_reason;
    int m_error = 0;
    quint32 m_socketSerial = 0;
    quint32 m_interest = 0;
    Step m_step = Step::Connecting;
};

} // namespace PortRelay
