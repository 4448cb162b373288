#include "ui/tray/trayicon.h"

#include <QMenu>
#include <QSystemTrayIcon>

namespace PortRelay {

TrayIcon::TrayIcon(const QList<QAction *> &actions, QObject *parent)
    : QObject(parent)
    , m_icon(new QSystemTrayIcon(StateIcons::trayIcon(StateIcons::TrayState::Idle), this))
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
    m_icon->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::setState(StateIcons::TrayState state, const QString &summary)
{
    if (state != m_state) {
        m_state = state;
        m_icon->setIcon(StateIcons::trayIcon(state));
    }
    m_icon->setToolTip(tr("PortRelay: %1").arg(summary));
}

void TrayIcon::notify(const QString &title, const QString &message, bool warning)
{
    m_icon->showMessage(title, message, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
}

} // namespace PortRelay
