#pragma once

#include <QObject>
#include <QTimer>

namespace PortRelay {

// Notices that the machine slept: CLOCK_BOOTTIME goes on during a suspend and CLOCK_MONOTONIC
// does not, so their difference grows by the time asleep. Looked at every few seconds; no D-Bus,
// no logind, the same on a laptop and under portrelayd. SSH masters whose connections died in
// the sleep learn it from their keep-alives only after tens of seconds; on a wake the engine
// re-checks hops and the backends behind them at once.
class WakeDetector final : public QObject
{
    Q_OBJECT

public:
    static constexpr int CheckIntervalMs = 2000;
    // A jump smaller than this is scheduling noise, not a sleep.
    static constexpr qint64 MinSleepMs = 3000;

    explicit WakeDetector(QObject *parent = nullptr);

    // ms the machine slept since the last look (0: it did not); for tests and the timer.
    qint64 check();

Q_SIGNALS:
    void woke(qint64 sleptMs);

private:
    static qint64 asleepSoFarMs();

    QTimer m_timer;
    qint64 m_asleepMs = 0;
};

} // namespace PortRelay
