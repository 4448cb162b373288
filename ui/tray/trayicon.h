#pragma once

#include "ui/stateicons.h"

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace PortRelay {

// The system tray icon: the overall state at a glance, a small menu, and notifications. Create it
// only where QSystemTrayIcon::isSystemTrayAvailable().
class TrayIcon final : public QObject
{
    Q_OBJECT

public:
    // The actions belong to the window; the menu shows them.
    TrayIcon(const QList<QAction *> &actions, QObject *parent = nullptr);
    ~TrayIcon() override;
    Q_DISABLE_COPY_MOVE(TrayIcon)

    void setState(StateIcons::TrayState state, const QString &summary);
    StateIcons::TrayState state() const { return m_state; }
    void notify(const QString &title, const QString &message, bool warning);

Q_SIGNALS:
    void activated(); // clicked: show or hide the window

private:
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    StateIcons::TrayState m_state = StateIcons::TrayState::Idle;
};

} // namespace PortRelay
