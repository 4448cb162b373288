#pragma once

#include "core/net/uniquefd.h"

#include <QtGlobal>

#include <functional>
#include <map>
#include <mutex>
#include <new>
#include <type_traits>
#include <vector>

namespace PortRelay {

class Clock;

// Something that owns descriptors in an EventLoop and is told when one is ready. One watcher may
// own several (a session's client and backend): the tag of each one's Registration says which,
// so a connection needs no helper object per descriptor.
class IoWatcher
{
public:
    // events: EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP as epoll reported them; tag: the
    // Registration's.
    virtual void onIo(quint32 events, quint8 tag) = 0;

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
    // A descriptor's place in the epoll set and the events it waits for. Every connection holds
    // two, so it is kept to 16 bytes: the tag rides in the watcher pointer's low bits.
    class Registration
    {
    public:
        // Tags below this fit (IoWatchers are aligned at least to a pointer).
        static constexpr quint8 TagLimit = alignof(void *);

        Registration() = default;
        Registration(int fd, IoWatcher *watcher, quint8 tag = 0)
            : m_fd(fd)
            , m_watcher(reinterpret_cast<quintptr>(watcher) | tag)
        {
            Q_ASSERT(tag < TagLimit);
        }
        int fd() const { return m_fd; }
        bool isRegistered() const { return m_mask != NotRegistered; }

    private:
        friend class EventLoop;
        static constexpr quint32 NotRegistered = ~0u;
        int m_fd = -1;
        quint32 m_mask = NotRegistered;
        quintptr m_watcher = 0; // IoWatcher * | tag: what epoll hands back
    };

    // A deadline. Stopped when destroyed; may be started again from its own callback.
    //
    // Every connection holds one, so it carries its callback inline rather than in a
    // std::function (32 bytes): a lambda that captures one pointer, usually [this].
    class Timer
    {
    public:
        template<typename Callback>
        explicit Timer(Callback callback)
            : m_fire(&fire<Callback>)
        {
            static_assert(sizeof(Callback) <= sizeof(m_callback) && std::is_trivially_copyable_v<Callback> &&
                              std::is_trivially_destructible_v<Callback>,
                          "a timer's callback captures at most one pointer, such as [this]");
            new (m_callback) Callback(callback);
        }
        ~Timer();
        Q_DISABLE_COPY_MOVE(Timer)

        void start(EventLoop &loop, qint64 atMs);
        void stop();
        bool isActive() const { return m_loop != nullptr; }
        // When it fires; only while active.
        qint64 deadline() const
        {
            Q_ASSERT(isActive());
            return m_position->first;
        }

    private:
        friend class EventLoop;
        template<typename Callback>
        static void fire(void *callback)
        {
            (*std::launder(reinterpret_cast<Callback *>(callback)))();
        }

        void (*m_fire)(void *);
        alignas(void *) unsigned char m_callback[sizeof(void *)];
        EventLoop *m_loop = nullptr;
        std::multimap<qint64, Timer *>::iterator m_position;
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
        void onIo(quint32, quint8) override { m_loop.m_tasksDue = true; }

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
