// DirectTcpConnector against real loopback sockets: addresses tried in order, a refusal or a
// silent address passing the attempt on, the time shared between addresses (on a clock moved
// by hand), and the address that answered tried first next time.
#include "core/net/backendruntime.h"
#include "core/net/directtcpconnector.h"
#include "core/net/sockets.h"
#include "loopbackserver.h"
#include "manualclock.h"

#include <QtTest>

#include <cerrno>

#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>

using namespace PortRelay;
using namespace PortRelay::Test;

namespace {

SocketAddress loopback(quint16 port)
{
    return SocketAddress(QHostAddress::LocalHost, port);
}

// What epoll would report for the attempt's descriptor within timeoutMs (0: nothing yet).
quint32 waitFor(const ConnectAttempt &attempt, int timeoutMs)
{
    pollfd p{attempt.fd(), short(POLLOUT), 0};
    if (::poll(&p, 1, timeoutMs) <= 0)
        return 0;
    quint32 events = 0;
    if (p.revents & POLLOUT)
        events |= EPOLLOUT;
    if (p.revents & POLLERR)
        events |= EPOLLERR;
    if (p.revents & POLLHUP)
        events |= EPOLLHUP;
    return events;
}

// Drives an attempt by its descriptor until it is no longer in progress (or 5 s pass).
ConnectAttempt::Progress drive(ConnectAttempt &attempt, ConnectAttempt::Progress progress, qint64 now)
{
    QElapsedTimer timer;
    timer.start();
    while (progress == ConnectAttempt::Progress::InProgress && timer.elapsed() < 5000) {
        const quint32 events = waitFor(attempt, 100);
        if (events != 0)
            progress = attempt.onIo(events, now);
    }
    return progress;
}

// A listener whose accept queue is full: further connects get no answer at all (the SYN is
// dropped), as from a host that is down.
struct SilentListener
{
    UniqueFd listener;
    std::vector<UniqueFd> queued;
    quint16 port = 0;

    SilentListener()
    {
        listener = listenOnLoopback(0, &port);
        // Backlog 0 admits one; two more make sure it is full on every kernel.
        for (int i = 0; i < 2; ++i) {
            int error = 0;
            UniqueFd fd = Sockets::connectNonBlocking(loopback(port), &error);
            queued.push_back(std::move(fd));
        }
        QTest::qWait(50);
    }
};

} // namespace

class tst_DirectTcpConnector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedAddressPassesToTheNext();
    void silentAddressGetsOnlyItsShareOfTheTime();
    void everyAddressRefusing();
    void noAddressesFailsAtOnce();
};

void tst_DirectTcpConnector::refusedAddressPassesToTheNext()
{
    quint16 goodPort = 0;
    const UniqueFd good = listenOnLoopback(16, &goodPort);
    const quint16 closedPort = freeLoopbackPort();
    BackendRuntime backend;
    backend.publishAddresses(AddressList::make({loopback(closedPort), loopback(goodPort)}));
    const ManualClock clock;
    const DirectTcpConnector connector;

    auto attempt = connector.connect(backend, clock.nowMs() + 5000, clock);
    ConnectAttempt::Progress progress = drive(*attempt, attempt->start(clock.nowMs()), clock.nowMs());
    QCOMPARE(progress, ConnectAttempt::Progress::Connected);
    QCOMPARE(backend.preferredAddress.load(), 1);
    TransportSlot transport = attempt->takeTransport();
    QVERIFY(!transport.isLayered());
    QVERIFY(transport->fd() >= 0);
    QVERIFY(transport->canSplice());

    // The address that answered is tried first next time: one socket, no refusal on the way.
    auto again = connector.connect(backend, clock.nowMs() + 5000, clock);
    progress = drive(*again, again->start(clock.nowMs()), clock.nowMs());
    QCOMPARE(progress, ConnectAttempt::Progress::Connected);
    QCOMPARE(again->socketSerial(), 1u);
}

void tst_DirectTcpConnector::silentAddressGetsOnlyItsShareOfTheTime()
{
    const SilentListener silent;
    quint16 goodPort = 0;
    const UniqueFd good = listenOnLoopback(16, &goodPort);
    BackendRuntime backend;
    backend.publishAddresses(AddressList::make({loopback(silent.port), loopback(goodPort)}));
    ManualClock clock;
    const DirectTcpConnector connector;
    const qint64 start = clock.nowMs();

    auto attempt = connector.connect(backend, start + 10000, clock);
    QCOMPARE(attempt->start(start), ConnectAttempt::Progress::InProgress);
    // Two addresses share the 10 s: the first may use half of it.
    QCOMPARE(attempt->timeoutAtMs(), start + 5000);
    QCOMPARE(waitFor(*attempt, 300), 0u); // no answer from the first address

    clock.advance(5000);
    ConnectAttempt::Progress progress = attempt->onTimeout(clock.nowMs());
    QCOMPARE(attempt->socketSerial(), 2u);
    if (progress == ConnectAttempt::Progress::InProgress)
        QCOMPARE(attempt->timeoutAtMs(), start + 10000); // the last address has what is left
    progress = drive(*attempt, progress, clock.nowMs());
    QCOMPARE(progress, ConnectAttempt::Progress::Connected);
    QCOMPARE(backend.preferredAddress.load(), 1);
}

void tst_DirectTcpConnector::everyAddressRefusing()
{
    BackendRuntime backend;
    backend.publishAddresses(AddressList::make({loopback(freeLoopbackPort()), loopback(freeLoopbackPort())}));
    const ManualClock clock;
    auto attempt = DirectTcpConnector().connect(backend, clock.nowMs() + 5000, clock);
    const ConnectAttempt::Progress progress = drive(*attempt, attempt->start(clock.nowMs()), clock.nowMs());
    QCOMPARE(progress, ConnectAttempt::Progress::Failed);
    QCOMPARE(attempt->error(), ECONNREFUSED);
}

void tst_DirectTcpConnector::noAddressesFailsAtOnce()
{
    BackendRuntime backend; // a name not resolved (yet)
    const ManualClock clock;
    auto attempt = DirectTcpConnector().connect(backend, clock.nowMs() + 5000, clock);
    QCOMPARE(attempt->start(clock.nowMs()), ConnectAttempt::Progress::Failed);
    QCOMPARE(attempt->socketSerial(), 0u);
}

QTEST_GUILESS_MAIN(tst_DirectTcpConnector)
#include "tst_directtcpconnector.moc"
