// EventLoop: one watcher owning several descriptors tells them apart by their registrations'
// tags, and timers (callback held inline) fire in deadline order on the loop's clock.

#include "core/net/eventloop.h"
#include "core/net/uniquefd.h"
#include "eventlooprun.h"
#include "manualclock.h"

#include <QTest>

#include <sys/epoll.h>
#include <sys/socket.h>

#include <vector>

using namespace PortRelay;
using namespace PortRelay::Test;

class tst_EventLoop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneWatcherTellsItsDescriptorsApartByTag();
    void timersFireInDeadlineOrderOnTheClock();
    void stoppedAndDestroyedTimersDoNotFire();
    void timerRestartedFromItsOwnCallback();
};

namespace {

struct SocketPair
{
    UniqueFd ours;
    UniqueFd theirs;
    SocketPair()
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) == 0) {
            ours.reset(fds[0]);
            theirs.reset(fds[1]);
        }
    }
};

// Records which of its descriptors became readable, by tag, and drains it.
class TaggedWatcher final : public IoWatcher
{
public:
    void onIo(quint32 events, quint8 tag) override
    {
        if (events & EPOLLIN) {
            seen.push_back(tag);
            char buffer[16];
            [[maybe_unused]] const ssize_t n = ::recv(fds.at(tag), buffer, sizeof(buffer), 0);
        }
    }
    std::vector<int> fds = std::vector<int>(EventLoop::Registration::TagLimit, -1);
    std::vector<int> seen;
};

} // namespace

void tst_EventLoop::oneWatcherTellsItsDescriptorsApartByTag()
{
    const ManualClock clock;
    EventLoop loop(clock);
    TaggedWatcher watcher;
    // Every tag the registration can carry, the highest included: a tag that leaked into the
    // pointer would crash the dispatch or come back as another tag.
    std::vector<SocketPair> pairs(EventLoop::Registration::TagLimit);
    std::vector<EventLoop::Registration> registrations;
    registrations.reserve(pairs.size());
    for (quint8 tag = 0; tag < pairs.size(); ++tag) {
        QVERIFY(pairs[tag].ours.isValid());
        watcher.fds[tag] = pairs[tag].ours.get();
        registrations.emplace_back(pairs[tag].ours.get(), &watcher, tag);
        loop.setInterest(registrations.back(), EPOLLIN);
    }
    for (const int tag : {5, 0, 7, 2}) {
        watcher.seen.clear();
        QCOMPARE(::send(pairs[tag].theirs.get(), "x", 1, MSG_NOSIGNAL), ssize_t(1));
        QVERIFY(runUntil(loop, [&] { return !watcher.seen.empty(); }));
        QCOMPARE(watcher.seen, std::vector<int>{tag});
    }
    for (auto &registration : registrations)
        loop.remove(registration);
}

void tst_EventLoop::timersFireInDeadlineOrderOnTheClock()
{
    ManualClock clock;
    EventLoop loop(clock);
    std::vector<int> fired;
    const qint64 start = loop.now();
    // Each callback captures one pointer, as the timers of a connection do.
    struct Recorder
    {
        std::vector<int> *fired;
        int id;
        void record() const { fired->push_back(id); }
    };
    Recorder a{&fired, 1}, b{&fired, 2}, c{&fired, 3};
    EventLoop::Timer first([r = &a] { r->record(); });
    EventLoop::Timer second([r = &b] { r->record(); });
    EventLoop::Timer third([r = &c] { r->record(); });
    third.start(loop, start + 30);
    first.start(loop, start + 10);
    second.start(loop, start + 20);
    QVERIFY(first.isActive());
    QCOMPARE(second.deadline(), start + 20);

    loop.runOnce({}, 0);
    QVERIFY(fired.empty()); // the clock stands still: nothing is due
    clock.advance(20);
    QVERIFY(runUntil(loop, [&] { return fired.size() == 2; }));
    QCOMPARE(fired, (std::vector<int>{1, 2}));
    QVERIFY(!first.isActive());
    QVERIFY(third.isActive());
    clock.advance(10);
    QVERIFY(runUntil(loop, [&] { return fired.size() == 3; }));
    QCOMPARE(fired, (std::vector<int>{1, 2, 3}));
}

void tst_EventLoop::stoppedAndDestroyedTimersDoNotFire()
{
    ManualClock clock;
    EventLoop loop(clock);
    int fired = 0;
    EventLoop::Timer kept([&fired] { ++fired; });
    EventLoop::Timer stopped([&fired] { fired += 100; });
    kept.start(loop, loop.now() + 10);
    stopped.start(loop, loop.now() + 5);
    stopped.stop();
    QVERIFY(!stopped.isActive());
    {
        EventLoop::Timer gone([&fired] { fired += 1000; });
        gone.start(loop, loop.now() + 5);
    }
    clock.advance(50);
    QVERIFY(runUntil(loop, [&] { return fired != 0; }));
    loop.runOnce({}, 0);
    QCOMPARE(fired, 1);
}

void tst_EventLoop::timerRestartedFromItsOwnCallback()
{
    ManualClock clock;
    EventLoop loop(clock);
    struct Ticker
    {
        EventLoop &loop;
        int ticks = 0;
        EventLoop::Timer timer{[this] {
            if (++ticks < 3)
                timer.start(loop, loop.now() + 10);
        }};
    } ticker{loop};
    ticker.timer.start(loop, loop.now() + 10);
    for (int expected = 1; expected <= 3; ++expected) {
        clock.advance(10);
        QVERIFY(runUntil(loop, [&] { return ticker.ticks == expected; }));
    }
    QVERIFY(!ticker.timer.isActive());
    clock.advance(100);
    loop.runOnce({}, 0);
    QCOMPARE(ticker.ticks, 3);
}

QTEST_GUILESS_MAIN(tst_EventLoop)
#include "tst_eventloop.moc"
