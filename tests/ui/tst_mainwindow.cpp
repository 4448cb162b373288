// The window end to end, offscreen, with the real engine and real loopback backends: a rule made
// through the window's own path, traffic through it, a backend dying and coming back, import and
// export through the window's actions, and the rules saved and restored.

#include "core/engine/enginehost.h"
#include "core/i18n/translations.h"
#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulesetwriter.h"
#include "loopbackserver.h"
#include "ui/charts/trafficchart.h"
#include "ui/documentation.h"
#include "ui/models/backendstatusmodel.h"
#include "ui/models/connectiontablemodel.h"
#include "ui/models/eventlogmodel.h"
#include "ui/models/ruletablemodel.h"
#include "ui/rulestore.h"
#include "ui/settings.h"
#include "ui/tray/trayicon.h"
#include "ui/widgets/connectionspane.h"
#include "ui/widgets/mainwindow.h"

#include "ui/dialogs/backendtablemodel.h"
#include "ui/dialogs/importdialog.h"
#include "ui/dialogs/ruleeditordialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
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
    void chineseIsWhole();
    void trayThatAppearsLaterIsPickedUp();
    void quitAsksWhileRulesForward();
    void closingToTraySaysWhereItWent();
    void helpOpensTheDocumentation();
    void narrowWindowKeepsTheFilter();
    void filterKeys();
    void undoHidesTheDeleteMessage();
    void importTakesTheValidRulesAndSaysSo();
    void droppedRulesFileOpensThePreview();
    void editorFollowsTheRuleState();

private:
    MainWindow::Options options() const;
    void createWindow();
    int ruleRow(const QString &name) const;
    bool createRuleThroughEditor(const Rule &rule);
    bool acceptImport(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_MainWindow::init()
{
    QApplication::setQuitOnLastWindowClosed(true); // a tray test before may have cleared it
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
    o.tray.enabled = false;
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

// File > Import as the user does it: the preview, then Import with its default choices.
bool tst_MainWindow::acceptImport(const QString &path)
{
    if (!m_window->importFile(path))
        return false;
    QPointer<ImportDialog> preview = m_window->findChild<ImportDialog *>();
    if (!preview || !QTest::qWaitFor([&preview] { return preview->isVisible(); }, 3000))
        return false;
    preview->accept();
    return QTest::qWaitFor([&preview] { return preview.isNull(); }, 3000);
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

    // Through the preview, as File > Import and a drop do it.
    QVERIFY(acceptImport(all));
    QCOMPARE(m_window->store()->ruleSet(), original);
    QCOMPARE(m_window->ruleModel()->rowCount(), 2);
    QCOMPARE(m_window->ruleModel()->index(ruleRow(QStringLiteral("b")), RuleTableModel::GroupColumn).data(),
             QVariant(QStringLiteral("tools")));
    QCOMPARE(m_window->selectedRuleNames(), ruleNames(original));

    // Importing the same rules again finds them unchanged: nothing doubles, nothing to undo.
    const int undoSteps = m_window->store()->undoStack()->count();
    QVERIFY(acceptImport(selected));
    QCOMPARE(m_window->store()->ruleSet(), original);
    QCOMPARE(m_window->store()->undoStack()->count(), undoSteps);

    // A changed rule of the same name replaces the current one (the preview's default), in place.
    RuleSet changed = original.selection({QStringLiteral("b")});
    changed.rules[0].group = QStringLiteral("other");
    QVERIFY(RuleSetWriter::writeFile(selected, changed));
    QVERIFY(acceptImport(selected));
    QCOMPARE(ruleNames(m_window->store()->ruleSet()), ruleNames(original));
    QCOMPARE(m_window->store()->ruleSet().find(QStringLiteral("b"))->group, QStringLiteral("other"));
    m_window->store()->undoStack()->undo();
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
    QVERIFY(!m_window->importFile(broken));
    QVERIFY(!m_window->lastIssues().isEmpty());
    QCOMPARE(m_window->lastIssues().constFirst().path(), QStringLiteral("rules[0].listen"));
    QVERIFY(!m_window->findChild<ImportDialog *>());
    auto *box = m_window->findChild<QMessageBox *>();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().startsWith(QStringLiteral("Cannot import “broken.json”")), qPrintable(box->text()));
    box->close();
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>());
    QCOMPARE(m_window->store()->ruleSet(), before);

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{ not json");
    file.close();
    QVERIFY(!m_window->importFile(broken));
    QCOMPARE(m_window->store()->ruleSet(), before);
    m_window->findChild<QMessageBox *>()->close();

    // Valid on its own, but it would listen where "a" already does: the preview shows it and
    // cannot be accepted.
    RuleSet clash;
    clash.rules = {makeRule(QStringLiteral("c"), a.listen.port, {freeLoopbackPort()})};
    QVERIFY(RuleSetWriter::writeFile(broken, clash));
    QVERIFY(m_window->importFile(broken));
    auto *preview = m_window->findChild<ImportDialog *>();
    QVERIFY(preview);
    QVERIFY(!preview->plan().isValid());
    QVERIFY(!preview->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    preview->reject();
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

// Under zh_CN: Qt's own strings come from Qt's catalogue, the toolbar shows its words without the
// "(N)" and ellipsis the menus keep, and backend state changes use the pane's words for the states.
void tst_MainWindow::chineseIsWhole()
{
    m_window.reset();
    const Translations translations(QLocale(QLocale::Chinese, QLocale::China));
    QVERIFY(translations.hasOwn());
    if (!translations.hasQt())
        QSKIP("qtbase_zh_CN.qm is not installed (Debian: qt6-translations-l10n)");
    QVERIFY(translations.qtCatalogue().endsWith(QStringLiteral("qtbase_zh_CN.qm")));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
    createWindow();

    auto *newAction = m_window->findChild<QAction *>(QStringLiteral("newRuleAction"));
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(newAction && toolBar);
    QCOMPARE(newAction->text(), QStringLiteral("新建规则(&N)…")); // the menu's text, unchanged
    auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(newAction));
    QVERIFY(button);
    QCOMPARE(button->text(), QStringLiteral("新建规则"));
    for (QAction *action : toolBar->actions()) {
        if (auto *other = qobject_cast<QToolButton *>(toolBar->widgetForAction(action))) {
            QVERIFY2(!other->text().contains(u'(') && !other->text().contains(u'…'), qPrintable(other->text()));
        }
    }

    EngineEvent event;
    event.time = QDateTime::currentDateTimeUtc();
    event.kind = EngineEvent::Kind::BackendStateChanged;
    event.rule = QStringLiteral("api");
    event.backend = QStringLiteral("127.0.0.1:8081");
    event.from = BackendState::Unknown;
    event.to = BackendState::Up;
    EventLogModel *events = m_window->eventModel();
    events->addEvent(event);
    events->flush();
    QCOMPARE(events->rowCount(), 1);
    const QString message = events->index(0, EventLogModel::MessageColumn).data().toString();
    QVERIFY2(message.contains(QStringLiteral("未知 → 正常")), qPrintable(message));
    m_window.reset(); // before the translators go
}

// No tray at start-up (the panel is not up yet): the window asks again on a timer and shows the
// tray once there is one.
void tst_MainWindow::trayThatAppearsLaterIsPickedUp()
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
void tst_MainWindow::quitAsksWhileRulesForward()
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
void tst_MainWindow::closingToTraySaysWhereItWent()
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

// Help > Documentation (F1) opens the installed docs where they are, the project's pages otherwise.
void tst_MainWindow::helpOpensTheDocumentation()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("documentationAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F1));
    const QList<QAction *> menus = m_window->menuBar()->actions();
    QVERIFY(std::any_of(menus.cbegin(), menus.cend(),
                        [action](QAction *menu) { return menu->menu() && menu->menu()->actions().contains(action); }));
    const QUrl url = action->data().toUrl();
    QVERIFY2(url.isLocalFile() ? QFileInfo::exists(url.toLocalFile()) : url.scheme() == QStringLiteral("https"),
             qPrintable(url.toString()));

    // Installed (as packaging/ does it): found in the data folders, in their order.
    QTemporaryDir share;
    QVERIFY(QDir(share.path()).mkpath(QStringLiteral("doc/portrelay/docs")));
    QFile readme(share.filePath(QLatin1String(Documentation::RelativeEntry)));
    QVERIFY(readme.open(QIODevice::WriteOnly));
    readme.write("# PortRelay\n");
    readme.close();
    const QString empty = m_dir->path();
    QCOMPARE(Documentation::entry({empty, share.path()}), QUrl::fromLocalFile(readme.fileName()));
    // Nowhere installed: online.
    const QUrl online = Documentation::entry({empty});
    QCOMPARE(online, Documentation::onlineUrl());
    QVERIFY(online.isValid());
    QCOMPARE(online.scheme(), QStringLiteral("https"));
}

// At 900 px with long action texts (a translation), the buttons give up their texts and the filter
// box stays on the tool bar at its minimum width at least; with room again the texts come back.
void tst_MainWindow::narrowWindowKeepsTheFilter()
{
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QLineEdit *filter = m_window->filterEdit();
    QVERIFY(toolBar && filter);
    QVERIFY(filter->minimumWidth() > 0);
    QMap<QAction *, QString> texts;
    for (QAction *action : toolBar->actions()) {
        if (!action->isSeparator() && toolBar->widgetForAction(action) &&
            qobject_cast<QToolButton *>(toolBar->widgetForAction(action))) {
            texts.insert(action, action->iconText());
            action->setIconText(QStringLiteral("一个很长很长的翻译过的工具栏按钮文字 %1").arg(texts.size()));
        }
    }
    QVERIFY(texts.size() >= 5);
    m_window->resize(900, 700);
    QTRY_COMPARE(toolBar->width(), m_window->width());
    QTRY_VERIFY(filter->isVisible());
    QVERIFY2(filter->width() >= filter->minimumWidth(), qPrintable(QString::number(filter->width())));
    QVERIFY(filter->geometry().right() <= toolBar->width());
    QCOMPARE(toolBar->toolButtonStyle(), Qt::ToolButtonIconOnly);

    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        it.key()->setIconText(it.value());
    m_window->resize(1900, 700);
    QTRY_COMPARE(toolBar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    QVERIFY(filter->isVisible());
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

    // Cancelled preview: nothing changed.
    QVERIFY(m_window->importFile(path));
    auto *preview = m_window->findChild<ImportDialog *>();
    QVERIFY(preview);
    QTRY_VERIFY(preview->isVisible());
    preview->reject();
    QTRY_VERIFY(!m_window->findChild<ImportDialog *>());
    QCOMPARE(m_window->store()->ruleSet(), before);

    QVERIFY(m_window->importFile(path));
    preview = m_window->findChild<ImportDialog *>();
    QVERIFY(preview);
    QTRY_VERIFY(preview->isVisible());
    preview->accept();
    QCOMPARE(ruleNames(m_window->store()->ruleSet()),
             (QStringList{QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("z")}));
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Imported 2 rule(s), skipped 1"));
}

void tst_MainWindow::droppedRulesFileOpensThePreview()
{
    const Rule rule = makeRule(QStringLiteral("dropped"), freeLoopbackPort(), {freeLoopbackPort()});
    RuleSet set;
    set.rules.append(rule);
    const QString path = m_dir->filePath(QStringLiteral("dropped.json"));
    QString error;
    QVERIFY2(RuleSetWriter::writeFile(path, set, &error), qPrintable(error));

    const auto dragEnter = [this](const QString &file) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        return enter.isAccepted();
    };
    // Only one local rules file is taken.
    QVERIFY(!dragEnter(m_dir->filePath(QStringLiteral("notes.txt"))));
    QVERIFY(dragEnter(path));

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    // The preview opens after the drop has returned to the drag source.
    QVERIFY(!m_window->findChild<ImportDialog *>());
    QPointer<ImportDialog> preview;
    QVERIFY(QTest::qWaitFor(
        [&] {
            preview = m_window->findChild<ImportDialog *>();
            return preview && preview->isVisible();
        },
        3000));
    preview->accept();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->store()->ruleSet().find(QStringLiteral("dropped")), 3000);
}

void tst_MainWindow::editorFollowsTheRuleState()
{
    const quint16 port = freeLoopbackPort();
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("web"), port, {freeLoopbackPort()})));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(QStringLiteral("web"))), RuleState::Running, 5000);
    m_window->selectRules({QStringLiteral("web")});
    auto *edit = m_window->findChild<QAction *>(QStringLiteral("editRuleAction"));
    QVERIFY(edit);
    edit->trigger();
    QPointer<RuleEditorDialog> editor = m_window->findChild<RuleEditorDialog *>();
    QVERIFY(editor && editor->isVisible());
    auto *notice = editor->findChild<QLabel *>(QStringLiteral("portStatusLabel"));
    QVERIFY(notice);
    // Running: the rule holds its own port, nothing to say.
    QVERIFY(!notice->isVisible());

    // Another program takes the port while the rule is stopped; started again, the rule waits for
    // it, and the open editor says so without being reopened.
    m_window->stopRules({QStringLiteral("web")});
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(QStringLiteral("web"))), RuleState::Stopped, 5000);
    auto squatter = std::make_unique<QTcpServer>();
    QVERIFY(squatter->listen(QHostAddress::LocalHost, port));
    m_window->startRules({QStringLiteral("web")});
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 5000);
    QVERIFY2(notice->text().contains(QStringLiteral("waiting")), qPrintable(notice->text()));

    // The port comes free; the rule starts on its own retry and the notice goes.
    squatter.reset();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(ruleRow(QStringLiteral("web"))), RuleState::Running,
                              10000);
    QTRY_VERIFY_WITH_TIMEOUT(!notice->isVisible(), 3000);
    editor->reject();
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
