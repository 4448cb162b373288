#include "core/net/clocktimer.h"

#include "core/net/clock.h"

#include <limits>

namespace PortRelay {

ClockTimer::ClockTimer(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ClockTimer::check);
    // The clock calls this from the thread that moves it; the check runs on ours. A posted call
    // still queued when we are destroyed is dropped with us, and removeWaker() waits for a call
    // in progress, so none reaches a destroyed timer.
    m_wakerKey =
        m_clock.addWaker([this] { QMetaObject::invokeMethod(this, &ClockTimer::check, Qt::QueuedConnection); });
}

ClockTimer::~ClockTimer()
{
    m_clock.removeWaker(m_wakerKey);
}

void ClockTimer::start()
{
    start(m_intervalMs);
}

void ClockTimer::start(int ms)
{
    m_intervalMs = qMax(0, ms);
    m_dueMs = m_clock.nowMs() + m_intervalMs;
    arm();
}

void ClockTimer::stop()
{
    m_dueMs = -1;
    m_timer.stop();
}

qint64 ClockTimer::remainingMs() const
{
    return m_dueMs < 0 ? -1 : qMax<qint64>(0, m_dueMs - m_clock.nowMs());
}

void ClockTimer::arm()
{
    // On the system clock this wakes us when we are due; on a clock moved by hand it is a look
    // now and then, and the clock's waker is what brings us to the deadline.
    m_timer.start(int(qMin<qint64>(remainingMs(), std::numeric_limits<int>::max())));
}

void ClockTimer::check()
{
    if (m_dueMs < 0)
        return;
    const qint64 now = m_clock.nowMs();
    if (now < m_dueMs) {
        arm();
        return;
    }
    if (m_singleShot) {
        m_dueMs = -1;
        m_timer.stop();
    } else {
        // Keeps its rhythm, but fires once for several intervals the clock jumped over.
        m_dueMs += m_intervalMs * qMax<qint64>(1, (now - m_dueMs) / qMax(1, m_intervalMs) + 1);
        arm();
    }
    Q_EMIT timeout();
}

} // namespace PortRelay
