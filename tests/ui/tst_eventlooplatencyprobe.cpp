// EventLoopLatencyProbe against an event loop the test blocks on purpose: the block must show.

#include "ui/eventlooplatencyprobe.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace PortRelay;

class tst_EventLoopLatencyProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idleLoopIsPrompt();
    void blockedLoopShowsAsMax();
    void summaryIsOneLineOfJson();
};

void tst_EventLoopLatencyProbe::idleLoopIsPrompt()
{
    EventLoopLatencyProbe probe(5);
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(probe.summary().samples >= 40, 5000);
    probe.stop();
    const EventLoopLatencyProbe::Summary s = probe.summary();
    // Generous: a loaded CI machine may be slow, but an idle loop is not 50 ms late half the time.
    QVERIFY2(s.p50Ms < 50, qPrintable(QString::number(s.p50Ms)));
    QVERIFY(s.p50Ms <= s.p99Ms && s.p99Ms <= s.maxMs);
    const qint64 samples = s.samples;
    QTest::qWait(50);
    QCOMPARE(probe.summary().samples, samples); // stopped means stopped
}

void tst_EventLoopLatencyProbe::blockedLoopShowsAsMax()
{
    EventLoopLatencyProbe probe(5);
    probe.start();
    bool blocked = false;
    QTimer::singleShot(50, &probe, [&blocked] {
        // Busy, not asleep: what a slow slot on the GUI thread does.
        QElapsedTimer busy;
        busy.start();
        while (busy.elapsed() < 120) {
        }
        blocked = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(blocked, 5000);
    const qint64 before = probe.summary().samples;
    QTRY_VERIFY_WITH_TIMEOUT(probe.summary().samples > before + 5, 5000);
    probe.stop();
    const EventLoopLatencyProbe::Summary s = probe.summary();
    QVERIFY2(s.maxMs >= 100, qPrintable(QString::number(s.maxMs)));
    QVERIFY2(s.maxMs < 1000, qPrintable(QString::number(s.maxMs)));
    // One block is one late sample, not a burst of them: the median stays low.
    QVERIFY2(s.p50Ms < 50, qPrintable(QString::number(s.p50Ms)));
}

void tst_EventLoopLatencyProbe::summaryIsOneLineOfJson()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EventLoopLatencyProbe probe(10);
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(probe.summary().samples >= 5, 5000);
    probe.stop();
    const QString path = dir.filePath(QStringLiteral("probe.json"));
    QVERIFY(probe.writeSummary(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QCOMPARE(text.count('\n'), 1);
    const QJsonObject json = QJsonDocument::fromJson(text).object();
    QCOMPARE(json.value(QStringLiteral("interval_ms")).toInt(), 10);
    QCOMPARE(json.value(QStringLiteral("samples")).toInteger(), probe.summary().samples);
    for (const char *key : {"p50_ms", "p99_ms", "max_ms", "seconds"})
        QVERIFY2(json.contains(QString::fromLatin1(key)), key);
    QVERIFY(!probe.writeSummary(dir.filePath(QStringLiteral("missing/probe.json"))));
}

QTEST_GUILESS_MAIN(tst_EventLoopLatencyProbe)
#include "tst_eventlooplatencyprobe.moc"
