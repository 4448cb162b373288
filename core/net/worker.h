#pragma once

#include "core/net/chunkpool.h"
#include "core/net/connectioninfo.h"
#include "core/net/engineevent.h"
#include "core/net/eventloop.h"
#include "core/net/listener.h"
#include "core/net/sessionhost.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace PortRelay {

class Clock;
class Connectors;
class EventThrottle;
class RuleRuntime;
class TcpSession;

// One data-plane thread: an EventLoop (epoll, one deadline structure, tasks through an eventfd;
// no Qt event loop on the data path) and the bookkeeping of what runs in it: the rules'
// listeners, the sessions they admit, the buffers those borrow. The TCP protocol itself is the
// sessions' (TcpSession); this class decides who is admitted, keeps the slots, and frees what
// closed only after the batch of events that might still name it. No QObject exists per
// connection and the data path takes no lock.
//
// Public methods other than run(), post() and activeConnections() must run on the worker's
// thread: send them there with post(). Signals are emitted from the worker's thread.
class Worker final : public QObject, private SessionHost, private Listener::Admitter
{
    Q_OBJECT

public:
    // throttle: shared by the pool's workers, for reports that concern no one rule (those about a
    // rule go through the rule's own), so a flood is logged once, not once per worker.
    // connectors: how each backend is reached, shared by the pool's workers and health checks.
    Worker(int index, RelayMode mode, EventThrottle &throttle, const Connectors &connectors, const Clock &clock,
           QObject *parent = nullptr);
    ~Worker() override;
    Q_DISABLE_COPY_MOVE(Worker)

    int index() const { return m_index; }
    // Connections this worker holds now. Safe from any thread.
    int activeConnections() const { return m_active.load(std::memory_order_relaxed); }

    // The worker thread's loop; returns after shutdown() has run.
    void run();
    // Queues a task for the worker's thread and wakes it. Safe from any thread.
    void post(std::function<void()> task) { m_loop.post(std::move(task)); }
    // The worker's event loop, for other watchers that share the thread (health probes). Worker's
    // thread only.
    EventLoop &eventLoop() { return m_loop; }
    // Closes every connection (with a reset) and ends run().
    void shutdown();

    // Starts serving a listening socket that the engine owns, with the listener of its rule's protocol.
    void addListener(int listenFd, const std::shared_ptr<RuleRuntime> &rule);
    // New connections from this socket go by the new rule; open ones keep theirs.
    void replaceListenerRule(int listenFd, const std::shared_ptr<RuleRuntime> &rule);
    // Stops accepting from the socket; the engine closes it afterwards.
    void removeListener(int listenFd);
    // Closes the open connections of the named rule with a reset.
    void closeConnections(const QString &ruleName);
    // The open connections, for the user to look at.
    QList<ConnectionInfo> connections() const;
    // Resets one connection; false when it is gone already.
    bool closeConnection(quint64 serial);
    // Resets the established connections of one backend (on_down: close).
    void closeBackendConnections(const RuleRuntime *rule, int backend);

Q_SIGNALS:
    // Rare events only (failures, refusals), already rate-limited.
    void eventReported(const PortRelay::EngineEvent &event);
    // Failed connects from real traffic marked a backend down (passive check). runtime identifies
    // the RuleRuntime (RuleRuntime::id()), so a report about a rule replaced meanwhile is ignored.
    void backendMarkedDown(const QString &rule, quint64 runtimeId, int backend, int previousState,
                           const PortRelay::Message &reason);

private:
    // SessionHost
    EventLoop &loop() override { return m_loop; }
    ChunkPool &pool() override { return m_pool; }
    const UpstreamConnector &connectorFor(RuleRuntime &rule, int backend) override;
    bool admitReport(RuleRuntime *rule, EngineEvent::Kind kind, quint64 *suppressed) override;
    void sendReport(EngineEvent::Level level, EngineEvent::Kind kind, RuleRuntime *rule, const Message &message,
                    quint64 suppressed) override;
    void markedDown(RuleRuntime &rule, int backend, BackendState previous, const Message &reason) override;
    void localShortage() override { pauseAccepting(); }
    void relayed() override { m_lastRelayMs = m_loop.now(); }
    void wantsTurn(TcpSession &session) override;
    void sessionClosed(TcpSession &session) override;

    // Listener::Admitter
    bool admit(int fd, const std::shared_ptr<RuleRuntime> &rule, const sockaddr_storage &peer,
               unsigned peerLength) override;
    void acceptShortage() override { pauseAccepting(); }

    void afterIo();
    void reapClosed();
    void pauseAccepting();
    void resumeAccepting();
    void trimPoolWhenIdle();
    template<typename Fn>
    void forEachOpenSession(Fn fn) const;

    const int m_index;
    EventThrottle &m_throttle;
    const Connectors &m_connectors;
    EventLoop m_loop;
    ChunkPool m_pool;
    EventLoop::Timer m_resumeAccepting;
    EventLoop::Timer m_trimPool;
    qint64 m_lastRelayMs = 0; // for freeing the pool's idle chunks after a quiet spell
    quint64 m_serial = 0;
    bool m_acceptPaused = false;
    bool m_stopping = false;

    std::vector<std::unique_ptr<Listener>> m_listeners;
    std::vector<std::unique_ptr<Listener>> m_retiredListeners; // freed after the current batch
    std::vector<std::unique_ptr<TcpSession>> m_sessions;       // holes are null
    std::vector<quint32> m_freeSlots;
    std::vector<TcpSession *> m_closed; // freed after the current batch of events
    std::vector<TcpSession *> m_turns;  // to run again after this batch
    std::atomic<int> m_active{0};
};

} // namespace PortRelay
