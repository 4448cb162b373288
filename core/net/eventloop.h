#pragma once

#include "core/net/uniquefd.h"

#include <QtGlobal>

#include <functional>
#include <map>
#include <mutex>
#include <vector>

namespace PortRelay {

class Clock;

// Something that owns a descriptor in an EventLoop and is told when it is ready.
class IoWatcher
{
public:
    // events: EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP as epoll reported them.
    virtual void onIo(quint32 events) = 0;

protected:
    ~IoWatcher() = default;
};

// One thread's event loop: an epoll set whose entries point at IoWatchers, one ordered structure
// of timers read from the injected Clock, and tasks posted from other threads through an eventfd.
// It knows no protocol: listeners, sessions, connect attempts and health probes are its watchers
// and timers. Everything but post() runs on the loop's own thread.
class EventLoop
{
public:
    // A descriptor's place in the epoll set and the events it waits for.
    class Registration
    {
    public:
        Registration() = default;
        Registration(int fd, IoWatcher *watcher)
            : m_fd(fd)
            , m_watcher(watcher)
        {}
        int fd() const { return m_fd; }
        bool isRegistered() const { return m_mask != NotRegistered; }

    private:
        friend class EventLoop;
        static constexpr quint32 NotRegistered = ~0u;
        int m_fd = -1;
        IoWatcher *m_watcher = nullptr;
        quint32 m_mask = NotRegistered;
    };

    // A deadline. Stopped when destroyed; may be started again from its own callback.
    class Timer
    {
    public:
        explicit Timer(std::function<void()> callback)
            : m_callback(std::move(callback))
        {}
        ~Timer();
        Q_DISABLE_COPY_MOVE(Timer)

        void start(EventLoop &loop, qint64 atMs);
        void stop();
        bool isActive() const { return m_loop != nullptr; }
        qint64 deadline() const { return m_at; }

    private:
        friend class EventLoop;
        std::function<void()> m_callback;
        EventLoop *m_loop = nullptr;
        std::multimap<qint64, Timer *>::iterator m_position;
        qint64 m_at = 0;
    };

    explicit EventLoop(const Clock &clock);
    ~EventLoop();
    Q_DISABLE_COPY_MOVE(EventLoop)

    const Clock &clock() const { return m_clock; }
    // The time at the start of this turn of the loop (Clock::nowMs()).
    qint64 now() const { return m_now; }
    // Reads the clock again (for code that runs outside a turn, such as a posted task).
    qint64 refreshNow();

    // Waits for I/O, the earliest timer or a posted task (at most maxWaitMs), then dispatches
    // I/O, runs the posted tasks, calls afterIo and fires the timers that are due.
    void runOnce(const std::function<void()> &afterIo = {}, int maxWaitMs = 60000);

    // Queues a task for the loop's thread and wakes it. Safe from any thread.
    void post(std::function<void()> task);

    // Waits for wanted (EPOLLIN, EPOLLOUT); 0 waits for nothing but errors and hang-ups, edge-
    // triggered, so a descriptor held back keeps reporting a reset once without waking the loop
    // again and again for a lasting hang-up.
    void setInterest(Registration &registration, quint32 wanted);
    // Level-triggered with EPOLLEXCLUSIVE: one of the loops sharing a listening socket wakes.
    void watchExclusive(Registration &registration);
    // Takes the descriptor out of the set (before it is closed, or to stop watching it).
    void remove(Registration &registration);

private:
    void runTasks();
    void fireTimers();

    class Wakeup final : public IoWatcher
    {
    public:
        explicit Wakeup(EventLoop &loop)
            : m_loop(loop)
        {}
        void onIo(quint32) override { m_loop.m_tasksDue = true; }

    private:
        EventLoop &m_loop;
    };

    const Clock &m_clock;
    int m_wakerKey = 0;
    UniqueFd m_epoll;
    UniqueFd m_wakeupFd;
    Wakeup m_wakeup{*this};
    Registration m_wakeupRegistration;
    std::mutex m_tasksMutex;
    std::vector<std::function<void()>> m_tasks;
    std::multimap<qint64, Timer *> m_timers;
    qint64 m_now = 0;
    bool m_tasksDue = false;
};

} // namespace PortRelay
