// ClockTimer: a control-thread timer that fires by the engine's Clock, on the system clock and on
// a clock moved by hand.

#include "core/net/clocktimer.h"
#include "manualclock.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <thread>

using namespace PortRelay;
using namespace PortRelay::Test;

class tst_ClockTimer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleShotFiresWhenTheClockPassesItsDeadline();
    void repeatingKeepsItsRhythmAndFiresOnceForAJump();
    void stopAndRestart();
    void systemClockFiresInRealTime();
    void clockMovedFromAnotherThreadWhileTimersComeAndGo();
};

namespace {

// Lets the timers see what the clock's wakers posted.
void settle()
{
    QCoreApplication::sendPostedEvents();
}

} // namespace

void tst_ClockTimer::singleShotFiresWhenTheClockPassesItsDeadline()
{
    ManualClock clock;
    ClockTimer timer(clock);
    QSignalSpy fired(&timer, &ClockTimer::timeout);
    timer.setSingleShot(true);
    QVERIFY(!timer.isActive());
    QCOMPARE(timer.remainingMs(), -1);
    timer.start(1000);
    QVERIFY(timer.isActive());
    QCOMPARE(timer.remainingMs(), 1000);

    // Real time passing does not move it: only the clock does.
    QTest::qWait(50);
    QCOMPARE(fired.count(), 0);
    clock.advance(999);
    settle();
    QCOMPARE(fired.count(), 0);
    QCOMPARE(timer.remainingMs(), 1);
    clock.advance(1);
    settle();
    QCOMPARE(fired.count(), 1);
    QVERIFY(!timer.isActive());
    clock.advance(5000);
    settle();
    QCOMPARE(fired.count(), 1);
}

void tst_ClockTimer::repeatingKeepsItsRhythmAndFiresOnceForAJump()
{
    ManualClock clock;
    ClockTimer timer(clock);
    QSignalSpy fired(&timer, &ClockTimer::timeout);
    timer.setInterval(100);
    timer.start();
    for (int i = 1; i <= 3; ++i) {
        clock.advance(100);
        settle();
        QCOMPARE(fired.count(), i);
    }
    // Late by 30 ms: the next one is still on the 100 ms grid.
    clock.advance(130);
    settle();
    QCOMPARE(fired.count(), 4);
    QCOMPARE(timer.remainingMs(), 70);
    // A jump over ten intervals is one timeout, and the grid holds.
    clock.advance(1000);
    settle();
    QCOMPARE(fired.count(), 5);
    QCOMPARE(timer.remainingMs(), 70);
    QVERIFY(timer.isActive());
}

void tst_ClockTimer::stopAndRestart()
{
    ManualClock clock;
    ClockTimer timer(clock);
    QSignalSpy fired(&timer, &ClockTimer::timeout);
    timer.setSingleShot(true);
    timer.start(100);
    clock.advance(60);
    timer.stop();
    clock.advance(100);
    settle();
    QCOMPARE(fired.count(), 0);
    QVERIFY(!timer.isActive());
    // A restart counts from now, not from the first start.
    timer.start(100);
    clock.advance(60);
    timer.start(100);
    clock.advance(60);
    settle();
    QCOMPARE(fired.count(), 0);
    clock.advance(40);
    settle();
    QCOMPARE(fired.count(), 1);
}

void tst_ClockTimer::systemClockFiresInRealTime()
{
    ClockTimer timer(Clock::system());
    QSignalSpy fired(&timer, &ClockTimer::timeout);
    timer.setSingleShot(true);
    QElapsedTimer elapsed;
    elapsed.start();
    timer.start(40);
    QVERIFY(fired.wait(5000));
    QVERIFY2(elapsed.elapsed() >= 40, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(fired.count(), 1);
}

void tst_ClockTimer::clockMovedFromAnotherThreadWhileTimersComeAndGo()
{
    // The clock's wakers run on the mover's thread: a timer destroyed meanwhile must not be reached.
    ManualClock clock;
    std::atomic<bool> stop{false};
    std::thread mover([&] {
        while (!stop.load())
            clock.advance(1);
    });
    int fired = 0;
    for (int i = 0; i < 2000; ++i) {
        auto timer = std::make_unique<ClockTimer>(clock);
        timer->setSingleShot(true);
        connect(timer.get(), &ClockTimer::timeout, this, [&fired] { ++fired; });
        timer->start(1);
        if (i % 2) {
            const qint64 before = clock.nowMs();
            while (clock.nowMs() < before + 2)
                std::this_thread::yield();
            settle();
        }
    }
    stop = true;
    mover.join();
    settle();
    QVERIFY(fired > 0); // some fired before they went; none crashed
}

QTEST_GUILESS_MAIN(tst_ClockTimer)
#include "tst_clocktimer.moc"
