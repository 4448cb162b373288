#include "ui/tray/trayavailabilitywatcher.h"

namespace PortRelay {

TrayAvailabilityWatcher::TrayAvailabilityWatcher(Probe probe, int intervalMs, int attempts, QObject *parent)
    : QObject(parent)
    , m_probe(std::move(probe))
    , m_attempts(attempts)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &TrayAvailabilityWatcher::onTimeout);
}

void TrayAvailabilityWatcher::start()
{
    m_attemptsMade = 0;
    m_timer.start();
}

void TrayAvailabilityWatcher::onTimeout()
{
    ++m_attemptsMade;
    if (m_probe()) {
        m_timer.stop();
        Q_EMIT available();
    } else if (m_attemptsMade >= m_attempts) {
        m_timer.stop();
        Q_EMIT gaveUp();
    }
}

} // namespace PortRelay
