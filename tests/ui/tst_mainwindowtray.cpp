// The window with its tray, offscreen, with the real engine and real loopback backends: the tray's
// menu, icon, tooltip and notifications following the rules, a tray that appears after start-up,
// Quit asking while rules forward, and closing to the tray.

#include "loopbackserver.h"
#include "mainwindowfixture.h"
#include "ui/models/ruletablemodel.h"
#include "ui/settings.h"
#include "ui/tray/trayicon.h"
#include "ui/widgets/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace PortRelay;
using namespace PortRelay::Test;

namespace {

// Answers the quit question when it comes (it runs its own event loop), from a timer; says whether it came.
class QuitAnswer final : public QObject
{
public:
    QuitAnswer(bool quit, bool dontAskAgain)
    {
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, [this, quit, dontAskAgain] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QStringLiteral("quitConfirmation"))
                return;
            asked = true;
            m_timer.stop();
            box->checkBox()->setChecked(dontAskAgain);
            if (quit)
                box->findChild<QPushButton *>(QStringLiteral("quitButton"))->click();
            else
                box->button(QMessageBox::Cancel)->click();
        });
        m_timer.start();
    }
    bool asked = false;

private:
    QTimer m_timer;
};

} // namespace

class tst_MainWindowTray : public MainWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void trayFollowsTheRulesAndDrivesTheWindow();
    void trayThatAppearsLaterIsPickedUp();
    void quitAsksWhileRulesForward();
    void closingToTraySaysWhereItWent();
};

void tst_MainWindowTray::trayFollowsTheRulesAndDrivesTheWindow()
{
    MainWindow::Options o = options();
    o.tray.enabled = true;
    o.tray.force = true;
    m_window = std::make_unique<MainWindow>(o);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *tray = m_window->findChild<TrayIcon *>();
    QVERIFY(tray);
    QSignalSpy notifications(tray, &TrayIcon::notificationShown);

    // The menu: the window's own Show, Start All, Stop All and Quit actions.
    QList<QAction *> items;
    for (QAction *action : tray->menu()->actions()) {
        if (!action->isSeparator())
            items.append(action);
    }
    QCOMPARE(items.size(), 4);
    QCOMPARE(items[0]->text(), QStringLiteral("&Show PortRelay"));
    QCOMPARE(items[1]->text(), QStringLiteral("Start &All"));
    QCOMPARE(items[2]->text(), QStringLiteral("Stop A&ll"));
    QCOMPARE(items[3]->text(), QStringLiteral("&Quit"));
    QVERIFY(m_window->findChildren<QAction *>().contains(items[3]));
    QCOMPARE(tray->state(), StateIcons::TrayState::Idle);

    auto backend = std::make_unique<LoopbackServer>(echo);
    const Rule rule = makeRule(QStringLiteral("tray"), freeLoopbackPort(), {backend->port()});
    QVERIFY(m_window->addRule(rule));
    QTRY_COMPARE_WITH_TIMEOUT(tray->state(), StateIcons::TrayState::AllUp, 5000);
    QVERIFY(tray->toolTip().startsWith(QStringLiteral("PortRelay: 1 of 1 rule")));
    // The rule has its entry, with its state, checked while it runs.
    QCOMPARE(tray->ruleActions().size(), 1);
    QAction *entry = tray->ruleActions().constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(entry->text(), QStringLiteral("tray — running"), 5000);
    QVERIFY(entry->isChecked());
    const int rebuilds = tray->ruleMenuRebuilds();

    const quint16 backendPort = backend->port();
    backend.reset();
    QTRY_COMPARE_WITH_TIMEOUT(tray->state(), StateIcons::TrayState::SomeDown, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!notifications.isEmpty(), 5000);
    QCOMPARE(notifications.constFirst().at(0).toString(), QStringLiteral("Backend down"));
    // The tooltip names the backend that is down.
    QTRY_VERIFY_WITH_TIMEOUT(tray->toolTip().contains(QStringLiteral("\ntray: 127.0.0.1:%1 down").arg(backendPort)),
                             3000);
    // Samples came and went; the rule's entries were not rebuilt for them.
    QCOMPARE(tray->ruleMenuRebuilds(), rebuilds);
    QCOMPARE(tray->ruleActions().constFirst(), entry);

    // Its entry stops it, and starts it again.
    entry->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(rule.name)), RuleState::Stopped, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(entry->text(), QStringLiteral("tray — stopped"), 5000);
    QVERIFY(!entry->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(!tray->toolTip().contains(QStringLiteral(" down")), 3000);
    entry->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(rule.name)), RuleState::Running, 5000);
    QVERIFY(entry->isChecked());

    items[2]->trigger(); // Stop All
    QTRY_COMPARE_WITH_TIMEOUT(tray->state(), StateIcons::TrayState::Idle, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(rule.name)), RuleState::Stopped, 5000);
    items[1]->trigger(); // Start All
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(rule.name)), RuleState::Running, 5000);

    m_window->hide();
    items[0]->trigger(); // Show
    QVERIFY(m_window->isVisible());
}

// No tray at start-up (the panel is not up yet): the window asks again on a timer and shows the
// tray once there is one.
void tst_MainWindowTray::trayThatAppearsLaterIsPickedUp()
{
    auto trayUp = std::make_shared<bool>(false);
    MainWindow::Options o = options();
    o.tray.enabled = true;
    o.tray.available = [trayUp] { return *trayUp; };
    o.tray.pollIntervalMs = 50;
    m_window = std::make_unique<MainWindow>(o);
    QVERIFY(!m_window->tray());
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("late"), freeLoopbackPort(), {freeLoopbackPort()})));
    QTest::qWait(200);
    QVERIFY(!m_window->tray());
    *trayUp = true;
    QTRY_VERIFY_WITH_TIMEOUT(m_window->tray(), 3000);
    QVERIFY(!QApplication::quitOnLastWindowClosed()); // closing the window now keeps the rules in the tray
    // It starts with what the window knows, not with an empty menu.
    QCOMPARE(m_window->tray()->ruleActions().size(), 1);
    QVERIFY(m_window->tray()->ruleActions().constFirst()->text().startsWith(QStringLiteral("late — ")));
}

// Quit (Ctrl+Q) while rules forward asks first, once the user says so never again; with nothing
// running it just quits.
void tst_MainWindowTray::quitAsksWhileRulesForward()
{
    auto *quitAction = m_window->findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quitAction);
    QCOMPARE(quitAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    const Rule rule = makeRule(QStringLiteral("busy"), freeLoopbackPort(), {freeLoopbackPort()});
    QVERIFY(m_window->addRule(rule));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(rule.name)), RuleState::Running, 5000);

    {
        QuitAnswer cancel(false, true); // "don't ask again" ticked, but cancelled: it does not count
        quitAction->trigger();
        QVERIFY(cancel.asked);
        QVERIFY(!m_window->isQuitting());
        QCOMPARE(m_window->ruleModel()->stateAt(ruleRow(rule.name)), RuleState::Running);
    }
    {
        QuitAnswer again(false, false);
        quitAction->trigger();
        QVERIFY(again.asked);
        QVERIFY(!m_window->isQuitting());
    }

    // Nothing running: no question.
    m_window->stopRules({rule.name});
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(rule.name)), RuleState::Stopped, 5000);
    {
        QuitAnswer none(false, false);
        quitAction->trigger();
        QVERIFY(!none.asked);
        QVERIFY(m_window->isQuitting());
    }

    // Running again in a new window: asked, answered Quit with "don't ask again"...
    m_window.reset();
    createWindow();
    m_window->startRules({rule.name});
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(rule.name)), RuleState::Running, 5000);
    quitAction = m_window->findChild<QAction *>(QStringLiteral("quitAction"));
    {
        QuitAnswer yes(true, true);
        quitAction->trigger();
        QVERIFY(yes.asked);
        QVERIFY(m_window->isQuitting());
    }
    // ... and the next run does not ask.
    m_window.reset();
    createWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(rule.name)), RuleState::Running, 5000);
    quitAction = m_window->findChild<QAction *>(QStringLiteral("quitAction"));
    {
        QuitAnswer never(false, false);
        quitAction->trigger();
        QVERIFY(!never.asked);
        QVERIFY(m_window->isQuitting());
    }
}

// Closing the window to the tray says so, the first time only.
void tst_MainWindowTray::closingToTraySaysWhereItWent()
{
    m_window.reset();
    {
        Settings settings(options().settingsPath);
        settings.setValue(Settings::Key::CloseToTray, true);
        settings.setValue(Settings::Key::CloseToTrayAsked, true);
        settings.sync();
    }
    MainWindow::Options o = options();
    o.tray.enabled = true;
    o.tray.force = true;
    m_window = std::make_unique<MainWindow>(o);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy shown(m_window->tray(), &TrayIcon::notificationShown);
    QVERIFY(m_window->close() == false); // hidden, not closed
    QVERIFY(!m_window->isVisible());
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.constFirst().at(0).toString(), QStringLiteral("PortRelay is still running"));
    QVERIFY(shown.constFirst().at(1).toString().contains(QStringLiteral("system tray")));

    m_window->showAndRaise();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->close();
    QVERIFY(!m_window->isVisible());
    QTest::qWait(50);
    QCOMPARE(shown.size(), 1);
}

QTEST_MAIN(tst_MainWindowTray)
#include "tst_mainwindowtray.moc"
