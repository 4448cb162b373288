// The window end to end, offscreen, with the real engine and real loopback backends: the empty
// state, a rule made through the window's own path, traffic through it, a backend dying and coming
// back, delete and undo, the rules saved and restored, the detail header, the window in Chinese,
// Help, the tool bar when narrow, the filter's keys, and an open editor following the rule's state.
// Import and export: tst_mainwindowimport; the tray and quitting: tst_mainwindowtray.

#include "core/engine/enginehost.h"
#include "core/i18n/translations.h"
#include "core/ruleset/rulesetparser.h"
#include "loopbackserver.h"
#include "mainwindowfixture.h"
#include "ui/charts/trafficchart.h"
#include "ui/documentation.h"
#include "ui/models/backendstatusmodel.h"
#include "ui/models/connectiontablemodel.h"
#include "ui/models/eventlogmodel.h"
#include "ui/models/ruletablemodel.h"
#include "ui/rulestore.h"
#include "ui/widgets/connectionspane.h"
#include "ui/widgets/mainwindow.h"

#include "ui/dialogs/backendtablemodel.h"
#include "ui/dialogs/ruleeditordialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
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

#include <memory>

using namespace PortRelay;
using namespace PortRelay::Test;

class tst_MainWindow : public MainWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void emptyStateInvitesTheFirstRule();
    void liveTrafficAndBackendHealth();
    void deleteIsUndoable();
    void rulesComeBackInTheirLastState();
    void detailHeaderMarksAnExposedRule();
    void chineseIsWhole();
    void helpOpensTheDocumentation();
    void narrowWindowKeepsTheFilter();
    void filterKeys();
    void undoHidesTheDeleteMessage();
    void editorFollowsTheRuleState();

private:
    bool createRuleThroughEditor(const Rule &rule);
};

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
