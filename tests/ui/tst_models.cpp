// The window's item models, each under QAbstractItemModelTester, fed the way the window feeds them.

#include "core/net/sockets.h"
#include "ui/charts/traffichistory.h"
#include "ui/models/backendstatusmodel.h"
#include "ui/models/connectiontablemodel.h"
#include "ui/models/eventlogfiltermodel.h"
#include "ui/models/eventlogmodel.h"
#include "ui/models/hoptablemodel.h"
#include "ui/models/ruletablemodel.h"
#include "ui/stateicons.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QDateTime>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <cerrno>

using namespace PortRelay;

namespace {

// What the engine says when a rule cannot listen.
Message listenFailure(const QString &address, int error)
{
    return Message("PortRelay::Engine", "cannot listen on %1: %2").arg(address).arg(Sockets::errorMessage(error));
}

Rule makeRule(const QString &name, quint16 port, int backends = 2)
{
    Rule rule;
    rule.name = name;
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), port};
    for (int i = 0; i < backends; ++i)
        rule.backends.append(Backend{Endpoint{QStringLiteral("127.0.0.1"), quint16(9000 + i)}, 1, false, true, {}, {}});
    return rule;
}

RuleSet makeSet(const QStringList &names)
{
    RuleSet set;
    quint16 port = 20000;
    for (const QString &name : names)
        set.rules.append(makeRule(name, port++));
    return set;
}

QStringList namesOf(const RuleTableModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.nameAt(row));
    return names;
}

RuleSnapshot runningSnapshot(const Rule &rule, quint64 in, quint64 out, qint64 active,
                             const QList<BackendState> &states = {})
{
    RuleSnapshot rs;
    rs.status = RuleStatus{rule.name, RuleState::Running, Message()};
    rs.listen = rule.listen.toString();
    rs.traffic.bytesIn = in;
    rs.traffic.bytesOut = out;
    rs.traffic.activeConnections = active;
    for (int i = 0; i < rule.backends.size(); ++i) {
        BackendSnapshot b;
        b.address = rule.backends[i].address.toString();
        b.state = states.value(i, BackendState::Up);
        b.weight = rule.backends[i].weight;
        b.lastCheckEpochMs = 1700000000000;
        b.lastCheckMicros = 250;
        rs.backends.append(b);
    }
    return rs;
}

EngineEvent makeEvent(const QString &rule, EngineEvent::Level level, const QString &message)
{
    EngineEvent e;
    e.time = QDateTime::currentDateTime();
    e.level = level;
    e.kind = EngineEvent::Kind::ConnectFailed;
    e.rule = rule;
    e.message = Message::verbatim(message);
    return e;
}

} // namespace

class tst_Models : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hopRowsFollowTheSnapshots();
    void ruleRowsFollowTheRuleSet_data();
    void ruleRowsFollowTheRuleSet();
    void ruleThroughputFromSuccessiveSnapshots();
    void ruleRefreshIsOneDataChanged();
    void ruleFailureShowsReason();
    void ruleWaitingSaysWhatFor();
    void ruleExposureIsMarked_data();
    void ruleExposureIsMarked();
    void ruleDescriptionIsTheNameTooltip();
    void ruleProxySortsByRawValues();
    void ruleFilterMatchesAnyColumn();
    void backendStatesFromSnapshots();
    void backendRowsFollowTheRule();
    void connectionsUpdateInPlace();
    void eventLogIsACappedRing();
    void eventLogFiltersByRuleAndSeverity();
    void eventLogCopiesRows();
    void trafficHistoryKeepsTheLastFiveMinutes();
    void trafficHistoryDownsamplesAnHourInFixedMemory_data();
    void trafficHistoryDownsamplesAnHourInFixedMemory();
};

void tst_Models::ruleRowsFollowTheRuleSet_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");

    const QStringList abc{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QTest::addRow("from empty") << QStringList() << abc;
    QTest::addRow("to empty") << abc << QStringList();
    QTest::addRow("append") << abc
                            << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                           QStringLiteral("d")};
    QTest::addRow("insert in the middle") << abc
                                          << QStringList{QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("y"),
                                                         QStringLiteral("b"), QStringLiteral("c")};
    QTest::addRow("remove the middle") << abc << QStringList{QStringLiteral("a"), QStringLiteral("c")};
    QTest::addRow("rename") << abc << QStringList{QStringLiteral("a"), QStringLiteral("B"), QStringLiteral("c")};
    QTest::addRow("reorder") << abc << QStringList{QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b")};
    QTest::addRow("replace all") << abc << QStringList{QStringLiteral("x"), QStringLiteral("y")};
}

void tst_Models::ruleRowsFollowTheRuleSet()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuleSet(makeSet(before));
    QCOMPARE(namesOf(model), before);
    model.setRuleSet(makeSet(after));
    QCOMPARE(namesOf(model), after);
    QCOMPARE(model.columnCount(), int(RuleTableModel::ColumnCount));
}

void tst_Models::ruleThroughputFromSuccessiveSnapshots()
{
    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RuleSet set = makeSet({QStringLiteral("api")});
    model.setRuleSet(set);

    EngineSnapshot first;
    first.takenAtMs = 10000;
    first.rules = {runningSnapshot(set.rules[0], 1000, 5000, 3)};
    model.applySnapshot(first);
    QCOMPARE(model.index(0, RuleTableModel::InColumn).data(RuleTableModel::RawRole).toDouble(), 0.0);

    EngineSnapshot second;
    second.takenAtMs = 12000; // two seconds later
    second.rules = {runningSnapshot(set.rules[0], 1000 + 4096, 5000 + 2 * 1048576, 4, {BackendState::Up})};
    model.applySnapshot(second);
    QCOMPARE(model.index(0, RuleTableModel::InColumn).data(RuleTableModel::RawRole).toDouble(), 2048.0);
    QCOMPARE(model.index(0, RuleTableModel::OutColumn).data(RuleTableModel::RawRole).toDouble(), 1048576.0);
    QVERIFY(model.index(0, RuleTableModel::OutColumn).data().toString().contains(QStringLiteral("MiB/s")));
    QCOMPARE(model.index(0, RuleTableModel::ConnectionsColumn).data(RuleTableModel::RawRole).toLongLong(), 4);
    QCOMPARE(model.index(0, RuleTableModel::BackendsColumn).data().toString(), QStringLiteral("2 / 2"));
    const auto backendsIcon = [&model] {
        return model.index(0, RuleTableModel::BackendsColumn).data(Qt::DecorationRole).value<QIcon>().cacheKey();
    };
    QCOMPARE(backendsIcon(), StateIcons::icon(BackendState::Up).cacheKey());
    QCOMPARE(model.totals().running, 1);
    QCOMPARE(model.totals().traffic.inPerSecond, 2048.0);

    // A changed rule's counters start again from zero: no negative rate.
    EngineSnapshot third;
    third.takenAtMs = 13000;
    third.rules = {runningSnapshot(set.rules[0], 10, 10, 0)};
    model.applySnapshot(third);
    QCOMPARE(model.index(0, RuleTableModel::InColumn).data(RuleTableModel::RawRole).toDouble(), 0.0);

    // Backends not checked yet are neither up nor down; one down marks the rule's backends.
    EngineSnapshot fourth;
    fourth.takenAtMs = 14000;
    fourth.rules = {runningSnapshot(set.rules[0], 10, 10, 0, {BackendState::Unknown, BackendState::Unknown})};
    model.applySnapshot(fourth);
    QCOMPARE(model.index(0, RuleTableModel::BackendsColumn).data().toString(), QStringLiteral("0 / 2"));
    QCOMPARE(backendsIcon(), StateIcons::icon(BackendState::Unknown).cacheKey());
    EngineSnapshot fifth;
    fifth.takenAtMs = 15000;
    fifth.rules = {runningSnapshot(set.rules[0], 10, 10, 0, {BackendState::Up, BackendState::Down})};
    model.applySnapshot(fifth);
    QCOMPARE(backendsIcon(), StateIcons::icon(BackendState::Down).cacheKey());
}

void tst_Models::ruleRefreshIsOneDataChanged()
{
    RuleTableModel model;
    const RuleSet set = makeSet({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
    model.setRuleSet(set);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    EngineSnapshot snapshot;
    snapshot.takenAtMs = 1000;
    for (const Rule &rule : set.rules)
        snapshot.rules.append(runningSnapshot(rule, 100, 100, 1));
    model.applySnapshot(snapshot);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].toModelIndex().row(), 0);
    QCOMPARE(changed[0][1].toModelIndex().row(), 2);

    // Nothing changed: no signal at all.
    changed.clear();
    snapshot.takenAtMs = 2000;
    model.applySnapshot(snapshot);
    QCOMPARE(changed.size(), 0);
}

void tst_Models::ruleFailureShowsReason()
{
    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuleSet(makeSet({QStringLiteral("db")}));
    model.setStatus(RuleStatus{QStringLiteral("db"), RuleState::Failed,
                               listenFailure(QStringLiteral("127.0.0.1:5432"), EADDRINUSE), EADDRINUSE});
    const QModelIndex state = model.index(0, RuleTableModel::StateColumn);
    QCOMPARE(state.data().toString(), QStringLiteral("failed (address already in use)"));
    QVERIFY(state.data(Qt::ToolTipRole).toString().contains(QStringLiteral("address already in use")));
    QVERIFY(!state.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.totals().failed, 1);
}

void tst_Models::ruleWaitingSaysWhatFor()
{
    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    qint64 now = 1700000000000;
    model.setClock([&now] { return now; });
    RuleSet set = makeSet({QStringLiteral("web")});
    set.rules[0].listen.port = 8080;
    model.setRuleSet(set);
    model.setStatus(RuleStatus{QStringLiteral("web"), RuleState::Waiting,
                               listenFailure(QStringLiteral("127.0.0.1:8080"), EADDRINUSE), EADDRINUSE, now + 7400});
    const QModelIndex state = model.index(0, RuleTableModel::StateColumn);
    QCOMPARE(state.data().toString(), QStringLiteral("port 8080 in use — retry in 8 s"));
    const QString tip = state.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("cannot listen on 127.0.0.1:8080: address already in use")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("edit the rule")), qPrintable(tip));
    // When the next try is, in the user's time zone, to the second.
    const QString nextTry =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(now + 7400).time(), QStringLiteral("HH:mm:ss"));
    QVERIFY2(tip.contains(QStringLiteral("the next try is at ") + nextTry), qPrintable(tip));
    QCOMPARE(model.totals().failed, 1);

    // The countdown moves with the snapshots, each one a change of the row.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    now += 5000;
    EngineSnapshot snapshot;
    RuleSnapshot rs;
    rs.status = model.statusAt(0);
    snapshot.rules.append(rs);
    model.applySnapshot(snapshot);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(state.data().toString(), QStringLiteral("port 8080 in use — retry in 3 s"));
    now += 5000;
    QCOMPARE(state.data().toString(), QStringLiteral("port 8080 in use — retrying now"));
}

void tst_Models::ruleExposureIsMarked_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("exposed");
    QTest::addRow("IPv4 loopback") << QStringLiteral("127.0.0.1") << false;
    QTest::addRow("other loopback") << QStringLiteral("127.0.0.53") << false;
    QTest::addRow("IPv6 loopback") << QStringLiteral("::1") << false;
    QTest::addRow("localhost") << QStringLiteral("localhost") << false;
    QTest::addRow("any IPv4") << QStringLiteral("0.0.0.0") << true;
    QTest::addRow("any IPv6") << QStringLiteral("::") << true;
    QTest::addRow("LAN address") << QStringLiteral("192.168.1.20") << true;
}

void tst_Models::ruleExposureIsMarked()
{
    QFETCH(QString, host);
    QFETCH(bool, exposed);
    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RuleSet set = makeSet({QStringLiteral("safe"), QStringLiteral("probe")});
    set.rules[1].listen = Endpoint{host, 8080};
    model.setRuleSet(set);

    const QModelIndex listen = model.index(1, RuleTableModel::ListenColumn);
    const QString address = set.rules[1].listen.toString();
    QCOMPARE(listen.data(RuleTableModel::ExposedRole).toBool(), exposed);
    // In words, with an icon and a tooltip: not by colour alone.
    QCOMPARE(listen.data().toString(), exposed ? address + QStringLiteral(" (exposed)") : address);
    QCOMPARE(listen.data(Qt::DecorationRole).value<QIcon>().isNull(), !exposed);
    QCOMPARE(listen.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Reachable from other machines")),
             exposed);
    // Sorting by port is unaffected by the extra words.
    QCOMPARE(listen.data(RuleTableModel::RawRole).toInt(), 8080);

    // The loopback rule beside it stays plain.
    const QModelIndex other = model.index(0, RuleTableModel::ListenColumn);
    QVERIFY(!other.data(RuleTableModel::ExposedRole).toBool());
    QVERIFY(other.data(Qt::DecorationRole).value<QIcon>().isNull());

    // Moving the rule to loopback (or off it) updates the row.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    set.rules[1].listen = Endpoint{exposed ? QStringLiteral("127.0.0.1") : QStringLiteral("0.0.0.0"), 8080};
    model.setRuleSet(set);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(listen.data(RuleTableModel::ExposedRole).toBool(), !exposed);
    QCOMPARE(listen.data().toString().endsWith(QStringLiteral(" (exposed)")), !exposed);
}

void tst_Models::ruleDescriptionIsTheNameTooltip()
{
    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RuleSet set = makeSet({QStringLiteral("plain"), QStringLiteral("noted")});
    set.rules[1].description = QStringLiteral("Staging database; ask Ana before changing");
    model.setRuleSet(set);

    QVERIFY(model.index(0, RuleTableModel::NameColumn).data(Qt::ToolTipRole).isNull());
    const QModelIndex name = model.index(1, RuleTableModel::NameColumn);
    QCOMPARE(name.data(Qt::ToolTipRole).toString(), set.rules[1].description);
    // Only the name cell carries it: the other cells keep their own tooltips.
    QVERIFY(model.index(1, RuleTableModel::ListenColumn).data(Qt::ToolTipRole).isNull());

    // Editing only the description is a change of the row.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    set.rules[1].description = QStringLiteral("Retired on Friday");
    model.setRuleSet(set);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(name.data(Qt::ToolTipRole).toString(), QStringLiteral("Retired on Friday"));
}

void tst_Models::ruleProxySortsByRawValues()
{
    RuleTableModel model;
    const RuleSet set = makeSet({QStringLiteral("slow"), QStringLiteral("fast")});
    model.setRuleSet(set);
    EngineSnapshot a;
    a.takenAtMs = 1000;
    a.rules = {runningSnapshot(set.rules[0], 0, 0, 0), runningSnapshot(set.rules[1], 0, 0, 0)};
    model.applySnapshot(a);
    EngineSnapshot b;
    b.takenAtMs = 2000;
    // 9 B/s against 10 B/s: a text sort would put "9 bytes/s" after "10 bytes/s".
    b.rules = {runningSnapshot(set.rules[0], 9, 0, 0), runningSnapshot(set.rules[1], 10, 0, 0)};
    model.applySnapshot(b);

    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(RuleTableModel::RawRole);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(RuleTableModel::InColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(RuleTableModel::NameRole).toString(), QStringLiteral("fast"));
    proxy.sort(RuleTableModel::InColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data(RuleTableModel::NameRole).toString(), QStringLiteral("slow"));
}

void tst_Models::ruleFilterMatchesAnyColumn()
{
    RuleTableModel model;
    RuleSet set = makeSet({QStringLiteral("postgres"), QStringLiteral("redis"), QStringLiteral("web")});
    set.rules[0].group = QStringLiteral("databases");
    set.rules[1].group = QStringLiteral("databases");
    model.setRuleSet(set);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterFixedString(QStringLiteral("DATABASES"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFilterFixedString(QStringLiteral("20002"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("web"));
}

void tst_Models::backendStatesFromSnapshots()
{
    BackendStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Rule rule = makeRule(QStringLiteral("api"), 18080, 4);
    rule.backends[3].enabled = false;
    rule.backends[2].backup = true;
    model.setRule(rule);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, BackendStatusModel::StateColumn).data(BackendStatusModel::StateRole).toInt(), -1);
    QCOMPARE(model.index(3, BackendStatusModel::StateColumn).data().toString(), QStringLiteral("disabled"));
    QCOMPARE(model.index(2, BackendStatusModel::RoleColumn).data().toString(), QStringLiteral("backup"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    EngineSnapshot snapshot;
    snapshot.rules = {runningSnapshot(
        rule, 0, 0, 0, {BackendState::Up, BackendState::Down, BackendState::Draining, BackendState::Disabled})};
    snapshot.rules[0].backends[1].lastFailure = Message::verbatim(QStringLiteral("connection refused"));
    // The first backend failed once and is up again: its failure is history, shown with its time.
    const QDateTime failedAt = QDateTime::currentDateTime().addSecs(-600);
    snapshot.rules[0].backends[0].lastFailure = Message::verbatim(QStringLiteral("timeout after 1000 ms"));
    snapshot.rules[0].backends[0].lastFailureEpochMs = failedAt.toMSecsSinceEpoch();
    model.applySnapshot(snapshot);
    QCOMPARE(changed.size(), 1);

    const struct
    {
        int row;
        BackendState state;
        const char *text;
    } expected[] = {{0, BackendState::Up, "up"},
                    {1, BackendState::Down, "down"},
                    {2, BackendState::Draining, "draining"},
                    {3, BackendState::Disabled, "disabled"}};
    for (const auto &e : expected) {
        const QModelIndex index = model.index(e.row, BackendStatusModel::StateColumn);
        QCOMPARE(index.data(BackendStatusModel::StateRole).toInt(), int(e.state));
        QCOMPARE(index.data().toString(), QLatin1String(e.text));
        QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(index.data(Qt::ForegroundRole).isValid());
    }
    QCOMPARE(model.index(1, BackendStatusModel::LastFailureColumn).data().toString(),
             QStringLiteral("connection refused"));
    const QModelIndex history = model.index(0, BackendStatusModel::LastFailureColumn);
    QCOMPARE(history.data().toString(), QStringLiteral("timeout after 1000 ms (at %1)")
                                            .arg(QLocale().toString(failedAt.time(), QStringLiteral("HH:mm:ss"))));
    QCOMPARE(history.data(Qt::ForegroundRole).value<QBrush>(),
             QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text));
    QVERIFY(!model.index(1, BackendStatusModel::LastFailureColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.index(0, BackendStatusModel::LatencyColumn).data(BackendStatusModel::RawRole).toInt(), 250);
    QVERIFY(!model.index(0, BackendStatusModel::LastCheckColumn).data().toString().isEmpty());

    // The rule stops: states go, configuration stays.
    model.applySnapshot(EngineSnapshot());
    QCOMPARE(model.index(0, BackendStatusModel::StateColumn).data(BackendStatusModel::StateRole).toInt(), -1);
}

void tst_Models::backendRowsFollowTheRule()
{
    BackendStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Rule rule = makeRule(QStringLiteral("api"), 18080, 2);
    model.setRule(rule);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    rule.backends.append(Backend{Endpoint{QStringLiteral("127.0.0.1"), 9100}, 5, false, true, {}, {}});
    model.setRule(rule);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 1);
    rule.backends.removeFirst();
    model.setRule(rule);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.index(1, BackendStatusModel::WeightColumn).data().toInt(), 5);
    QCOMPARE(reset.size(), 0);
    model.setRule(makeRule(QStringLiteral("other"), 18081, 1));
    QCOMPARE(reset.size(), 1);
    model.setRule(std::nullopt);
    QCOMPARE(model.rowCount(), 0);
}

void tst_Models::connectionsUpdateInPlace()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto connection = [](int worker, quint64 serial, quint64 in) {
        ConnectionInfo c;
        c.worker = worker;
        c.serial = serial;
        c.rule = QStringLiteral("api");
        c.client = QStringLiteral("127.0.0.1:%1").arg(40000 + serial);
        c.backend = QStringLiteral("127.0.0.1:9000");
        c.bytesIn = in;
        c.ageMs = 1500;
        return c;
    };
    model.setConnections({connection(0, 1, 10), connection(1, 1, 20), connection(0, 2, 30)});
    QCOMPARE(model.rowCount(), 3);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setConnections({connection(0, 2, 35), connection(0, 1, 15), connection(2, 7, 1)});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.connectionAt(0).serial, quint64(1));
    QCOMPARE(model.index(0, ConnectionTableModel::InColumn).data(ConnectionTableModel::RawRole).toULongLong(),
             quint64(15));
    QCOMPARE(model.connectionAt(2).worker, 2);
    model.setConnections({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_Models::eventLogIsACappedRing()
{
    EventLogModel model(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 7; ++i)
        model.addEvent(makeEvent(QStringLiteral("a"), EngineEvent::Level::Info, QString::number(i)));
    QCOMPARE(model.rowCount(), 0); // batched
    QTRY_COMPARE(model.rowCount(), 7);
    QCOMPARE(inserted.size(), 1);
    for (int i = 7; i < 25; ++i)
        model.addEvent(makeEvent(QStringLiteral("a"), EngineEvent::Level::Info, QString::number(i)));
    model.flush();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(0, EventLogModel::MessageColumn).data().toString(), QStringLiteral("15"));
    QCOMPARE(model.index(9, EventLogModel::MessageColumn).data().toString(), QStringLiteral("24"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_Models::eventLogFiltersByRuleAndSeverity()
{
    EventLogModel model;
    EventLogFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addEvent(makeEvent(QStringLiteral("a"), EngineEvent::Level::Info, QStringLiteral("1")));
    model.addEvent(makeEvent(QStringLiteral("a"), EngineEvent::Level::Warning, QStringLiteral("2")));
    model.addEvent(makeEvent(QStringLiteral("b"), EngineEvent::Level::Error, QStringLiteral("3")));
    model.addEvent(makeEvent(QStringLiteral("b"), EngineEvent::Level::Info, QStringLiteral("4")));
    model.flush();
    QCOMPARE(filter.rowCount(), 4);
    filter.setRule(QStringLiteral("a"));
    QCOMPARE(filter.rowCount(), 2);
    filter.setMinimumLevel(int(EngineEvent::Level::Warning));
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, EventLogModel::MessageColumn).data().toString(), QStringLiteral("2"));
    filter.setRule(QString());
    QCOMPARE(filter.rowCount(), 2);
    filter.setMinimumLevel(int(EngineEvent::Level::Error));
    QCOMPARE(filter.rowCount(), 1);
    QVERIFY(!filter.index(0, EventLogModel::SeverityColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
}

void tst_Models::eventLogCopiesRows()
{
    EventLogModel model;
    EngineEvent e = makeEvent(QStringLiteral("api"), EngineEvent::Level::Warning, QStringLiteral("connection refused"));
    e.kind = EngineEvent::Kind::BackendStateChanged;
    e.backend = QStringLiteral("127.0.0.1:9001");
    e.from = BackendState::Up;
    e.to = BackendState::Down;
    model.addEvent(e);
    model.flush();
    const QString text = model.rowsAsText({0});
    QVERIFY2(text.contains(QStringLiteral("\tapi\tbackend_state_changed\t127.0.0.1:9001: up → down")),
             qPrintable(text));
    QVERIFY(text.endsWith(u'\n'));
}

void tst_Models::trafficHistoryKeepsTheLastFiveMinutes()
{
    TrafficHistory history;
    for (int i = 0; i < TrafficHistory::Capacity + 10; ++i) {
        history.push({{QStringLiteral("a"), TrafficHistory::Sample{double(i), 0, 1}}},
                     TrafficHistory::Sample{double(i), 0, 1});
    }
    const QVector<TrafficHistory::Sample> all = history.samples(QString());
    QCOMPARE(all.size(), int(TrafficHistory::Capacity));
    QCOMPARE(all.constFirst().inPerSecond, 10.0);
    QCOMPARE(all.constLast().inPerSecond, double(TrafficHistory::Capacity + 9));
    QCOMPARE(history.samples(QStringLiteral("a")).size(), int(TrafficHistory::Capacity));
    // A rule gone from the set loses its history.
    history.push({}, TrafficHistory::Sample());
    QVERIFY(history.samples(QStringLiteral("a")).isEmpty());
}

void tst_Models::trafficHistoryDownsamplesAnHourInFixedMemory_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<int>("range");
    QTest::addRow("an hour and a bit, range 60 min") << 4003 << 3600;
    QTest::addRow("two hours, range 60 min") << 7200 << 3600;
    QTest::addRow("two hours, range 15 min") << 7200 << 900;
    QTest::addRow("ten minutes, range 60 min") << 600 << 3600;
}

void tst_Models::trafficHistoryDownsamplesAnHourInFixedMemory()
{
    QFETCH(int, seconds);
    QFETCH(int, range);
    TrafficHistory history;
    QVector<double> input;
    int expectedStored = 0;
    for (int i = 0; i < seconds; ++i) {
        // Small, uneven traffic, and one busy second a few minutes ago.
        const double in = i == seconds - 200 ? 1e6 : double((i * 7) % 37) * 100;
        const double connections = i == seconds - 201 ? 50 : double(i % 3);
        input.append(in);
        history.push({{QStringLiteral("a"), {in, in / 2, connections}}, {QStringLiteral("b"), {1, 1, 1}}},
                     TrafficHistory::Sample{in, in / 2, connections});
        if (i == 0)
            expectedStored = history.storedEntries();
        QCOMPARE(history.storedEntries(), expectedStored); // fixed from the first second on
    }
    QCOMPARE(expectedStored, 3 * (TrafficHistory::Capacity + TrafficHistory::BucketCapacity));

    const QVector<TrafficHistory::Point> points = history.points(QString(), range);
    QVERIFY(points.size() <= TrafficHistory::BucketCapacity);
    int covered = 0;
    double bytesIn = 0;
    double bytesOut = 0;
    double peakIn = 0;
    double peakConnections = 0;
    for (const TrafficHistory::Point &p : points) {
        QVERIFY(p.seconds >= 1 && p.seconds <= TrafficHistory::BucketSeconds);
        covered += p.seconds;
        bytesIn += p.inPerSecond * p.seconds;
        bytesOut += p.outPerSecond * p.seconds;
        peakIn = qMax(peakIn, p.inPeak);
        peakConnections = qMax(peakConnections, p.connections);
    }
    // The range as far as it is known, give or take the bucket still filling.
    QVERIFY2(covered >= qMin(range, seconds) && covered < qMin(range, seconds) + TrafficHistory::BucketSeconds,
             qPrintable(QString::number(covered)));
    // Downsampling keeps the bytes of the seconds covered...
    double expected = 0;
    for (int i = seconds - covered; i < seconds; ++i)
        expected += input[i];
    QCOMPARE(bytesIn, expected);
    QCOMPARE(bytesOut, expected / 2);
    // ... and the busy second shows at its height, though its bucket's mean is a tenth of it.
    QCOMPARE(peakIn, 1e6);
    QCOMPARE(peakConnections, 50.0);
    QCOMPARE(history.points(QStringLiteral("a"), range).size(), points.size());

    // Five minutes and less: one point a second, as pushed.
    const QVector<TrafficHistory::Point> recent = history.points(QString(), TrafficHistory::Capacity);
    QCOMPARE(recent.size(), qMin(seconds, int(TrafficHistory::Capacity)));
    QCOMPARE(recent.constLast().inPerSecond, input.constLast());
    QCOMPARE(recent.constLast().seconds, 1);
}

using namespace Qt::Literals::StringLiterals;

void tst_Models::hopRowsFollowTheSnapshots()
{
    HopTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - 5000;
    EngineSnapshot snapshot;
    snapshot.hops = {{u"bastion"_s, u"up"_s, Message(), since},
                     {u"inner"_s, u"down"_s, Message::verbatim(u"authentication failed (publickey)"_s), since}};
    model.applySnapshot(snapshot);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, HopTableModel::NameColumn).data().toString(), u"bastion"_s);
    QCOMPARE(model.index(0, HopTableModel::StateColumn).data().toString(), u"Up"_s);
    QCOMPARE(model.index(1, HopTableModel::StateColumn).data().toString(), u"Down"_s);
    QCOMPARE(model.index(1, HopTableModel::ReasonColumn).data().toString(), u"authentication failed (publickey)"_s);
    QCOMPARE(model.index(1, HopTableModel::StateColumn).data(Qt::ToolTipRole).toString(),
             u"authentication failed (publickey)"_s);
    QVERIFY(!model.index(0, HopTableModel::StateColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!model.index(0, HopTableModel::SinceColumn).data().toString().isEmpty());

    // The same hops: rows change in place (a selection stays), only where something changed.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    snapshot.hops[1] = {u"inner"_s, u"connecting"_s, Message::verbatim(u"connecting to 10.0.0.5:22"_s), since + 4000};
    model.applySnapshot(snapshot);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, HopTableModel::StateColumn).data().toString(), u"Connecting"_s);

    // Other hops: a new list.
    snapshot.hops.removeFirst();
    model.applySnapshot(snapshot);
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, HopTableModel::NameColumn).data().toString(), u"inner"_s);
}

QTEST_MAIN(tst_Models)
#include "tst_models.moc"
