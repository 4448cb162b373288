// The window end to end, offscreen, with the real engine and real loopback backends: a rule made
// through the window's own path, traffic through it, a backend dying and coming back, import and
// export through the window's actions, and the rules saved and restored.

#include "core/engine/enginehost.h"
#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulesetwriter.h"
#include "loopbackserver.h"
#include "ui/charts/trafficchart.h"
#include "ui/models/backendstatusmodel.h"
#include "ui/models/connectiontablemodel.h"
#include "ui/models/eventlogmodel.h"
#include "ui/models/ruletablemodel.h"
#include "ui/rulestore.h"
#include "ui/tray/trayicon.h"
#include "ui/widgets/connectionspane.h"
#include "ui/widgets/mainwindow.h"

#include "ui/dialogs/backendtablemodel.h"
#include "ui/dialogs/importdialog.h"
#include "ui/dialogs/ruleeditordialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <poll.h>
#include <sys/socket.h>

#include <memory>

using namespace PortRelay;
using namespace PortRelay::Test;

namespace {

Rule makeRule(const QString &name, quint16 listenPort, const QList<quint16> &backendPorts)
{
    Rule rule;
    rule.name = name;
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), listenPort};
    for (const quint16 port : backendPorts)
        rule.backends.append(Backend{Endpoint{QStringLiteral("127.0.0.1"), port}, 1, false, true, {}});
    rule.healthCheck.intervalMs = 200;
    rule.healthCheck.timeoutMs = 150;
    rule.healthCheck.rise = 1;
    rule.healthCheck.fall = 2;
    return rule;
}

QStringList ruleNames(const RuleSet &set)
{
    QStringList names;
    for (const Rule &rule : set.rules)
        names.append(rule.name);
    return names;
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyStateInvitesTheFirstRule();
    void liveTrafficAndBackendHealth();
    void importExportRoundTrip();
    void brokenImportLeavesRulesUntouched();
    void deleteIsUndoable();
    void rulesComeBackInTheirLastState();
    void trayFollowsTheRulesAndDrivesTheWindow();
    void detailHeaderMarksAnExposedRule();
    void filterKeys();
    void undoHidesTheDeleteMessage();
    void importTakesTheValidRulesAndSaysSo();

private:
    MainWindow::Options options() const;
    void createWindow();
    int ruleRow(const QString &name) const;
    bool createRuleThroughEditor(const Rule &rule);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_MainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    createWindow();
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

MainWindow::Options tst_MainWindow::options() const
{
    MainWindow::Options o;
    o.rulesPath = m_dir->filePath(QStringLiteral("rules.json"));
    o.settingsPath = m_dir->filePath(QStringLiteral("settings.ini"));
    o.useTray = false;
    o.sampleIntervalMs = 250;
    o.engine.workers = 2;
    return o;
}

void tst_MainWindow::createWindow()
{
    m_window = std::make_unique<MainWindow>(options());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

int tst_MainWindow::ruleRow(const QString &name) const
{
    return m_window->ruleModel()->rowOf(name);
}

// The rule as the user makes it: New Rule, the real editor's fields, OK.
bool tst_MainWindow::createRuleThroughEditor(const Rule &rule)
{
    auto *newAction = m_window->findChild<QAction *>(QStringLiteral("newRuleAction"));
    if (!newAction)
        return false;
    newAction->trigger();
    auto *editor = m_window->findChild<RuleEditorDialog *>();
    if (!editor || !editor->isVisible())
        return false;
    const auto child = [editor](const QString &name) { return editor->findChild<QWidget *>(name); };
    qobject_cast<QLineEdit *>(child(QStringLiteral("nameEdit")))->setText(rule.name);
    qobject_cast<QLineEdit *>(child(QStringLiteral("listenPortEdit")))->setText(QString::number(rule.listen.port));
    auto *view = qobject_cast<QTableView *>(child(QStringLiteral("backendsView")));
    auto *add = qobject_cast<QPushButton *>(child(QStringLiteral("addBackendButton")));
    while (view->model()->rowCount() < rule.backends.size())
        add->click();
    for (int i = 0; i < rule.backends.size(); ++i) {
        view->model()->setData(view->model()->index(i, BackendTableModel::AddressColumn),
                               rule.backends[i].address.toString());
    }
    qobject_cast<QSpinBox *>(child(QStringLiteral("health_check.interval_ms")))->setValue(rule.healthCheck.intervalMs);
    qobject_cast<QSpinBox *>(child(QStringLiteral("health_check.timeout_ms")))->setValue(rule.healthCheck.timeoutMs);
    qobject_cast<QSpinBox *>(child(QStringLiteral("health_check.rise")))->setValue(rule.healthCheck.rise);
    qobject_cast<QSpinBox *>(child(QStringLiteral("health_check.fall")))->setValue(rule.healthCheck.fall);
    if (!QTest::qWaitFor([editor] { return editor->isValid(); }, 3000)) {
        for (const RuleSetIssue &issue : editor->issues())
            qWarning("editor: %s", qPrintable(issue.toString()));
        return false;
    }
    editor->accept();
    const Rule *made = m_window->store()->ruleSet().find(rule.name);
    return made && made->listen == rule.listen && made->backends.size() == rule.backends.size() &&
           made->healthCheck.intervalMs == rule.healthCheck.intervalMs;
}

void tst_MainWindow::emptyStateInvitesTheFirstRule()
{
    auto *button = m_window->findChild<QPushButton *>(QStringLiteral("createFirstRuleButton"));
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QVERIFY(!m_window->rulesView()->isVisible());

    QVERIFY(m_window->addRule(makeRule(QStringLiteral("first"), freeLoopbackPort(), {freeLoopbackPort()})));
    QVERIFY(!button->isVisible());
    QVERIFY(m_window->rulesView()->isVisible());
    QCOMPARE(m_window->selectedRuleNames(), QStringList{QStringLiteral("first")});
}

void tst_MainWindow::liveTrafficAndBackendHealth()
{
    QAbstractItemModelTester rulesTester(m_window->ruleModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester backendsTester(m_window->backendModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto first = std::make_unique<LoopbackServer>(echo);
    auto second = std::make_unique<LoopbackServer>(echo);
    const quint16 secondPort = second->port();
    const Rule rule = makeRule(QStringLiteral("e2e"), freeLoopbackPort(), {first->port(), secondPort});

    QVERIFY(createRuleThroughEditor(rule));
    RuleTableModel *rules = m_window->ruleModel();
    const int row = ruleRow(rule.name);
    QVERIFY(row >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(rules->stateAt(row), RuleState::Running, 5000);

    // Both backends up, by the health checks.
    BackendStatusModel *backends = m_window->backendModel();
    QCOMPARE(backends->ruleName(), rule.name);
    QCOMPARE(backends->rowCount(), 2);
    const auto stateOf = [backends](int backend) {
        return backends->index(backend, BackendStatusModel::StateColumn).data(BackendStatusModel::StateRole).toInt();
    };
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), int(BackendState::Up), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(1), int(BackendState::Up), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(rules->index(row, RuleTableModel::BackendsColumn).data().toString(),
                              QStringLiteral("2 / 2"), 5000);

    // Real traffic: a client that keeps sending while the test watches the numbers.
    m_window->showDetailTab(MainWindow::DetailTab::Traffic);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, rule.listen.port);
    QVERIFY(client.waitForConnected(5000));
    qint64 echoed = 0;
    connect(&client, &QTcpSocket::readyRead, this, [&client, &echoed] { echoed += client.readAll().size(); });
    QTimer sender;
    sender.setInterval(20);
    connect(&sender, &QTimer::timeout, this, [&client] { client.write(QByteArray(8192, 'x')); });
    sender.start();

    QTRY_VERIFY_WITH_TIMEOUT(echoed > 64 * 1024, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(rules->index(row, RuleTableModel::InColumn).data(RuleTableModel::RawRole).toDouble() > 0,
                             5000);
    QTRY_VERIFY_WITH_TIMEOUT(rules->index(row, RuleTableModel::OutColumn).data(RuleTableModel::RawRole).toDouble() > 0,
                             5000);
    QCOMPARE(rules->index(row, RuleTableModel::ConnectionsColumn).data(RuleTableModel::RawRole).toLongLong(), 1);
    QVERIFY(rules->totals().traffic.inPerSecond > 0);

    // The chart shows it: points replaced in place, never more than the ring holds.
    TrafficChart *chart = m_window->trafficChart();
    QVERIFY(chart->isVisible());
    const auto hasTraffic = [chart] {
        const QList<QPointF> points = chart->points(TrafficChart::Series::In);
        return !points.isEmpty() && points.constLast().y() > 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(hasTraffic(), 5000);
    const qsizetype pointsBefore = chart->points(TrafficChart::Series::In).size();
    QTRY_VERIFY_WITH_TIMEOUT(chart->points(TrafficChart::Series::In).size() > pointsBefore, 5000);
    QVERIFY(chart->points(TrafficChart::Series::In).size() <= TrafficHistory::Capacity);
    QTRY_VERIFY_WITH_TIMEOUT(!chart->points(TrafficChart::Series::Connections).isEmpty() &&
                                 chart->points(TrafficChart::Series::Connections).constLast().y() >= 1,
                             5000);

    // Hidden, the chart is not updated; shown again, it catches up at once.
    m_window->showDetailTab(MainWindow::DetailTab::Backends);
    QVERIFY(!chart->isVisible());
    const int refreshes = chart->refreshCount();
    const qsizetype hiddenPoints = chart->points(TrafficChart::Series::In).size();
    QSignalSpy samples(m_window->engineHost(), &EngineHost::sampled);
    QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 2, 3000); // samples arrive while it is hidden
    QCOMPARE(chart->refreshCount(), refreshes);
    m_window->showDetailTab(MainWindow::DetailTab::Traffic);
    QVERIFY(chart->refreshCount() > refreshes);
    QVERIFY(chart->points(TrafficChart::Series::In).size() > hiddenPoints);

    // The connection is listed while the Connections tab shows.
    m_window->showDetailTab(MainWindow::DetailTab::Connections);
    QVERIFY(m_window->connectionsPane()->isRefreshing());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionsPane()->model()->rowCount(), 1, 5000);
    m_window->showDetailTab(MainWindow::DetailTab::Backends);
    QVERIFY(!m_window->connectionsPane()->isRefreshing());

    sender.stop();
    client.disconnectFromHost();

    // The second backend dies: its row turns down within the health-check bounds (fall 2 x 200 ms
    // plus a timeout and a sample), and the event log says so.
    second->stop();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(1), int(BackendState::Down), 3000);
    QCOMPARE(stateOf(0), int(BackendState::Up));
    QCOMPARE(backends->index(1, BackendStatusModel::StateColumn).data().toString(), QStringLiteral("down"));
    QVERIFY(!backends->index(1, BackendStatusModel::LastFailureColumn).data().toString().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(rules->index(row, RuleTableModel::BackendsColumn).data().toString(),
                              QStringLiteral("1 / 2"), 3000);
    const auto logged = [this](const QString &to) {
        EventLogModel *events = m_window->eventModel();
        for (int i = 0; i < events->rowCount(); ++i) {
            if (events->index(i, EventLogModel::MessageColumn).data().toString().contains(u"→ " + to))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("down")), 3000);

    // It comes back on the same port: up again.
    second.reset();
    LoopbackServer revived(echo, secondPort);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(1), int(BackendState::Up), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("up")), 3000);

    // Stopping the rule from the window.
    m_window->stopRules({rule.name});
    QTRY_COMPARE_WITH_TIMEOUT(rules->stateAt(row), RuleState::Stopped, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(0), -1, 3000);
}

void tst_MainWindow::importExportRoundTrip()
{
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("a"), freeLoopbackPort(), {freeLoopbackPort()})));
    Rule b = makeRule(QStringLiteral("b"), freeLoopbackPort(), {freeLoopbackPort(), freeLoopbackPort()});
    b.group = QStringLiteral("tools");
    b.enabled = false;
    QVERIFY(m_window->addRule(b));
    const RuleSet original = m_window->store()->ruleSet();
    QCOMPARE(ruleNames(original), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));

    const QString all = m_dir->filePath(QStringLiteral("all.json"));
    QVERIFY(m_window->exportFile(all));
    QCOMPARE(QFile::permissions(all) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    RuleSetParser::Result parsed = RuleSetParser::parseFile(all);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.ruleSet, original);

    m_window->selectRules({QStringLiteral("b")});
    const QString selected = m_dir->filePath(QStringLiteral("selected.json"));
    QVERIFY(m_window->exportFile(selected, true));
    parsed = RuleSetParser::parseFile(selected);
    QVERIFY(parsed.ok());
    QCOMPARE(ruleNames(parsed.ruleSet), QStringList{QStringLiteral("b")});

    m_window->deleteRules(ruleNames(original));
    QVERIFY(m_window->store()->ruleSet().rules.isEmpty());
    QCOMPARE(m_window->ruleModel()->rowCount(), 0);

    QVERIFY(m_window->importFile(all, MainWindow::ImportMode::Merge));
    QCOMPARE(m_window->store()->ruleSet(), original);
    QCOMPARE(m_window->ruleModel()->rowCount(), 2);
    QCOMPARE(m_window->ruleModel()->index(ruleRow(QStringLiteral("b")), RuleTableModel::GroupColumn).data(),
             QVariant(QStringLiteral("tools")));

    // Importing the same rules again replaces them by name: nothing doubles.
    QVERIFY(m_window->importFile(selected, MainWindow::ImportMode::Merge));
    QCOMPARE(m_window->store()->ruleSet(), original);

    // Through the preview, as File > Import and a drop do it.
    m_window->deleteRules(ruleNames(original));
    QVERIFY(m_window->importFile(all, MainWindow::ImportMode::Preview));
    auto *preview = m_window->findChild<ImportDialog *>();
    QVERIFY(preview);
    QTRY_VERIFY(preview->isVisible());
    preview->accept();
    QCOMPARE(m_window->store()->ruleSet(), original);
}

void tst_MainWindow::brokenImportLeavesRulesUntouched()
{
    const Rule a = makeRule(QStringLiteral("a"), freeLoopbackPort(), {freeLoopbackPort()});
    QVERIFY(m_window->addRule(a));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(0), RuleState::Running, 5000);
    const RuleSet before = m_window->store()->ruleSet();

    const QString broken = m_dir->filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "rules": [{"name": "x", "listen": "127.0.0.1:70000", "backends": []}]})");
    file.close();
    QVERIFY(!m_window->importFile(broken, MainWindow::ImportMode::Merge));
    QVERIFY(!m_window->lastIssues().isEmpty());
    QCOMPARE(m_window->store()->ruleSet(), before);

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{ not json");
    file.close();
    QVERIFY(!m_window->importFile(broken, MainWindow::ImportMode::Merge));
    QCOMPARE(m_window->store()->ruleSet(), before);

    // Valid on its own, but it would listen where "a" already does.
    RuleSet clash;
    clash.rules = {makeRule(QStringLiteral("c"), a.listen.port, {freeLoopbackPort()})};
    QVERIFY(RuleSetWriter::writeFile(broken, clash));
    QVERIFY(!m_window->importFile(broken, MainWindow::ImportMode::Merge));
    QCOMPARE(m_window->store()->ruleSet(), before);
    QCOMPARE(m_window->ruleModel()->rowCount(), 1);
    QCOMPARE(m_window->ruleModel()->stateAt(0), RuleState::Running);
}

void tst_MainWindow::deleteIsUndoable()
{
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("keep"), freeLoopbackPort(), {freeLoopbackPort()})));
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("gone"), freeLoopbackPort(), {freeLoopbackPort()})));
    const RuleSet before = m_window->store()->ruleSet();
    m_window->deleteRules({QStringLiteral("gone")});
    QCOMPARE(ruleNames(m_window->store()->ruleSet()), QStringList{QStringLiteral("keep")});
    m_window->store()->undoStack()->undo();
    QCOMPARE(m_window->store()->ruleSet(), before);
    QCOMPARE(m_window->ruleModel()->rowCount(), 2);
}

void tst_MainWindow::rulesComeBackInTheirLastState()
{
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("runs"), freeLoopbackPort(), {freeLoopbackPort()})));
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("rests"), freeLoopbackPort(), {freeLoopbackPort()})));
    m_window->stopRules({QStringLiteral("rests")});
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(QStringLiteral("rests"))), RuleState::Stopped,
                              5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(QStringLiteral("runs"))), RuleState::Running,
                              5000);

    // Saved a moment later (debounced), atomically and private to the user.
    const QString path = options().rulesPath;
    QTRY_VERIFY_WITH_TIMEOUT(RuleSetParser::parseFile(path).ok() &&
                                 RuleSetParser::parseFile(path).ruleSet == m_window->store()->ruleSet(),
                             3000);
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
    const RuleSet saved = m_window->store()->ruleSet();

    m_window.reset();
    createWindow();
    QCOMPARE(m_window->store()->ruleSet(), saved);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(QStringLiteral("runs"))), RuleState::Running,
                              5000);
    QCOMPARE(m_window->ruleModel()->stateAt(ruleRow(QStringLiteral("rests"))), RuleState::Stopped);
}

void tst_MainWindow::trayFollowsTheRulesAndDrivesTheWindow()
{
    MainWindow::Options o = options();
    o.useTray = true;
    o.forceTray = true;
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

    backend.reset();
    QTRY_COMPARE_WITH_TIMEOUT(tray->state(), StateIcons::TrayState::SomeDown, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!notifications.isEmpty(), 5000);
    QCOMPARE(notifications.constFirst().at(0).toString(), QStringLiteral("Backend down"));

    items[2]->trigger(); // Stop All
    QTRY_COMPARE_WITH_TIMEOUT(tray->state(), StateIcons::TrayState::Idle, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(rule.name)), RuleState::Stopped, 5000);
    items[1]->trigger(); // Start All
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(rule.name)), RuleState::Running, 5000);

    m_window->hide();
    items[0]->trigger(); // Show
    QVERIFY(m_window->isVisible());
}

void tst_MainWindow::detailHeaderMarksAnExposedRule()
{
    Rule exposed = makeRule(QStringLiteral("wide"), freeLoopbackPort(), {freeLoopbackPort()});
    exposed.listen.host = QStringLiteral("0.0.0.0");
    exposed.enabled = false; // nothing needs to listen on every interface for this
    QVERIFY(m_window->addRule(exposed));
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("local"), freeLoopbackPort(), {freeLoopbackPort()})));
    auto *title = m_window->findChild<QLabel *>(QStringLiteral("detailTitle"));
    auto *marker = m_window->findChild<QLabel *>(QStringLiteral("detailExposure"));
    QVERIFY(title && marker);

    const auto select = [this](const QString &name) {
        const QModelIndex index = m_window->rulesView()->model()->index(0, 0);
        for (int row = 0; row < m_window->rulesView()->model()->rowCount(); ++row) {
            const QModelIndex at = index.siblingAtRow(row);
            if (at.data(RuleTableModel::NameRole).toString() == name)
                m_window->rulesView()->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect |
                                                                                 QItemSelectionModel::Rows);
        }
    };
    select(QStringLiteral("wide"));
    QVERIFY(marker->isVisible());
    QCOMPARE(title->text(), QStringLiteral("wide — exposed on 0.0.0.0:%1").arg(exposed.listen.port));
    QVERIFY(title->toolTip().startsWith(QStringLiteral("Reachable from other machines")));
    select(QStringLiteral("local"));
    QVERIFY(!marker->isVisible());
    QCOMPARE(title->text(), QStringLiteral("local"));
}

void tst_MainWindow::filterKeys()
{
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("alpha"), freeLoopbackPort(), {freeLoopbackPort()})));
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("brick"), freeLoopbackPort(), {freeLoopbackPort()})));
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("bravo"), freeLoopbackPort(), {freeLoopbackPort()})));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QLineEdit *filter = m_window->filterEdit();
    filter->setFocus();
    QTRY_VERIFY(filter->hasFocus());

    // Escape clears the filter ("br": one letter would match every rule's "round robin").
    QTest::keyClicks(filter, QStringLiteral("br"));
    QCOMPARE(m_window->ruleProxy()->rowCount(), 2);
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(m_window->ruleProxy()->rowCount(), 3);
    QVERIFY(filter->hasFocus());

    // Down goes into the list, on its first row.
    m_window->selectRules({QStringLiteral("alpha")});
    QTest::keyClicks(filter, QStringLiteral("br"));
    QTest::keyClick(filter, Qt::Key_Down);
    QTRY_VERIFY(m_window->rulesView()->hasFocus());
    const QString first = m_window->ruleProxy()->index(0, 0).data(RuleTableModel::NameRole).toString();
    QCOMPARE(first, QStringLiteral("bravo"));
    QCOMPARE(m_window->selectedRuleNames(), QStringList{first});
    QCOMPARE(m_window->currentRuleName(), first);
    // And the list's own keys work from there.
    QTest::keyClick(m_window->rulesView(), Qt::Key_Down);
    QCOMPARE(m_window->currentRuleName(), QStringLiteral("brick"));
}

void tst_MainWindow::undoHidesTheDeleteMessage()
{
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("keep"), freeLoopbackPort(), {freeLoopbackPort()})));
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("gone"), freeLoopbackPort(), {freeLoopbackPort()})));
    m_window->deleteRules({QStringLiteral("gone")});
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("brings them back")),
             qPrintable(m_window->statusBar()->currentMessage()));
    m_window->store()->undoStack()->undo();
    QCOMPARE(m_window->statusBar()->currentMessage(), QString());

    // A later change leaves a later message alone.
    m_window->deleteRules({QStringLiteral("gone")});
    m_window->store()->undoStack()->undo();
    m_window->store()->undoStack()->redo();
    m_window->statusBar()->showMessage(QStringLiteral("something else"));
    m_window->store()->undoStack()->undo();
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("something else"));
}

void tst_MainWindow::importTakesTheValidRulesAndSaysSo()
{
    Rule a = makeRule(QStringLiteral("a"), freeLoopbackPort(), {freeLoopbackPort()});
    a.enabled = false;
    QVERIFY(m_window->addRule(a));
    const RuleSet before = m_window->store()->ruleSet();

    // Two good rules and one with a misspelt key.
    const QString path = m_dir->filePath(QStringLiteral("mixed.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(R"({"version": 1, "rules": [
        {"name": "x", "enabled": false, "listen": "127.0.0.1:%1", "backends": [{"address": "127.0.0.1:9"}]},
        {"name": "y", "enabled": false, "listen": "127.0.0.1:%2", "backends": [{"address": "127.0.0.1:9"}], "lisen": 1},
        {"name": "z", "enabled": false, "listen": "127.0.0.1:%3", "backends": [{"address": "127.0.0.1:9"}]}
    ]})")
                   .arg(freeLoopbackPort())
                   .arg(freeLoopbackPort())
                   .arg(freeLoopbackPort())
                   .toUtf8());
    file.close();

    // Refused whole without a preview (portrelayd's reading), nothing changed.
    QVERIFY(!m_window->importFile(path, MainWindow::ImportMode::Merge));
    QCOMPARE(m_window->store()->ruleSet(), before);

    // Cancelled preview: nothing changed.
    QVERIFY(m_window->importFile(path, MainWindow::ImportMode::Preview));
    auto *preview = m_window->findChild<ImportDialog *>();
    QVERIFY(preview);
    QTRY_VERIFY(preview->isVisible());
    preview->reject();
    QTRY_VERIFY(!m_window->findChild<ImportDialog *>());
    QCOMPARE(m_window->store()->ruleSet(), before);

    QVERIFY(m_window->importFile(path, MainWindow::ImportMode::Preview));
    preview = m_window->findChild<ImportDialog *>();
    QVERIFY(preview);
    QTRY_VERIFY(preview->isVisible());
    preview->accept();
    QCOMPARE(ruleNames(m_window->store()->ruleSet()),
             (QStringList{QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("z")}));
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Imported 2 rule(s), skipped 1"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
