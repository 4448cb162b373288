#pragma once

#include "core/engine/rulestatus.h"
#include "core/net/engineevent.h"

#include <QList>
#include <QObject>

#include <functional>

class QAction;

namespace PortRelay {

class Settings;
class TrayAvailabilityWatcher;
class TrayIcon;

// PortRelay's place in the system tray: the icon where a tray exists (and once one appears, for a
// panel that starts after PortRelay), and what it tells the user there. Rule failures and backend
// changes become notifications when the user wants them (Settings::Key::NotifyBackendChanges),
// one throttle key per rule and per backend so that a flapping backend is limited on its own.
class TrayPresence final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool enabled = true; // false: never a tray (tests, or a user's choice)
        bool force = false;  // tests: the icon even where no tray exists (offscreen)
        // Whether a tray exists (empty: QSystemTrayIcon::isSystemTrayAvailable()). Without one at
        // start it is asked every pollIntervalMs, pollAttempts times.
        std::function<bool()> available;
        int pollIntervalMs = 2000;
        int pollAttempts = 30;
    };

    // menuActions: the window's actions for the tray menu, nullptr for a separator.
    TrayPresence(const Options &options, Settings *settings, const QList<QAction *> &menuActions,
                 QObject *parent = nullptr);
    ~TrayPresence() override;
    Q_DISABLE_COPY_MOVE(TrayPresence)

    // Installs the icon now or starts waiting for a tray.
    void start();
    // nullptr while there is no tray.
    TrayIcon *icon() const { return m_icon; }

    void ruleStatusChanged(RuleState previous, const RuleStatus &status);
    void eventOccurred(const EngineEvent &event);
    // Once, when the window first goes to the tray.
    void sayStillRunning();

Q_SIGNALS:
    void installed(); // icon() is set; the window gives it the rules and the state
    void ruleToggled(const QString &name, bool start);
    void activated();

private:
    void install();
    void notify(const QString &key, const QString &title, const QString &message, bool warning);

    Options m_options;
    Settings *m_settings;
    QList<QAction *> m_menuActions;
    TrayIcon *m_icon = nullptr;
    TrayAvailabilityWatcher *m_watcher = nullptr;
};

} // namespace PortRelay
