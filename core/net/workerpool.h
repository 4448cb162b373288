#pragma once

#include "core/engine/engineevent.h"
#include "core/net/chunkpool.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace PortRelay {

class EventThrottle;

class Worker;

// The data-plane threads: one Worker per thread, each with its own event loop.
class WorkerPool final : public QObject
{
    Q_OBJECT

public:
    // count 0: one worker per CPU this process may run on.
    WorkerPool(int count, RelayMode mode, QObject *parent = nullptr);
    // Closes every connection and joins the threads.
    ~WorkerPool() override;
    Q_DISABLE_COPY_MOVE(WorkerPool)

    int size() const { return int(m_workers.size()); }

    // Runs fn on every worker, each on its own thread, and returns when all have run it. Never
    // call it from a worker thread.
    void runOnEach(const std::function<void(Worker &)> &fn);

    // Connections open across all workers. Safe from any thread.
    int activeConnections() const;

Q_SIGNALS:
    void eventReported(const PortRelay::EngineEvent &event);
    void backendMarkedDown(const QString &rule, quint64 runtimeId, int backend, int previousState,
                           const QString &reason);

private:
    std::unique_ptr<EventThrottle> m_throttle; // outlives the workers that use it
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<std::unique_ptr<Worker>> m_workers;
};

} // namespace PortRelay
