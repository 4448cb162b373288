#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace PortRelay {

// Waits for a system tray that was not there at start-up (a panel that starts after the session's
// autostart entries): asks the probe every interval, a bounded number of times, and says when one
// appeared or when it stopped asking.
class TrayAvailabilityWatcher final : public QObject
{
    Q_OBJECT

public:
    using Probe = std::function<bool()>;

    explicit TrayAvailabilityWatcher(Probe probe, int intervalMs, int attempts, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(TrayAvailabilityWatcher)

    void start();
    bool isWaiting() const { return m_timer.isActive(); }
    int attemptsMade() const { return m_attemptsMade; }

Q_SIGNALS:
    void available();
    void gaveUp();

private:
    void onTimeout();

    Probe m_probe;
    int m_attempts;
    int m_attemptsMade = 0;
    QTimer m_timer;
};

} // namespace PortRelay
