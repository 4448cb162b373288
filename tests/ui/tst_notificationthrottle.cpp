// NotificationThrottle on a clock the test controls: the limits hold, nothing is lost, the latest
// state of every key goes out.

#include "ui/tray/notificationthrottle.h"

#include <QTest>

using namespace PortRelay;

namespace {

using Notification = NotificationThrottle::Notification;

Notification down(int backend)
{
    return {QStringLiteral("Backend down"), QStringLiteral("b%1 is down").arg(backend), true};
}

Notification up(int backend)
{
    return {QStringLiteral("Backend up"), QStringLiteral("b%1 is back up").arg(backend), false};
}

struct Shown
{
    qint64 atMs;
    Notification notification;
};

// Posts each (time, key, notification) in order and flushes whenever the throttle says something
// is due, as TrayIcon's timer does; then runs the clock on until nothing is held.
QList<Shown> run(NotificationThrottle &throttle, const QList<std::tuple<qint64, QString, Notification>> &posts)
{
    QList<Shown> shown;
    const auto flushUntil = [&](qint64 untilMs) {
        for (qint64 due = throttle.nextDueMs(); due >= 0 && due <= untilMs; due = throttle.nextDueMs()) {
            const auto out = throttle.flush(due);
            if (!out)
                break;
            shown.append({due, *out});
        }
    };
    for (const auto &[atMs, key, notification] : posts) {
        flushUntil(atMs);
        if (const auto out = throttle.post(key, notification, atMs))
            shown.append({atMs, *out});
    }
    flushUntil(std::numeric_limits<qint64>::max());
    return shown;
}

} // namespace

class tst_NotificationThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstNotificationGoesOutAtOnce();
    void flappingBackendIsBounded_data();
    void flappingBackendIsBounded();
    void manyBackendsAreCoalesced();
    void keysAreLimitedApart();
};

void tst_NotificationThrottle::firstNotificationGoesOutAtOnce()
{
    NotificationThrottle throttle({10000, 2000});
    const auto out = throttle.post(QStringLiteral("b1"), down(1), 5);
    QVERIFY(out);
    QCOMPARE(*out, down(1));
    QCOMPARE(throttle.nextDueMs(), -1);
    QVERIFY(!throttle.flush(100000));
}

void tst_NotificationThrottle::flappingBackendIsBounded_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<qint64>("spanMs");
    QTest::addColumn<qint64>("perKeyMs");
    QTest::addColumn<int>("maxShown");
    // 50 changes in one second: the first at once, the latest state when the key's time comes.
    QTest::addRow("50 in 1 s") << 50 << qint64(1000) << qint64(10000) << 2;
    QTest::addRow("51 in 1 s, ends down") << 51 << qint64(1000) << qint64(10000) << 2;
    // Flapping for a minute: at most one per 10 s, plus the first.
    QTest::addRow("600 in 60 s") << 600 << qint64(60000) << qint64(10000) << 7;
}

void tst_NotificationThrottle::flappingBackendIsBounded()
{
    QFETCH(int, events);
    QFETCH(qint64, spanMs);
    QFETCH(qint64, perKeyMs);
    QFETCH(int, maxShown);

    NotificationThrottle throttle({perKeyMs, 2000});
    QList<std::tuple<qint64, QString, Notification>> posts;
    for (int i = 0; i < events; ++i)
        posts.append({spanMs * i / events, QStringLiteral("b1"), i % 2 == 0 ? down(1) : up(1)});
    const QList<Shown> shown = run(throttle, posts);

    QVERIFY2(shown.size() <= maxShown, qPrintable(QString::number(shown.size())));
    QVERIFY(shown.size() >= 2);
    for (int i = 1; i < shown.size(); ++i)
        QVERIFY(shown[i].atMs - shown[i - 1].atMs >= perKeyMs);
    // The last notification says how it ended, and all changes are accounted for.
    const Notification last = shown.constLast().notification;
    const Notification expected = (events - 1) % 2 == 0 ? down(1) : up(1);
    QVERIFY2(last.message.startsWith(expected.message), qPrintable(last.message));
    QCOMPARE(last.title, expected.title);
    QCOMPARE(last.warning, expected.warning);
    int accounted = 0;
    for (const Shown &s : shown) {
        const qsizetype at = s.notification.message.indexOf(QStringLiteral("and "));
        accounted += 1 + (at < 0 ? 0 : s.notification.message.mid(at + 4).section(u' ', 0, 0).toInt());
    }
    QCOMPARE(accounted, events);
    QCOMPARE(throttle.heldKeys(), 0);
}

void tst_NotificationThrottle::manyBackendsAreCoalesced()
{
    // Twenty backends go down together (a switch died): one notification now, one a little later
    // naming the latest three and counting the rest.
    NotificationThrottle throttle({10000, 2000});
    QList<std::tuple<qint64, QString, Notification>> posts;
    for (int i = 0; i < 20; ++i)
        posts.append({i, QStringLiteral("b%1").arg(i), down(i)});
    const QList<Shown> shown = run(throttle, posts);
    QCOMPARE(shown.size(), 2);
    QCOMPARE(shown[0].notification, down(0));
    QCOMPARE(shown[1].atMs, qint64(2000));
    QVERIFY(shown[1].notification.warning);
    const QStringList lines = shown[1].notification.message.split(u'\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0], QStringLiteral("Backend down: b19 is down"));
    QCOMPARE(lines[2], QStringLiteral("Backend down: b17 is down"));
    QCOMPARE(lines[3], QStringLiteral("and 16 more"));
}

void tst_NotificationThrottle::keysAreLimitedApart()
{
    // b2 is not held back for b1's sake beyond the global gap.
    NotificationThrottle throttle({10000, 500});
    QVERIFY(throttle.post(QStringLiteral("b1"), down(1), 0));
    QVERIFY(!throttle.post(QStringLiteral("b1"), up(1), 100));
    QVERIFY(throttle.post(QStringLiteral("b2"), down(2), 600));
    QCOMPARE(throttle.nextDueMs(), qint64(10000));
    QVERIFY(!throttle.flush(9999));
    const auto out = throttle.flush(10000);
    QVERIFY(out);
    QCOMPARE(*out, up(1));
}

QTEST_GUILESS_MAIN(tst_NotificationThrottle)
#include "tst_notificationthrottle.moc"
