// Faults in the middle of a transfer, over real loopback sockets: a backend that resets, a reader
// that stops (either side), a client that vanishes. Each checks what the other side sees, what
// the forwarder holds meanwhile, and that nothing is left behind.

#include "core/engine/engine.h"
#include "core/net/sockets.h"
#include "loopbackserver.h"
#include "processstats.h"
#include "streamhasher.h"
#include "streampeer.h"
#include "testrules.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTest>

#include <future>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace PortRelay;
using namespace PortRelay::Test;

namespace {

constexpr quint64 MiB = 1024 * 1024;
// One chunk per direction: a 16 KiB buffer while copying, a pipe (64 KiB) while splicing.
constexpr quint32 HeldBound = 64 * 1024;

// Waits until the engine's only connection stops moving bytes for a while: the reader stalled
// and backpressure reached us. Returns that connection as then listed.
std::optional<ConnectionInfo> awaitStall(Engine &engine, int quietMs = 400, int timeoutMs = 20000)
{
    QElapsedTimer clock;
    clock.start();
    quint64 last = ~quint64(0);
    QElapsedTimer quiet;
    quiet.start();
    while (clock.elapsed() < timeoutMs) {
        const QList<ConnectionInfo> open = engine.connections();
        if (open.size() == 1 && !open[0].connecting) {
            const quint64 moved = open[0].bytesIn + open[0].bytesOut;
            if (moved != last) {
                last = moved;
                quiet.restart();
            } else if (moved > 0 && quiet.elapsed() >= quietMs) {
                return open[0];
            }
        }
        QTest::qWait(20);
    }
    return std::nullopt;
}

int openDescriptors()
{
    return ProcessStats::of().descriptors;
}

// Sends pattern bytes without blocking until the other side has stopped taking them for 300 ms:
// every buffer on the way is full. Returns the bytes sent.
quint64 sendUntilStalled(int fd)
{
    std::vector<char> chunk(64 * 1024, 'x');
    quint64 sent = 0;
    for (;;) {
        const ssize_t n = ::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            sent += quint64(n);
            continue;
        }
        if (n < 0 && errno != EAGAIN)
            return sent;
        pollfd p{fd, POLLOUT, 0};
        if (::poll(&p, 1, 300) == 0)
            return sent;
    }
}

// Waits, without reading, until the socket is reset; returns the reset's error (0: none came
// within timeoutMs) and, in *atMs, when it came on clock.
int awaitReset(int fd, const QElapsedTimer &clock, int timeoutMs, qint64 *atMs)
{
    pollfd p{fd, 0, 0}; // errors and hang-ups are reported whatever we ask for
    if (::poll(&p, 1, timeoutMs) <= 0)
        return 0;
    *atMs = clock.elapsed();
    return Sockets::pendingError(fd);
}

void abortiveClose(UniqueFd &fd)
{
    const linger abortive{1, 0};
    ::setsockopt(fd.get(), SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive));
    fd.reset();
}

} // namespace

class tst_Faults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backendResetMidTransferIsPassedOnAndCharged();
    void stalledReaderBoundsWhatWeHold_data();
    void stalledReaderBoundsWhatWeHold();
    void vanishedClientClosesTheBackend_data();
    void vanishedClientClosesTheBackend();
    void resetWhileHeldBackIsPassedOn_data();
    void resetWhileHeldBackIsPassedOn();
};

void tst_Faults::backendResetMidTransferIsPassedOnAndCharged()
{
    // The steady backend streams 16 MiB each way to a client that holds off reading, so its
    // connection is open and mid-transfer when the other backend breaks.
    constexpr quint64 steadyBytes = 16 * MiB;
    std::promise<StreamResult> steadyAtBackend;
    LoopbackServer steady([&](int fd) {
        StreamPeer peer;
        peer.toSend = steadyBytes;
        peer.seed = 11;
        steadyAtBackend.set_value(peer.run(fd));
    });
    constexpr quint64 breakAfter = 1 * MiB;
    LoopbackServer breaker([](int fd) {
        // Waits for the client's byte, so the connection is relaying and not still being set up
        // (a reset seen with the connect's completion is a failed connect, retried elsewhere).
        // Then sends its megabyte of pattern (what the kernel takes) and closes with SO_LINGER 0:
        // a reset, not an end of stream.
        char hello = 0;
        if (::recv(fd, &hello, 1, 0) != 1)
            return;
        PatternSource source(12);
        std::vector<char> chunk(64 * 1024);
        for (quint64 sent = 0; sent < breakAfter; sent += chunk.size()) {
            source.fill(chunk.data(), chunk.size());
            if (::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL) != ssize_t(chunk.size()))
                return;
        }
        const linger abortive{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive));
    });

    const quint16 port = freeLoopbackPort();
    Rule rule = loopbackRule(QStringLiteral("faults"), port, {steady.port(), breaker.port()});
    rule.maxFails = 1; // one reset marks the breaker down
    Engine::Options options;
    options.workers = 1; // round robin: first client to steady, second to the breaker
    Engine engine(options);
    QVERIFY(engine.apply(ruleSetOf({rule})).isEmpty());

    std::atomic<bool> steadyMayRead{false};
    // Also on an early return from a failed check: the steady peers then finish at once.
    const auto releaseSteady = qScopeGuard([&] { steadyMayRead = true; });
    UniqueFd steadyClient = connectToLoopback(port);
    QVERIFY(steadyClient.isValid());
    auto steadyAtClient = std::async(std::launch::async, [&] {
        StreamPeer peer;
        peer.toSend = steadyBytes;
        peer.seed = 13;
        peer.mayReceive = [&] { return steadyMayRead.load(); };
        return peer.run(steadyClient.get());
    });
    QTRY_COMPARE(steady.accepted(), 1);

    UniqueFd fd = connectToLoopback(port);
    QVERIFY(fd.isValid());
    StreamPeer client;
    client.toSend = 1;
    client.halfCloseAfterSend = false;
    client.timeoutMs = 10000;
    const StreamResult broken = client.run(fd.get());
    // A reset, not a clean end of stream that would look like a complete reply; what did
    // arrive is the backend's bytes, in order.
    QCOMPARE(broken.error, ECONNRESET);
    QVERIFY(!broken.sawEof);
    QVERIFY(broken.received <= breakAfter);
    QCOMPARE(broken.receivedHash, patternHash(12, broken.received));

    const EngineSnapshot snapshot = engine.snapshot();
    const RuleSnapshot *faults = snapshot.find(u"faults");
    QCOMPARE(faults->backends.at(1).traffic.aborts, quint64(1));
    QCOMPARE(faults->backends.at(1).traffic.connectFailures, quint64(0));
    QCOMPARE(faults->backends.at(1).state, BackendState::Down);
    QCOMPARE(faults->backends.at(0).traffic.aborts, quint64(0));
    QCOMPARE(faults->traffic.aborts, quint64(1));

    // The other connection never noticed.
    steadyMayRead = true;
    const StreamResult atClient = steadyAtClient.get();
    QCOMPARE(atClient.error, 0);
    QVERIFY(atClient.sawEof);
    QCOMPARE(atClient.received, steadyBytes);
    QCOMPARE(atClient.receivedHash, patternHash(11, steadyBytes));
    const StreamResult atBackend = steadyAtBackend.get_future().get();
    QCOMPARE(atBackend.received, steadyBytes);
    QCOMPARE(atBackend.receivedHash, patternHash(13, steadyBytes));
}

void tst_Faults::stalledReaderBoundsWhatWeHold_data()
{
    QTest::addColumn<bool>("backendStalls");
    QTest::newRow("backend stops reading") << true;
    QTest::newRow("client stops reading") << false;
}

void tst_Faults::stalledReaderBoundsWhatWeHold()
{
    QFETCH(bool, backendStalls);
    constexpr quint64 bytes = 256 * MiB; // far more than every buffer on the way can hold
    std::atomic<bool> mayRead{false};
    std::promise<StreamResult> atBackend;
    LoopbackServer backend([&](int fd) {
        StreamPeer peer;
        peer.toSend = backendStalls ? 0 : bytes;
        peer.seed = 21;
        if (backendStalls)
            peer.mayReceive = [&] { return mayRead.load(); };
        atBackend.set_value(peer.run(fd));
    });
    const quint16 port = freeLoopbackPort();
    Engine engine;
    QVERIFY(engine.apply(ruleSetOf({loopbackRule(QStringLiteral("faults"), port, {backend.port()})})).isEmpty());

    UniqueFd fd = connectToLoopback(port);
    QVERIFY(fd.isValid());
    auto atClient = std::async(std::launch::async, [&] {
        StreamPeer peer;
        peer.toSend = backendStalls ? bytes : 0;
        peer.seed = 22;
        if (!backendStalls)
            peer.mayReceive = [&] { return mayRead.load(); };
        return peer.run(fd.get());
    });

    const std::optional<ConnectionInfo> stalled = awaitStall(engine);
    mayRead = true; // whatever happens next, let the peers finish
    QVERIFY2(stalled, "the transfer never stalled");
    const quint32 held = backendStalls ? stalled->heldUp : stalled->heldDown;
    const quint64 passed = backendStalls ? stalled->bytesIn : stalled->bytesOut;
    qInfo("stalled after %llu bytes passed on; held by the forwarder in its own buffers: %u bytes", passed, held);
    QVERIFY2(held <= HeldBound, qPrintable(QString::number(held)));
    QVERIFY(passed < bytes / 4); // it did stall: the rest waits in the sender

    // The reader resumes: every byte arrives, in order, and the stream ends cleanly.
    const StreamResult client = atClient.get();
    const StreamResult server = atBackend.get_future().get();
    QCOMPARE(client.error, 0);
    QCOMPARE(server.error, 0);
    const StreamResult &reader = backendStalls ? server : client;
    QVERIFY(reader.sawEof);
    QCOMPARE(reader.received, bytes);
    QCOMPARE(reader.receivedHash, patternHash(backendStalls ? 22 : 21, bytes));
}

void tst_Faults::vanishedClientClosesTheBackend_data()
{
    QTest::addColumn<bool>("reset");
    QTest::newRow("client resets") << true;
    QTest::newRow("client closes with unread data") << false;
}

void tst_Faults::vanishedClientClosesTheBackend()
{
    QFETCH(bool, reset);
    const int descriptorsBefore = openDescriptors();
    std::promise<std::pair<StreamResult, qint64>> backendEnd;
    QElapsedTimer clock;
    LoopbackServer backend([&](int fd) {
        StreamPeer peer;
        peer.toSend = 4096 * MiB; // would take far longer than the test: only an error ends it
        peer.seed = 31;
        peer.timeoutMs = 20000;
        const StreamResult r = peer.run(fd);
        backendEnd.set_value({r, clock.elapsed()});
    });
    const quint16 port = freeLoopbackPort();
    {
        Engine engine;
        QVERIFY(engine.apply(ruleSetOf({loopbackRule(QStringLiteral("faults"), port, {backend.port()})})).isEmpty());

        UniqueFd fd = connectToLoopback(port);
        QVERIFY(fd.isValid());
        QByteArray buffer(64 * 1024, Qt::Uninitialized);
        quint64 received = 0;
        while (received < 4 * MiB) {
            const ssize_t n = ::recv(fd.get(), buffer.data(), buffer.size(), 0);
            QVERIFY(n > 0);
            received += quint64(n);
        }
        if (reset) {
            const linger abortive{1, 0};
            ::setsockopt(fd.get(), SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive));
        }
        clock.start();
        fd.reset(); // unread data queued: the kernel answers with a reset either way

        auto future = backendEnd.get_future();
        QVERIFY2(future.wait_for(std::chrono::seconds(10)) == std::future_status::ready, "backend still sending");
        const auto [result, closedAfterMs] = future.get();
        qInfo("backend side closed %lld ms after the client vanished (%s)", closedAfterMs, strerror(result.error));
        QVERIFY(result.error == ECONNRESET || result.error == EPIPE);
        QVERIFY2(closedAfterMs < 1000, qPrintable(QString::number(closedAfterMs)));
        QTRY_COMPARE(engine.activeConnections(), 0);
        QVERIFY(engine.connections().isEmpty());
    }
    // Listener, epoll sets, pipes and both sockets are all given back.
    QTRY_COMPARE(openDescriptors(), descriptorsBefore + 1); // + the backend's own listener
}

void tst_Faults::resetWhileHeldBackIsPassedOn_data()
{
    QTest::addColumn<bool>("clientResets");
    QTest::newRow("client resets while the backend does not read") << true;
    QTest::newRow("backend resets while the client does not read") << false;
}

void tst_Faults::resetWhileHeldBackIsPassedOn()
{
    // One side sends until backpressure stops the forwarder reading it (the other side never
    // reads), then resets. Its socket is then one we neither read nor write: the reset must still
    // reach the other side at once, not when that side finally reads or exits.
    QFETCH(bool, clientResets);
    QElapsedTimer clock;
    clock.start();
    std::promise<std::pair<int, qint64>> backendSaw; // error, when
    std::promise<qint64> backendResetAt;
    std::promise<void> mayReset; // once the test saw the stall
    LoopbackServer backend(
        [&](int fd) {
            if (clientResets) {
                qint64 at = -1;
                const int error = awaitReset(fd, clock, 10000, &at);
                backendSaw.set_value({error, at});
                return;
            }
            sendUntilStalled(fd);
            mayReset.get_future().wait_for(std::chrono::seconds(20));
            // Returning closes the socket; with SO_LINGER 0 that close is a reset.
            const linger abortive{1, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive));
            backendResetAt.set_value(clock.elapsed());
        },
        0, 64 * 1024);
    const quint16 port = freeLoopbackPort();
    Engine engine;
    QVERIFY(engine.apply(ruleSetOf({loopbackRule(QStringLiteral("faults"), port, {backend.port()})})).isEmpty());
    UniqueFd client = connectToLoopback(port);
    QVERIFY(client.isValid());

    if (clientResets) {
        const quint64 sent = sendUntilStalled(client.get());
        QVERIFY(awaitStall(engine));
        qInfo("the client got %llu bytes out before backpressure held it", sent);
        const qint64 resetAt = clock.elapsed();
        abortiveClose(client);
        auto saw = backendSaw.get_future();
        QVERIFY2(saw.wait_for(std::chrono::seconds(10)) == std::future_status::ready, "backend never saw the reset");
        const auto [error, at] = saw.get();
        QCOMPARE(error, ECONNRESET);
        qInfo("the backend saw the reset %lld ms after the client sent it", at - resetAt);
        QVERIFY2(at - resetAt < 1000, qPrintable(QString::number(at - resetAt)));
    } else {
        const bool stalled = awaitStall(engine).has_value();
        mayReset.set_value();
        QVERIFY(stalled);
        auto resetFuture = backendResetAt.get_future();
        QVERIFY(resetFuture.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        const qint64 resetAt = resetFuture.get();
        qint64 at = -1;
        const int error = awaitReset(client.get(), clock, 10000, &at);
        QCOMPARE(error, ECONNRESET);
        qInfo("the client saw the reset %lld ms after the backend sent it", at - resetAt);
        QVERIFY2(at - resetAt < 1000, qPrintable(QString::number(at - resetAt)));
    }
    QTRY_COMPARE_WITH_TIMEOUT(engine.activeConnections(), 0, 1000);
}

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
