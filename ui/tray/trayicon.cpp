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
    m_menu->setSeparatorsCollapsible(true); // no rules: the two separators around them show as one
    for (QAction *action : actions) {
        if (action) {
            m_menu->addAction(action);
        } else {
            m_menu->addSeparator();
            if (!m_rulesEnd)
                m_rulesEnd = m_menu->addSeparator();
        }
    }
    if (!m_rulesEnd)
        m_rulesEnd = m_menu->addSeparator();
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

void TrayIcon::setState(StateIcons::TrayState state, const QString &summary, const QStringList &problems)
{
    if (state != m_state) {
        m_state = state;
        m_icon->setIcon(StateIcons::trayIcon(state));
    }
    // Bounded: a tooltip taller than the screen helps nobody, and some panels cut it anyway.
    QStringList lines{tr("PortRelay: %1").arg(summary)};
    for (const QString &problem : problems.mid(0, MaxToolTipProblems)) {
        lines.append(problem.size() > MaxToolTipLineLength ? problem.left(MaxToolTipLineLength - 1) + u'…' : problem);
    }
    if (problems.size() > MaxToolTipProblems)
        lines.append(tr("… and %n more", nullptr, int(problems.size() - MaxToolTipProblems)));
    const QString toolTip = lines.join(u'\n');
    if (toolTip != m_icon->toolTip())
        m_icon->setToolTip(toolTip);
}

void TrayIcon::setRules(const QList<RuleItem> &rules)
{
    // No early return on equal rules: a click has flipped its entry's check mark, which must
    // follow the rule, not the click.
    const auto textOf = [](const RuleItem &rule) {
        QString name = rule.name;
        return tr("%1 — %2").arg(name.replace(u'&', QStringLiteral("&&")), rule.state);
    };
    bool sameNames = rules.size() == m_rules.size();
    for (qsizetype i = 0; sameNames && i < rules.size(); ++i)
        sameNames = rules[i].name == m_rules[i].name;
    if (!sameNames) {
        qDeleteAll(m_ruleActions);
        m_ruleActions.clear();
        for (const RuleItem &rule : rules) {
            auto *action = new QAction(m_menu);
            action->setCheckable(true);
            const QString name = rule.name;
            // triggered, not toggled: only the user's choice starts or stops a rule.
            connect(action, &QAction::triggered, this,
                    [this, name](bool checked) { Q_EMIT ruleToggled(name, checked); });
            m_menu->insertAction(m_rulesEnd, action);
            m_ruleActions.append(action);
        }
        ++m_ruleMenuRebuilds;
    }
    for (qsizetype i = 0; i < rules.size(); ++i) {
        QAction *action = m_ruleActions[i];
        const QString text = textOf(rules[i]);
        if (action->text() != text)
            action->setText(text);
        if (action->isChecked() != rules[i].enabled)
            action->setChecked(rules[i].enabled);
        action->setToolTip(rules[i].enabled ? tr("Stop %1").arg(rules[i].name) : tr("Start %1").arg(rules[i].name));
    }
    m_rules = rules;
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
