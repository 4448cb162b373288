#include "core/hops/wakedetector.h"

#include <ctime>

namespace PortRelay {

namespace {

qint64 clockMs(clockid_t clock)
{
    timespec now{};
    ::clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

} // namespace

WakeDetector::WakeDetector(QObject *parent)
    : QObject(parent)
    , m_asleepMs(asleepSoFarMs())
{
    m_timer.setInterval(CheckIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (const qint64 slept = check(); slept > 0)
            Q_EMIT woke(slept);
    });
    m_timer.start();
}

qint64 WakeDetector::asleepSoFarMs()
{
    return clockMs(CLOCK_BOOTTIME) - clockMs(CLOCK_MONOTONIC);
}

qint64 WakeDetector::check()
{
    const qint64 asleep = asleepSoFarMs();
    const qint64 slept = asleep - m_asleepMs;
    m_asleepMs = asleep;
    return slept >= MinSleepMs ? slept : 0;
}

} // namespace PortRelay
