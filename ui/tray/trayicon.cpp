#include "ui/tray/trayicon.h"

#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>

namespace PortRelay {

TrayIcon::TrayIcon(const QList<QAction *> &actions, QObject *parent)
    : QObject(parent)
    , m_icon(new QSystemTrayIcon(StateIcons::trayIcon(StateIcons::TrayState::Idle), this))
    , m_flushTimer(new QTimer(this))
{
    // QSystemTrayIcon does not own its menu; a parentless menu is deleted with this object.
    m_menu = new QMenu();
    for (QAction *action : actions) {
        if (action)
            m_menu->addAction(action);
        else
            m_menu->addSeparator();
    }
    m_icon->setContextMenu(m_menu);
    m_icon->setToolTip(tr("PortRelay"));
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT activated();
    });
    m_clock.start();
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &TrayIcon::onFlushTimer);
    m_icon->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

StateIcons::TrayState TrayIcon::stateFor(const RuleTableModel::Totals &totals)
{
    if (totals.failed > 0)
        return StateIcons::TrayState::Failed;
    if (totals.backendsDown > 0)
        return StateIcons::TrayState::SomeDown;
    if (totals.running > 0)
        return StateIcons::TrayState::AllUp;
    return StateIcons::TrayState::Idle;
}

void TrayIcon::setState(StateIcons::TrayState state, const QString &summary)
{
    if (state != m_state) {
        m_state = state;
        m_icon->setIcon(StateIcons::trayIcon(state));
    }
    m_icon->setToolTip(tr("PortRelay: %1").arg(summary));
}

QString TrayIcon::toolTip() const
{
    return m_icon->toolTip();
}

void TrayIcon::notify(const QString &key, const QString &title, const QString &message, bool warning)
{
    if (const auto now = m_throttle.post(key, {title, message, warning}, m_clock.elapsed()))
        show(*now);
    scheduleFlush();
}

void TrayIcon::setNotificationLimits(NotificationThrottle::Limits limits)
{
    m_throttle = NotificationThrottle(limits);
    m_flushTimer->stop();
}

void TrayIcon::show(const NotificationThrottle::Notification &notification)
{
    Q_EMIT notificationShown(notification.title, notification.message, notification.warning);
    m_icon->showMessage(notification.title, notification.message,
                        notification.warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
}

void TrayIcon::onFlushTimer()
{
    if (const auto due = m_throttle.flush(m_clock.elapsed()))
        show(*due);
    scheduleFlush();
}

void TrayIcon::scheduleFlush()
{
    const qint64 due = m_throttle.nextDueMs();
    if (due < 0) {
        m_flushTimer->stop();
        return;
    }
    // Re-armed only when the due time moves earlier; a timer that keeps being pushed back by a
    // flapping backend would never fire.
    const qint64 wait = std::max<qint64>(0, due - m_clock.elapsed());
    if (!m_flushTimer->isActive() || m_flushTimer->remainingTime() > wait)
        m_flushTimer->start(int(std::min<qint64>(wait, INT_MAX)));
}

} // namespace PortRelay
