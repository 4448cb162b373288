#pragma once

#include "ui/models/ruletablemodel.h"
#include "ui/stateicons.h"
#include "ui/tray/notificationthrottle.h"

#include <QElapsedTimer>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QTimer;

namespace PortRelay {

// The system tray icon: the overall state at a glance, a small menu, and notifications. The window
// creates it only where QSystemTrayIcon::isSystemTrayAvailable(); it works without one too (the
// icon just shows nowhere), which is how the tests drive it offscreen.
class TrayIcon final : public QObject
{
    Q_OBJECT

public:
    // One rule in the menu: a checkable entry, checked while the rule is meant to run.
    struct RuleItem
    {
        QString name;
        QString state; // as the window words it: "running", "failed"
        bool enabled = false;
        bool operator==(const RuleItem &other) const
        {
            return name == other.name && state == other.state && enabled == other.enabled;
        }
    };
    static constexpr int MaxToolTipProblems = 5;
    static constexpr int MaxToolTipLineLength = 80;

    // The actions belong to the window; the menu shows them, nullptr for a separator. The rules
    // go after the first group of actions.
    explicit TrayIcon(const QList<QAction *> &actions, QObject *parent = nullptr);
    ~TrayIcon() override;
    Q_DISABLE_COPY_MOVE(TrayIcon)

    // Failed beats a backend down beats running; nothing running is idle.
    static StateIcons::TrayState stateFor(const RuleTableModel::Totals &totals);

    // problems: one line each, e.g. "api: 127.0.0.1:8081 down"; the tooltip names the first few.
    void setState(StateIcons::TrayState state, const QString &summary, const QStringList &problems = {});
    // Rebuilds the rule entries only when the rules themselves change; states are updated in place.
    void setRules(const QList<RuleItem> &rules);
    QList<QAction *> ruleActions() const { return m_ruleActions; }
    int ruleMenuRebuilds() const { return m_ruleMenuRebuilds; }
    StateIcons::TrayState state() const { return m_state; }
    QString toolTip() const;
    QMenu *menu() const { return m_menu; }

    // A notification about key (a backend, a rule), rate-limited by a NotificationThrottle.
    void notify(const QString &key, const QString &title, const QString &message, bool warning);
    void setNotificationLimits(NotificationThrottle::Limits limits);

Q_SIGNALS:
    void activated();                                  // clicked: show or hide the window
    void ruleToggled(const QString &name, bool start); // a rule's entry was chosen
    // What the desktop is asked to show, after rate limiting; emitted offscreen too.
    void notificationShown(const QString &title, const QString &message, bool warning);

private:
    void show(const NotificationThrottle::Notification &notification);
    void onFlushTimer();
    void scheduleFlush();

    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_rulesEnd = nullptr; // the separator after the rule entries
    QList<RuleItem> m_rules;
    QList<QAction *> m_ruleActions;
    int m_ruleMenuRebuilds = 0;
    StateIcons::TrayState m_state = StateIcons::TrayState::Idle;
    NotificationThrottle m_throttle;
    QElapsedTimer m_clock;
    QTimer *m_flushTimer = nullptr;
};

} // namespace PortRelay
