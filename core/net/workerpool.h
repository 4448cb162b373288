#pragma once

#include "core/net/chunkpool.h"
#include "core/net/connectors.h"
#include "core/net/engineevent.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace PortRelay {

class Clock;
class EventLoop;
class EventThrottle;

class Worker;

// The data-plane threads: one Worker per thread, each blocking in its own epoll loop. Plain
// std::threads, and what workers report reaches this object's thread through a mutex-guarded
// mailbox rather than queued signals: every hand-over between threads is then one that
// ThreadSanitizer can see (Qt's own locks are invisible to it), so its reports mean something.
class WorkerPool final : public QObject
{
    Q_OBJECT

public:
    // count 0: one worker per CPU this process may run on. clock: what the workers' timeouts,
    // windows and ramps are measured in.
    WorkerPool(int count, RelayMode mode, const Clock &clock, QObject *parent = nullptr);
    // Closes every connection and joins the threads.
    ~WorkerPool() override;
    Q_DISABLE_COPY_MOVE(WorkerPool)

    int size() const { return int(m_workers.size()); }

    // Runs fn on every worker, each on its own thread, and returns when all have run it. Never
    // call it from a worker thread.
    void runOnEach(const std::function<void(Worker &)> &fn);

    // Runs task on the thread of worker index (modulo the pool's size) with its event loop, soon;
    // does not wait. Safe from any thread. Tasks posted to one worker run in the order posted.
    void postTo(int index, std::function<void(EventLoop &)> task);
    // From any worker thread: runs fn on this object's thread, soon. One wake-up per batch.
    void deliver(std::function<void()> fn);

    // How each backend is reached; the same for the relay and the health checks.
    const Connectors &connectors() const { return m_connectors; }

    // Rate-limits what the workers report that concerns no one rule (descriptor shortage).
    EventThrottle &throttle() { return *m_throttle; }

    // Keeps garbage alive until every worker has been through its event loop once more: then no
    // worker can still be reading what it held (an address list replaced meanwhile).
    void retire(std::shared_ptr<const void> garbage);

    // Connections open across all workers. Safe from any thread.
    int activeConnections() const;

Q_SIGNALS:
    void eventReported(const PortRelay::EngineEvent &event);
    void backendMarkedDown(const QString &rule, quint64 runtimeId, int backend, int previousState,
                           const PortRelay::Message &reason);

private:
    void drainDeliveries();

    std::unique_ptr<EventThrottle> m_throttle; // outlives the workers that use it
    const Connectors m_connectors;
    std::mutex m_deliveriesMutex;
    std::vector<std::function<void()>> m_deliveries;
    std::atomic<bool> m_drainScheduled{false};
    std::vector<std::thread> m_threads;
    std::vector<std::unique_ptr<Worker>> m_workers;
};

} // namespace PortRelay
