// The Backends tab: its actions follow the selection at once.

#include "ui/models/backendstatusmodel.h"
#include "ui/widgets/backendspane.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QTableView>
#include <QTest>

using namespace PortRelay;

namespace {

Rule makeRule(const QString &name, const QList<int> &weights)
{
    Rule rule;
    rule.name = name;
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), 20000};
    for (int i = 0; i < weights.size(); ++i)
        rule.backends.append(
            Backend{Endpoint{QStringLiteral("127.0.0.1"), quint16(9000 + i)}, weights[i], false, true, {}});
    return rule;
}

EngineSnapshot runningSnapshot(const Rule &rule)
{
    RuleSnapshot rs;
    rs.status = RuleStatus{rule.name, RuleState::Running, QString()};
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
    void actionsFollowAClickAtOnce();
};

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
