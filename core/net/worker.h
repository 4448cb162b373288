#pragma once

#include "core/engine/connectioninfo.h"
#include "core/engine/engineevent.h"
#include "core/net/chunkpool.h"
#include "core/net/relaydirection.h"
#include "core/net/uniquefd.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include <sys/socket.h>

namespace PortRelay {

class EventThrottle;

class RuleRuntime;

// One data-plane thread. Owns its connections from accept to close: accepts from the rules'
// listening sockets (shared by all workers), picks a backend, connects, and relays both ways.
// Its thread blocks in epoll_wait on the worker's own set (no Qt event loop on the data path: one
// system call per wake-up), timeouts come from the same wait, and control calls arrive as tasks
// through an eventfd. No QObject exists per connection and the data path takes no lock.
//
// Public methods other than initialize(), run(), post() and activeConnections() must run on the
// worker's thread: send them there with post(). Signals are emitted from the worker's thread.
class Worker final : public QObject
{
    Q_OBJECT

public:
    // throttle: shared by the pool's workers, for reports that concern no one rule (those about a
    // rule go through the rule's own), so a flood is logged once, not once per worker.
    Worker(int index, RelayMode mode, EventThrottle &throttle, QObject *parent = nullptr);
    ~Worker() override;
    Q_DISABLE_COPY_MOVE(Worker)

    int index() const { return m_index; }
    // Connections this worker holds now. Safe from any thread.
    int activeConnections() const { return m_active.load(std::memory_order_relaxed); }

    // Creates the epoll set and the wake-up eventfd; call once, before run().
    void initialize();
    // The worker thread's loop; returns after shutdown() has run.
    void run();
    // Queues a task for the worker's thread and wakes it. Safe from any thread.
    void post(std::function<void()> task);
    // Closes every connection (with a reset) and ends run().
    void shutdown();

    // Starts accepting from a listening socket that the engine owns.
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
                           const QString &reason);

private:
    enum class ConnectionState : quint8
    {
        Connecting, // an attempt to a backend is under way
        Backoff,    // every backend of this round failed; waiting before the next round
        Relaying,
        Closed
    };
    struct Connection;
    struct Listener
    {
        int fd = -1;
        std::shared_ptr<RuleRuntime> rule;
    };

    void runTasks();
    void expireDeadlines();
    void dispatch(quint64 tag, quint32 events);
    void acceptFrom(std::size_t listenerIndex);
    void pauseAccepting();
    void resumeAccepting();
    void admit(int fd, const std::shared_ptr<RuleRuntime> &rule, const sockaddr_storage &peer, unsigned peerLength);

    enum class AddressOutcome
    {
        Started,  // connecting (or connected) to one of the backend's addresses
        Paused,   // out of descriptors: the connection waits (or was failed)
        Exhausted // every address of the backend failed at once
    };
    void connectNext(Connection &c);
    AddressOutcome connectToNextAddress(Connection &c);
    int chooseBackend(Connection &c);
    void onConnectResult(Connection &c, int error);
    void failClient(Connection &c);
    void startRelay(Connection &c);
    void relay(Connection &c, bool clientSide, quint32 events);
    void updateInterest(Connection &c);
    void setInterest(int fd, quint32 *current, quint32 wanted, quint64 tag);
    void finish(Connection &c, bool abortive);
    void chargeFailedAttempt(Connection &c, int error);
    void chargeAbort(Connection &c, int error);

    void setDeadline(Connection &c, qint64 at);
    void clearDeadline(Connection &c);
    void reapClosed();
    // At most one event a second per worker, whatever the flood; makeMessage() builds the text
    // only for the events that are sent. Defined and instantiated in worker.cpp only.
    // rule: the rule the report is about, or null.
    template<typename MakeMessage>
    void report(EngineEvent::Level level, EngineEvent::Kind kind, RuleRuntime *rule, const QString &backend,
                MakeMessage makeMessage);

    const int m_index;
    EventThrottle &m_throttle;
    ChunkPool m_pool;
    UniqueFd m_epoll;
    UniqueFd m_wakeup; // eventfd: tasks are waiting
    std::mutex m_tasksMutex;
    std::vector<std::function<void()>> m_tasks;
    bool m_stopping = false;
    qint64 m_acceptResumeAtMs = 0;
    qint64 m_now = 0;
    qint64 m_lastRelayMs = 0; // for freeing the pool's idle chunks after a quiet spell
    quint64 m_serial = 0;
    bool m_acceptPaused = false;

    std::vector<Listener> m_listeners;                // holes have fd -1
    std::vector<std::unique_ptr<Connection>> m_slots; // holes are null
    std::vector<quint32> m_freeSlots;
    std::vector<quint32> m_closed;              // freed after the current batch of events
    std::multimap<qint64, quint32> m_deadlines; // connect and idle timeouts
    std::atomic<int> m_active{0};
};

} // namespace PortRelay
