// The Backends tab: running totals per backend through the real engine on loopback (a 3:1 rule
// shows 3:1), sorted by numbers, and its actions following the selection at once.

#include "core/engine/enginehost.h"
#include "loopbackserver.h"
#include "ui/models/backendstatusmodel.h"
#include "ui/widgets/backendspane.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include <sys/socket.h>

using namespace PortRelay;
using namespace PortRelay::Test;

namespace {

Rule makeRule(const QString &name, const QList<int> &weights)
{
    Rule rule;
    rule.name = name;
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), 20000};
    for (int i = 0; i < weights.size(); ++i)
        rule.backends.append(
            Backend{Endpoint{QStringLiteral("127.0.0.1"), quint16(9000 + i)}, weights[i], false, true, {}, {}});
    return rule;
}

EngineSnapshot runningSnapshot(const Rule &rule)
{
    RuleSnapshot rs;
    rs.status = RuleStatus{rule.name, RuleState::Running, Message()};
    rs.listen = rule.listen.toString();
    for (const Backend &backend : rule.backends) {
        BackendSnapshot b;
        b.address = backend.address.toString();
        b.state = BackendState::Up;
        b.weight = backend.weight;
        rs.backends.append(b);
    }
    EngineSnapshot snapshot;
    snapshot.rules.append(rs);
    return snapshot;
}

} // namespace

class tst_BackendsPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void totalsAndSharesFromTheEngine();
    void actionsFollowAClickAtOnce();
};

void tst_BackendsPane::totalsAndSharesFromTheEngine()
{
    LoopbackServer heavy(echo);
    LoopbackServer light(echo);
    Rule rule;
    rule.name = QStringLiteral("weighted");
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), freeLoopbackPort()};
    rule.backends.append(Backend{Endpoint{QStringLiteral("127.0.0.1"), light.port()}, 1, false, true, {}, {}});
    rule.backends.append(Backend{Endpoint{QStringLiteral("127.0.0.1"), heavy.port()}, 3, false, true, {}, {}});
    rule.healthCheck.type = HealthCheck::Type::None; // only the clients below reach the backends

    Engine::Options options;
    options.workers = 2;
    EngineHost host(options);
    host.setSampleInterval(100);
    BackendStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    BackendsPane pane(&model);
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(pane.view()->model());
    QVERIFY(proxy);
    QAbstractItemModelTester proxyTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRule(rule);
    connect(&host, &EngineHost::sampled, &model, &BackendStatusModel::applySnapshot);
    RuleSet set;
    set.rules.append(rule);
    host.apply(set);
    QTRY_VERIFY_WITH_TIMEOUT(model.stateAt(0).has_value(), 5000);

    // Smooth weighted round robin over 3:1 is exact on any 8 picks in a row: 6 and 2.
    constexpr int Connections = 8;
    const QByteArray message("twelve bytes");
    for (int i = 0; i < Connections; ++i) {
        UniqueFd fd = connectToLoopback(rule.listen.port);
        QVERIFY(fd.isValid());
        QVERIFY(echoRoundTrip(fd.get(), message));
    }
    const auto cell = [&model](int row, int column) {
        return model.index(row, column).data(BackendStatusModel::RawRole);
    };
    QTRY_COMPARE_WITH_TIMEOUT(cell(0, BackendStatusModel::TotalColumn).toULongLong() +
                                  cell(1, BackendStatusModel::TotalColumn).toULongLong(),
                              qulonglong(Connections), 5000);
    QCOMPARE(cell(0, BackendStatusModel::TotalColumn).toULongLong(), 2u);
    QCOMPARE(cell(1, BackendStatusModel::TotalColumn).toULongLong(), 6u);
    QCOMPARE(heavy.accepted(), 6);
    QCOMPARE(light.accepted(), 2);
    QCOMPARE(cell(0, BackendStatusModel::ShareColumn).toDouble(), 0.25);
    QCOMPARE(cell(1, BackendStatusModel::ShareColumn).toDouble(), 0.75);
    QCOMPARE(model.index(1, BackendStatusModel::ShareColumn).data().toString(), QStringLiteral("75.0 %"));
    QCOMPARE(model.index(1, BackendStatusModel::TotalColumn).data().toULongLong(), 6u);
    QTRY_COMPARE_WITH_TIMEOUT(cell(1, BackendStatusModel::BytesInColumn).toULongLong(), qulonglong(6 * message.size()),
                              5000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(1, BackendStatusModel::BytesOutColumn).toULongLong(), qulonglong(6 * message.size()),
                              5000);
    QCOMPARE(cell(0, BackendStatusModel::BytesInColumn).toULongLong(), qulonglong(2 * message.size()));
    QCOMPARE(cell(0, BackendStatusModel::FailedColumn).toULongLong(), 0u);
    QVERIFY(cell(0, BackendStatusModel::StateSinceColumn).toLongLong() >= 0);
    QVERIFY(!model.index(0, BackendStatusModel::StateSinceColumn).data().toString().isEmpty());

    // Sorted by the numbers, not their text: the heavy backend first by total, last by address.
    pane.view()->sortByColumn(BackendStatusModel::TotalColumn, Qt::DescendingOrder);
    QCOMPARE(proxy->index(0, BackendStatusModel::AddressColumn).data().toString(), rule.backends[1].address.toString());
    pane.view()->sortByColumn(BackendStatusModel::ShareColumn, Qt::AscendingOrder);
    QCOMPARE(proxy->index(0, BackendStatusModel::AddressColumn).data().toString(), rule.backends[0].address.toString());

    // A backend that refuses: its failed connects are counted on it, not on the other.
    light.stop();
    for (int i = 0; i < 4; ++i) {
        UniqueFd fd = connectToLoopback(rule.listen.port);
        QVERIFY(fd.isValid());
        // Ends at once either way: relayed to the heavy backend (which echoes the end back) or closed.
        ::shutdown(fd.get(), SHUT_WR);
        readAll(fd.get(), 5000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(cell(0, BackendStatusModel::FailedColumn).toULongLong() >= 1, 5000);
    QCOMPARE(cell(1, BackendStatusModel::FailedColumn).toULongLong(), 0u);
}

void tst_BackendsPane::actionsFollowAClickAtOnce()
{
    BackendStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    BackendsPane pane(&model);
    const Rule rule = makeRule(QStringLiteral("api"), {1, 1});
    model.setRule(rule);
    model.applySnapshot(runningSnapshot(rule));
    pane.resize(900, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));

    auto *drain = pane.findChild<QAction *>(QStringLiteral("drainAction"));
    auto *disable = pane.findChild<QAction *>(QStringLiteral("disableAction"));
    auto *check = pane.findChild<QAction *>(QStringLiteral("checkNowAction"));
    QVERIFY(drain && disable && check);
    QVERIFY(!drain->isEnabled());

    // No snapshot comes between the click and the check: the selection alone enables them.
    QTableView *view = pane.view();
    const QRect cell = view->visualRect(view->model()->index(1, BackendStatusModel::AddressColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
    QCOMPARE(pane.currentBackend(), 1);
    QVERIFY(drain->isEnabled());
    QVERIFY(disable->isEnabled());
    QVERIFY(check->isEnabled());

    // And they follow it away again: Ctrl+click unselects the row.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, cell.center());
    QCOMPARE(pane.currentBackend(), -1);
    QVERIFY(!drain->isEnabled());
}

QTEST_MAIN(tst_BackendsPane)
#include "tst_backendspane.moc"
