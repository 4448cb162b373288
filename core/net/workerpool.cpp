#include "core/net/workerpool.h"

#include "core/net/eventthrottle.h"
#include "core/net/sockets.h"
#include "core/net/worker.h"

#include <QThread>

#include <csignal>
#include <future>

namespace PortRelay {

WorkerPool::WorkerPool(int count, RelayMode mode, QObject *parent)
    : QObject(parent)
    , m_throttle(std::make_unique<EventThrottle>())
{
    // splice() into a socket whose peer has gone raises SIGPIPE even where send() is told not to.
    ::signal(SIGPIPE, SIG_IGN);
    qRegisterMetaType<PortRelay::EngineEvent>();
    if (count <= 0)
        count = Sockets::usableCpuCount();
    for (int i = 0; i < count; ++i) {
        auto worker = std::make_unique<Worker>(i, mode, *m_throttle);
        worker->initialize();
        // Emitted on the worker's thread, delivered queued to this one.
        connect(worker.get(), &Worker::eventReported, this, &WorkerPool::eventReported);
        connect(worker.get(), &Worker::backendMarkedDown, this, &WorkerPool::backendMarkedDown);
        Worker *w = worker.get();
        std::unique_ptr<QThread> thread(QThread::create([w] { w->run(); }));
        thread->setObjectName(QStringLiteral("portrelay-worker-%1").arg(i));
        thread->start();
        m_threads.push_back(std::move(thread));
        m_workers.push_back(std::move(worker));
    }
}

WorkerPool::~WorkerPool()
{
    runOnEach([](Worker &worker) { worker.shutdown(); });
    for (auto &thread : m_threads)
        thread->wait();
    // The threads have finished, so nothing runs in the workers while they are destroyed here.
    m_workers.clear();
}

void WorkerPool::runOnEach(const std::function<void(Worker &)> &fn)
{
    for (auto &worker : m_workers) {
        Worker *w = worker.get();
        // A promise, not a blocking queued call: its mutex and condition variable are visible to
        // ThreadSanitizer, so the hand-over to the worker and back is a visible happens-before.
        std::promise<void> done;
        w->post([w, &fn, &done] {
            fn(*w);
            done.set_value();
        });
        done.get_future().wait();
    }
}

int WorkerPool::activeConnections() const
{
    int total = 0;
    for (const auto &worker : m_workers)
        total += worker->activeConnections();
    return total;
}

} // namespace PortRelay
