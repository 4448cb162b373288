#pragma once

#include "core/net/clienttally.h"
#include "core/net/connectattempt.h"
#include "core/net/connectioninfo.h"
#include "core/net/eventloop.h"
#include "core/net/relay.h"
#include "core/net/transportslot.h"

#include <QCoreApplication>

#include <memory>

namespace PortRelay {

class RuleRuntime;
class SessionHost;

// One client's TCP connection, from accept to close: picks a backend by the rule's strategy,
// reaches it through the backend's connector (retrying other backends and rounds within the
// connect timeout), completes the transports' handshakes, relays both ways, and charges
// backends for the failures of real traffic (passive checks).
//
//   Connecting ──► Handshaking ──► Relaying ──► Closed
//       │  ▲                                      ▲
//       ▼  │ (next round)                         │ (any phase: reset, timeout, no backend)
//     Backoff ────────────────────────────────────┘
//
// A proxy negotiation or a TLS handshake with the backend happen inside Connecting (they are
// the connector's steps); Handshaking is the transports' own (TLS towards the client).
class TcpSession final : private IoWatcher
{
    Q_DECLARE_TR_FUNCTIONS(PortRelay::Worker)

public:
    enum class Phase : quint8
    {
        Connecting,
        Backoff,     // every backend of this round failed; waiting before the next round
        Handshaking, // both transports finish their handshakes before the first byte
        Relaying,
        Closed
    };

    struct Admission
    {
        std::shared_ptr<RuleRuntime> rule;
        TransportSlot client;
        quint64 serial = 0;
        quint64 clientHash = 0;        // for the source-hash strategy
        bool holdsClientTally = false; // counted in the rule's ClientTally under clientKey
        ClientTally::Key clientKey{};
    };

    TcpSession(SessionHost &host, Admission admission);
    ~TcpSession();
    Q_DISABLE_COPY_MOVE(TcpSession)

    // Starts connecting. The session may be closed when this returns.
    void start();
    // Closes both sides with a reset.
    void abort();
    // A turn the session asked for (SessionHost::wantsTurn).
    void onTurn();

    Phase phase() const { return m_phase; }
    bool isClosed() const { return m_phase == Phase::Closed; }
    quint64 serial() const { return m_serial; }
    // Where the worker keeps the session, for it to find it again in O(1).
    quint32 slot() const { return m_slot; }
    void setSlot(quint32 slot) { m_slot = slot; }
    const RuleRuntime &rule() const { return *m_rule; }
    // The backend relayed to, or -1.
    int relayedBackend() const { return m_phase == Phase::Relaying ? m_backend : -1; }
    // For the user to look at; now on the loop's clock.
    ConnectionInfo info(int worker, qint64 nowMs) const;

private:
    // tag: the Relay::Side of the descriptor (its Registration's tag).
    void onIo(quint32 events, quint8 tag) override;
    void onTimer();
    int chooseBackend();
    void connectNext();
    // Follows the attempt's progress; false when it failed and the backend is to be charged.
    bool follow(ConnectAttempt::Progress progress);
    void onLocalShortage();
    void failClient();
    void startHandshake();
    void continueHandshake();
    void startRelay();
    void account(const Relay::Outcome &outcome);
    void updateInterest();
    void chargeFailedAttempt(int error);
    void chargeAbort(int error);
    void finish(bool abortive);

    EventLoop &loop() const;

    SessionHost &m_host;
    std::shared_ptr<RuleRuntime> m_rule;
    // An idle connection is mostly this object: keep it small (bench W4, docs/performance.md).
    TransportSlot m_client;
    TransportSlot m_backendTransport;
    std::unique_ptr<ConnectAttempt> m_attempt;
    EventLoop::Registration m_clientRegistration;
    EventLoop::Registration m_backendRegistration;
    EventLoop::Timer m_timer; // connect slice, backoff, handshake or idle timeout
    Relay m_relay;
    const quint64 m_serial;
    const quint64 m_clientHash;
    const ClientTally::Key m_clientKey;
    qint64 m_startedMs = 0;
    qint64 m_lastActivityMs = 0;
    quint64 m_tried = 0; // backends tried in this round, one bit each
    quint64 m_bytesIn = 0;
    quint64 m_bytesOut = 0;
    quint32 m_slot = 0;
    quint32 m_attemptSocket = 0; // the attempt's socketSerial() the registration is for
    int m_backend = -1;          // counted in that backend's active connections while >= 0
    int m_lastError = 0;         // errno of the last failed attempt
    quint16 m_attempts = 0;
    quint8 m_round = 0; // rounds over the backends so far (retries: at most 10)
    Phase m_phase = Phase::Connecting;
    bool m_holdsClientTally;
};

} // namespace PortRelay
