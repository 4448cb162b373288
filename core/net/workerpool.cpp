#include "core/net/workerpool.h"

#include "core/net/eventthrottle.h"
#include "core/net/sockets.h"
#include "core/net/worker.h"

#include <csignal>
#include <future>

#include <pthread.h>

namespace PortRelay {

WorkerPool::WorkerPool(int count, RelayMode mode, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_throttle(std::make_unique<EventThrottle>(EngineEvent::KindCount))
{
    // splice() into a socket whose peer has gone raises SIGPIPE even where send() is told not to.
    ::signal(SIGPIPE, SIG_IGN);
    qRegisterMetaType<PortRelay::EngineEvent>();
    if (count <= 0)
        count = Sockets::usableCpuCount();
    for (int i = 0; i < count; ++i) {
        auto worker = std::make_unique<Worker>(i, mode, *m_throttle, m_connectors, clock);
        // Emitted on the worker's thread; re-emitted from this one.
        connect(
            worker.get(), &Worker::eventReported, this,
            [this](const EngineEvent &event) { deliver([this, event] { Q_EMIT eventReported(event); }); },
            Qt::DirectConnection);
        connect(
            worker.get(), &Worker::backendMarkedDown, this,
            [this](const QString &rule, quint64 runtimeId, int backend, int previousState, const Message &reason) {
                deliver([=] { Q_EMIT backendMarkedDown(rule, runtimeId, backend, previousState, reason); });
            },
            Qt::DirectConnection);
        Worker *w = worker.get();
        m_threads.emplace_back([w, i] {
            const QByteArray name = "portrelay-w" + QByteArray::number(i);
            ::pthread_setname_np(::pthread_self(), name.constData());
            w->run();
        });
        m_workers.push_back(std::move(worker));
    }
}

WorkerPool::~WorkerPool()
{
    runOnEach([](Worker &worker) { worker.shutdown(); });
    for (std::thread &thread : m_threads)
        thread.join();
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

void WorkerPool::postTo(int index, std::function<void(EventLoop &)> task)
{
    Worker *w = m_workers[std::size_t(index) % m_workers.size()].get();
    w->post([w, task = std::move(task)] { task(w->eventLoop()); });
}

void WorkerPool::retire(std::shared_ptr<const void> garbage)
{
    // Each worker's task holds a reference; the last worker to run its task frees the garbage.
    for (auto &worker : m_workers)
        worker->post([garbage] {});
}

void WorkerPool::deliver(std::function<void()> fn)
{
    {
        std::lock_guard<std::mutex> lock(m_deliveriesMutex);
        m_deliveries.push_back(std::move(fn));
    }
    // One wake-up for a batch: the queued call carries nothing, the mailbox carries the data.
    if (!m_drainScheduled.exchange(true))
        QMetaObject::invokeMethod(this, &WorkerPool::drainDeliveries, Qt::QueuedConnection);
}

void WorkerPool::drainDeliveries()
{
    m_drainScheduled = false;
    std::vector<std::function<void()>> batch;
    {
        std::lock_guard<std::mutex> lock(m_deliveriesMutex);
        batch.swap(m_deliveries);
    }
    for (auto &fn : batch)
        fn();
}

int WorkerPool::activeConnections() const
{
    int total = 0;
    for (const auto &worker : m_workers)
        total += worker->activeConnections();
    return total;
}

} // namespace PortRelay
