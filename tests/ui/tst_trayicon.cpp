// TrayIcon offscreen: its state follows the rules' snapshots, its menu shows the actions it was
// given, and a burst of backend changes yields a bounded number of notifications, the latest state
// last. Notifications are observed through notificationShown, which does not need a desktop.

#include "ui/models/ruletablemodel.h"
#include "ui/tray/trayavailabilitywatcher.h"
#include "ui/tray/trayicon.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace PortRelay;

namespace {

Rule makeRule(const QString &name, quint16 port)
{
    Rule rule;
    rule.name = name;
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), port};
    for (int i = 0; i < 2; ++i)
        rule.backends.append(Backend{Endpoint{QStringLiteral("127.0.0.1"), quint16(9000 + i)}, 1, false, true, {}, {}});
    return rule;
}

RuleSnapshot snapshotOf(const Rule &rule, RuleState state, const QList<BackendState> &backends = {})
{
    RuleSnapshot rs;
    rs.status = RuleStatus{rule.name, state,
                           state == RuleState::Failed ? Message::verbatim(QStringLiteral("in use")) : Message()};
    rs.listen = rule.listen.toString();
    if (state == RuleState::Running) {
        for (int i = 0; i < rule.backends.size(); ++i) {
            BackendSnapshot b;
            b.address = rule.backends[i].address.toString();
            b.state = backends.value(i, BackendState::Up);
            rs.backends.append(b);
        }
    }
    return rs;
}

} // namespace

class tst_TrayIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateFollowsSnapshots_data();
    void stateFollowsSnapshots();
    void menuShowsTheGivenActions();
    void ruleEntriesToggleAndUpdateInPlace();
    void toolTipNamesDownBackendsWithinBounds();
    void lateTrayIsPickedUp();
    void absentTrayIsGivenUpOn();
    void flappingBackendNotificationsAreBounded();
};

void tst_TrayIcon::stateFollowsSnapshots_data()
{
    QTest::addColumn<int>("firstState");
    QTest::addColumn<int>("secondState");
    QTest::addColumn<bool>("backendDown");
    QTest::addColumn<int>("expected");
    const auto row = [](const char *name, RuleState a, RuleState b, bool down, StateIcons::TrayState tray) {
        QTest::addRow("%s", name) << int(a) << int(b) << down << int(tray);
    };
    row("all stopped", RuleState::Stopped, RuleState::Stopped, false, StateIcons::TrayState::Idle);
    row("one running, all up", RuleState::Running, RuleState::Stopped, false, StateIcons::TrayState::AllUp);
    row("both running, all up", RuleState::Running, RuleState::Running, false, StateIcons::TrayState::AllUp);
    row("a backend down", RuleState::Running, RuleState::Running, true, StateIcons::TrayState::SomeDown);
    row("one failed", RuleState::Running, RuleState::Failed, false, StateIcons::TrayState::Failed);
    row("failed beats down", RuleState::Running, RuleState::Failed, true, StateIcons::TrayState::Failed);
}

void tst_TrayIcon::stateFollowsSnapshots()
{
    QFETCH(int, firstState);
    QFETCH(int, secondState);
    QFETCH(bool, backendDown);
    QFETCH(int, expected);

    RuleSet set;
    set.rules = {makeRule(QStringLiteral("a"), 20001), makeRule(QStringLiteral("b"), 20002)};
    RuleTableModel model;
    model.setRuleSet(set);
    TrayIcon tray({});
    QCOMPARE(tray.state(), StateIcons::TrayState::Idle);

    // From a different state first, so that the expected one is a change the tray has to follow.
    EngineSnapshot before;
    before.takenAtMs = 1000;
    before.rules = {snapshotOf(set.rules[0], RuleState::Failed), snapshotOf(set.rules[1], RuleState::Running)};
    model.applySnapshot(before);
    tray.setState(TrayIcon::stateFor(model.totals()), QStringLiteral("before"));
    QCOMPARE(tray.state(), StateIcons::TrayState::Failed);

    EngineSnapshot snapshot;
    snapshot.takenAtMs = 2000;
    snapshot.rules = {snapshotOf(set.rules[0], RuleState(firstState), {BackendState::Up, BackendState::Up}),
                      snapshotOf(set.rules[1], RuleState(secondState),
                                 {BackendState::Up, backendDown ? BackendState::Down : BackendState::Up})};
    if (backendDown && RuleState(secondState) != RuleState::Running)
        snapshot.rules[0] = snapshotOf(set.rules[0], RuleState(firstState), {BackendState::Down, BackendState::Up});
    model.applySnapshot(snapshot);
    tray.setState(TrayIcon::stateFor(model.totals()), QStringLiteral("2 rules"));
    QCOMPARE(int(tray.state()), expected);
    QCOMPARE(tray.toolTip(), QStringLiteral("PortRelay: 2 rules"));
}

void tst_TrayIcon::menuShowsTheGivenActions()
{
    QAction show(QStringLiteral("Show"));
    QAction startAll(QStringLiteral("Start all"));
    QAction stopAll(QStringLiteral("Stop all"));
    QAction quit(QStringLiteral("Quit"));
    TrayIcon tray({&show, nullptr, &startAll, &stopAll, nullptr, &quit});
    const QList<QAction *> items = tray.menu()->actions();
    // Two separators around the (here empty) rule entries; the menu collapses them into one.
    QCOMPARE(items.size(), 7);
    QVERIFY(tray.menu()->separatorsCollapsible());
    QCOMPARE(items[0], &show);
    QVERIFY(items[1]->isSeparator());
    QVERIFY(items[2]->isSeparator());
    QCOMPARE(items[3], &startAll);
    QCOMPARE(items[4], &stopAll);
    QVERIFY(items[5]->isSeparator());
    QCOMPARE(items[6], &quit);

    QSignalSpy stopped(&stopAll, &QAction::triggered);
    tray.menu()->actions().at(4)->trigger();
    QCOMPARE(stopped.size(), 1);
}

void tst_TrayIcon::ruleEntriesToggleAndUpdateInPlace()
{
    QAction show(QStringLiteral("Show"));
    QAction quit(QStringLiteral("Quit"));
    TrayIcon tray({&show, nullptr, &quit});
    QSignalSpy toggled(&tray, &TrayIcon::ruleToggled);

    tray.setRules({{QStringLiteral("api"), QStringLiteral("running"), true},
                   {QStringLiteral("R&D"), QStringLiteral("stopped"), false}});
    QCOMPARE(tray.ruleMenuRebuilds(), 1);
    const QList<QAction *> entries = tray.ruleActions();
    QCOMPARE(entries.size(), 2);
    const QList<QAction *> items = tray.menu()->actions();
    QCOMPARE(items.indexOf(entries[0]), 2); // after Show and its separator
    QCOMPARE(items.indexOf(entries[1]), 3);
    QCOMPARE(entries[0]->text(), QStringLiteral("api — running"));
    QCOMPARE(entries[1]->text(), QStringLiteral("R&&D — stopped")); // a name's "&" is no mnemonic
    QVERIFY(entries[0]->isCheckable() && entries[0]->isChecked());
    QVERIFY(!entries[1]->isChecked());

    // Chosen by the user: the window is asked to stop or start the rule.
    entries[0]->trigger();
    entries[1]->trigger();
    QCOMPARE(toggled.size(), 2);
    QCOMPARE(toggled[0], (QList<QVariant>{QStringLiteral("api"), false}));
    QCOMPARE(toggled[1], (QList<QVariant>{QStringLiteral("R&D"), true}));

    // The same rules again (the window calls this often): nothing is rebuilt, the check marks
    // follow the rules rather than the clicks.
    tray.setRules({{QStringLiteral("api"), QStringLiteral("running"), true},
                   {QStringLiteral("R&D"), QStringLiteral("stopped"), false}});
    QCOMPARE(tray.ruleMenuRebuilds(), 1);
    QVERIFY(entries[0]->isChecked());
    QVERIFY(!entries[1]->isChecked());
    // A state changes: the entries are updated in place.
    tray.setRules({{QStringLiteral("api"), QStringLiteral("stopped"), false},
                   {QStringLiteral("R&D"), QStringLiteral("failed"), true}});
    QCOMPARE(tray.ruleMenuRebuilds(), 1);
    QCOMPARE(tray.ruleActions(), entries);
    QCOMPARE(entries[0]->text(), QStringLiteral("api — stopped"));
    QVERIFY(!entries[0]->isChecked());
    QVERIFY(entries[1]->isChecked());
    QCOMPARE(toggled.size(), 2); // programmatic changes are not the user's choice

    // A rule goes: rebuilt, and the old entries are gone from the menu.
    tray.setRules({{QStringLiteral("api"), QStringLiteral("stopped"), false}});
    QCOMPARE(tray.ruleMenuRebuilds(), 2);
    QCOMPARE(tray.ruleActions().size(), 1);
    QCOMPARE(tray.menu()->actions().size(), 5); // Show, separator, api, separator, Quit
}

void tst_TrayIcon::toolTipNamesDownBackendsWithinBounds()
{
    TrayIcon tray({});
    tray.setState(StateIcons::TrayState::SomeDown, QStringLiteral("2 of 2 rules running"),
                  {QStringLiteral("api: 127.0.0.1:8081 down")});
    QCOMPARE(tray.toolTip(), QStringLiteral("PortRelay: 2 of 2 rules running\napi: 127.0.0.1:8081 down"));

    QStringList many;
    many.append(
        QStringLiteral("a-rule-with-a-very-long-name-%1: backend.example.internal:8080 down").arg(QString(60, u'x')));
    for (int i = 1; i < 12; ++i)
        many.append(QStringLiteral("api: 127.0.0.1:%1 down").arg(9000 + i));
    tray.setState(StateIcons::TrayState::SomeDown, QStringLiteral("summary"), many);
    const QStringList lines = tray.toolTip().split(u'\n');
    QCOMPARE(lines.size(), 1 + TrayIcon::MaxToolTipProblems + 1);
    QCOMPARE(lines.constLast(), QStringLiteral("… and 7 more"));
    QVERIFY(lines[1].endsWith(u'…'));
    for (const QString &line : lines)
        QVERIFY2(line.size() <= TrayIcon::MaxToolTipLineLength, qPrintable(line));
    QCOMPARE(lines[2], QStringLiteral("api: 127.0.0.1:9001 down"));

    tray.setState(StateIcons::TrayState::AllUp, QStringLiteral("all well"));
    QCOMPARE(tray.toolTip(), QStringLiteral("PortRelay: all well"));
}

void tst_TrayIcon::lateTrayIsPickedUp()
{
    int asked = 0;
    TrayAvailabilityWatcher watcher([&asked] { return ++asked >= 3; }, 20, 10);
    QSignalSpy available(&watcher, &TrayAvailabilityWatcher::available);
    QSignalSpy gaveUp(&watcher, &TrayAvailabilityWatcher::gaveUp);
    watcher.start();
    QVERIFY(watcher.isWaiting());
    QVERIFY(available.wait(2000));
    QCOMPARE(watcher.attemptsMade(), 3);
    QVERIFY(!watcher.isWaiting());
    QTest::qWait(100); // and it stops asking
    QCOMPARE(asked, 3);
    QCOMPARE(gaveUp.size(), 0);
}

void tst_TrayIcon::absentTrayIsGivenUpOn()
{
    int asked = 0;
    TrayAvailabilityWatcher watcher([&asked] { return ++asked < 0; }, 10, 5);
    QSignalSpy available(&watcher, &TrayAvailabilityWatcher::available);
    QSignalSpy gaveUp(&watcher, &TrayAvailabilityWatcher::gaveUp);
    watcher.start();
    QVERIFY(gaveUp.wait(2000));
    QCOMPARE(asked, 5);
    QVERIFY(!watcher.isWaiting());
    QCOMPARE(available.size(), 0);
}

void tst_TrayIcon::flappingBackendNotificationsAreBounded()
{
    TrayIcon tray({});
    constexpr qint64 PerKeyMs = 600;
    tray.setNotificationLimits({PerKeyMs, 100});
    QSignalSpy shown(&tray, &TrayIcon::notificationShown);

    // 50 changes of one backend in about a second, from the event loop as the engine delivers them,
    // and one change of a second backend in the middle.
    constexpr int Events = 50;
    int sent = 0;
    QTimer flap;
    flap.setInterval(20);
    connect(&flap, &QTimer::timeout, &tray, [&] {
        const bool down = sent % 2 == 0;
        tray.notify(
            QStringLiteral("api\n127.0.0.1:9000"), down ? QStringLiteral("Backend down") : QStringLiteral("Backend up"),
            down ? QStringLiteral("127.0.0.1:9000 is down") : QStringLiteral("127.0.0.1:9000 is back up"), down);
        if (++sent == Events / 2)
            tray.notify(QStringLiteral("api\n127.0.0.1:9001"), QStringLiteral("Backend down"),
                        QStringLiteral("127.0.0.1:9001 is down"), true);
        if (sent == Events)
            flap.stop();
    });
    QElapsedTimer clock;
    clock.start();
    flap.start();
    QTRY_COMPARE_WITH_TIMEOUT(sent, Events, 5000);
    const qint64 burstMs = clock.elapsed();
    // Everything held goes out after the last change, within one per-key interval.
    QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 2 &&
                                 shown.constLast().at(1).toString().contains(QStringLiteral("9000 is back up")),
                             int(PerKeyMs) * 3);
    QTest::qWait(int(PerKeyMs) * 2); // nothing more may come
    // At most one per key per interval over the burst and its tail, plus the first.
    const int bound = int(2 * (burstMs / PerKeyMs + 2));
    QVERIFY2(shown.size() <= bound, qPrintable(QStringLiteral("%1 > %2").arg(shown.size()).arg(bound)));
    QVERIFY2(shown.size() < Events / 4, qPrintable(QString::number(shown.size())));
    // The first change at once, the last state last; the second backend's change is not lost.
    QCOMPARE(shown.constFirst().at(1).toString(), QStringLiteral("127.0.0.1:9000 is down"));
    QVERIFY(std::any_of(shown.cbegin(), shown.cend(), [](const QList<QVariant> &args) {
        return args.at(1).toString().contains(QStringLiteral("9001 is down"));
    }));
    const QString last = shown.constLast().at(1).toString();
    QVERIFY2(last.contains(QStringLiteral("more")), qPrintable(last));
}

QTEST_MAIN(tst_TrayIcon)
#include "tst_trayicon.moc"
