#include "core/net/eventloop.h"

#include "core/net/clock.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>

namespace PortRelay {

namespace {

constexpr int MaxEventsPerWait = 128;

} // namespace

EventLoop::Timer::~Timer()
{
    stop();
}

void EventLoop::Timer::start(EventLoop &loop, qint64 atMs)
{
    stop();
    m_loop = &loop;
    m_position = loop.m_timers.emplace(atMs, this);
}

void EventLoop::Timer::stop()
{
    if (m_loop) {
        m_loop->m_timers.erase(m_position);
        m_loop = nullptr;
    }
}

EventLoop::EventLoop(const Clock &clock)
    : m_clock(clock)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
    , m_wakeupFd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
    , m_wakeupRegistration(m_wakeupFd.get(), &m_wakeup)
    , m_now(clock.nowMs())
{
    Q_ASSERT(m_epoll.isValid() && m_wakeupFd.isValid());
    setInterest(m_wakeupRegistration, EPOLLIN);
    // A clock moved by hand (tests) wakes us to look at the timers again.
    m_wakerKey = m_clock.addWaker([this] { post([] {}); });
}

EventLoop::~EventLoop()
{
    m_clock.removeWaker(m_wakerKey);
    // Timers still started belong to watchers being destroyed with us: detach them.
    for (auto &entry : m_timers)
        entry.second->m_loop = nullptr;
}

qint64 EventLoop::refreshNow()
{
    m_now = m_clock.nowMs();
    return m_now;
}

void EventLoop::runOnce(const std::function<void()> &afterIo, int maxWaitMs)
{
    int timeout = maxWaitMs;
    if (!m_timers.empty())
        timeout = int(qBound(qint64(0), m_timers.begin()->first - m_clock.nowMs(), qint64(maxWaitMs)));
    epoll_event events[MaxEventsPerWait];
    const int n = ::epoll_wait(m_epoll.get(), events, MaxEventsPerWait, timeout);
    m_now = m_clock.nowMs();
    for (int i = 0; i < n; ++i) {
        const quint64 tagged = events[i].data.u64;
        const auto tag = quint8(tagged % Registration::TagLimit);
        reinterpret_cast<IoWatcher *>(quintptr(tagged - tag))->onIo(events[i].events, tag);
    }
    // Tasks run after the whole batch: a task may free a watcher that a later event of the batch
    // names.
    if (m_tasksDue) {
        m_tasksDue = false;
        runTasks();
    }
    if (afterIo)
        afterIo();
    fireTimers();
}

void EventLoop::fireTimers()
{
    while (!m_timers.empty() && m_timers.begin()->first <= m_now) {
        Timer *timer = m_timers.begin()->second;
        m_timers.erase(m_timers.begin());
        timer->m_loop = nullptr;
        timer->m_fire(timer->m_callback);
    }
}

void EventLoop::post(std::function<void()> task)
{
    {
        std::lock_guard<std::mutex> lock(m_tasksMutex);
        m_tasks.push_back(std::move(task));
    }
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wakeupFd.get(), &one, sizeof(one));
}

void EventLoop::runTasks()
{
    quint64 count = 0;
    [[maybe_unused]] const ssize_t got = ::read(m_wakeupFd.get(), &count, sizeof(count));
    std::vector<std::function<void()>> tasks;
    {
        std::lock_guard<std::mutex> lock(m_tasksMutex);
        tasks.swap(m_tasks);
    }
    m_now = m_clock.nowMs();
    for (auto &task : tasks)
        task();
}

void EventLoop::setInterest(Registration &registration, quint32 wanted)
{
    const quint32 mask = wanted == 0 ? quint32(EPOLLET) : wanted;
    if (registration.m_mask == mask)
        return;
    epoll_event ev{};
    ev.events = mask;
    ev.data.u64 = registration.m_watcher;
    ::epoll_ctl(m_epoll.get(), registration.isRegistered() ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, registration.m_fd, &ev);
    registration.m_mask = mask;
}

void EventLoop::watchExclusive(Registration &registration)
{
    if (registration.isRegistered())
        return;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLEXCLUSIVE;
    ev.data.u64 = registration.m_watcher;
    ::epoll_ctl(m_epoll.get(), EPOLL_CTL_ADD, registration.m_fd, &ev);
    registration.m_mask = EPOLLIN | EPOLLEXCLUSIVE;
}

void EventLoop::remove(Registration &registration)
{
    if (!registration.isRegistered())
        return;
    ::epoll_ctl(m_epoll.get(), EPOLL_CTL_DEL, registration.m_fd, nullptr);
    registration.m_mask = Registration::NotRegistered;
}

} // namespace PortRelay
