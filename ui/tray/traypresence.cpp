#include "ui/tray/traypresence.h"

#include "ui/settings.h"
#include "ui/tray/trayavailabilitywatcher.h"
#include "ui/tray/trayicon.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace PortRelay {

TrayPresence::TrayPresence(const Options &options, Settings *settings, const QList<QAction *> &menuActions,
                           QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(settings)
    , m_menuActions(menuActions)
{}

TrayPresence::~TrayPresence() = default;

void TrayPresence::start()
{
    if (!m_options.enabled || m_icon || m_watcher)
        return;
    const std::function<bool()> available =
        m_options.available ? m_options.available : [] { return QSystemTrayIcon::isSystemTrayAvailable(); };
    if (m_options.force || available()) {
        install();
        return;
    }
    m_watcher = new TrayAvailabilityWatcher(available, m_options.pollIntervalMs, m_options.pollAttempts, this);
    connect(m_watcher, &TrayAvailabilityWatcher::available, this, &TrayPresence::install);
    m_watcher->start();
}

void TrayPresence::install()
{
    if (m_icon)
        return;
    m_icon = new TrayIcon(m_menuActions, this);
    connect(m_icon, &TrayIcon::ruleToggled, this, &TrayPresence::ruleToggled);
    connect(m_icon, &TrayIcon::activated, this, &TrayPresence::activated);
    // The window may close while rules run on in the tray.
    QApplication::setQuitOnLastWindowClosed(false);
    Q_EMIT installed();
}

void TrayPresence::ruleStatusChanged(RuleState previous, const RuleStatus &status)
{
    const bool failed = status.state == RuleState::Failed || status.state == RuleState::Waiting;
    if (failed && previous != status.state)
        notify(QStringLiteral("rule\n") + status.name, tr("Rule %1 failed to start").arg(status.name),
               status.reason.translated(), true);
}

void TrayPresence::eventOccurred(const EngineEvent &event)
{
    if (event.kind != EngineEvent::Kind::BackendStateChanged)
        return;
    const QString key = QStringLiteral("backend\n") + event.rule + u'\n' + event.backend;
    if (event.to == BackendState::Down) {
        notify(key, tr("Backend down"),
               tr("%1 of rule %2 is down: %3").arg(event.backend, event.rule, event.message.translated()), true);
    } else if (event.to == BackendState::Up && event.from == BackendState::Down) {
        notify(key, tr("Backend up"), tr("%1 of rule %2 is back up").arg(event.backend, event.rule), false);
    }
}

void TrayPresence::sayStillRunning()
{
    // Not a backend change: said whatever the notification setting, and not throttled away.
    if (m_icon)
        m_icon->notify(QStringLiteral("hint"), tr("PortRelay is still running"),
                       tr("Your rules keep forwarding. PortRelay is in the system tray; choose Quit there to stop it."),
                       false);
}

void TrayPresence::notify(const QString &key, const QString &title, const QString &message, bool warning)
{
    if (m_icon && m_settings->value(Settings::Key::NotifyBackendChanges).toBool())
        m_icon->notify(key, title, message, warning);
}

} // namespace PortRelay
