// HealthProbe on an EventLoop driven by the test, against real loopback servers: every outcome
// a check can have, send/expect with the reply split at the expected text, every address of a
// name tried, timeouts on a clock moved by hand, and thousands of probes on one loop.
#include "core/health/healthprobe.h"
#include "core/net/directtcpconnector.h"
#include "core/net/ruleruntime.h"
#include "core/net/sockets.h"
#include "eventlooprun.h"
#include "loopbackserver.h"
#include "manualclock.h"
#include "testrules.h"

#include <QtTest>

#include <cerrno>
#include <optional>

#include <sys/socket.h>
#include <unistd.h>

using namespace PortRelay;
using namespace PortRelay::Test;

namespace {

SocketAddress loopback(quint16 port)
{
    return SocketAddress(QHostAddress::LocalHost, port);
}

std::shared_ptr<RuleRuntime> runtimeFor(const std::vector<std::vector<SocketAddress>> &backends,
                                        const QByteArray &send = {}, const QByteArray &expect = {},
                                        int timeoutMs = 1000)
{
    QList<quint16> ports;
    for (const auto &addresses : backends)
        ports.append(addresses.front().port());
    Rule rule = loopbackRule(QStringLiteral("probe"), freeLoopbackPort(), ports);
    rule.healthCheck.type = HealthCheck::Type::Tcp;
    rule.healthCheck.intervalMs = 100;
    rule.healthCheck.timeoutMs = timeoutMs;
    rule.healthCheck.send = send;
    rule.healthCheck.expect = expect;
    std::vector<std::shared_ptr<const AddressList>> lists;
    for (const auto &addresses : backends)
        lists.push_back(AddressList::make(addresses));
    return std::make_shared<RuleRuntime>(rule, lists);
}

// A server that answers each connection with the given pieces, a pause between them, and then
// closes, or holds the connection open until the client goes (or five seconds pass).
LoopbackServer::Handler replying(QList<QByteArray> pieces, bool hold)
{
    return [pieces, hold](int fd) {
        char request[256];
        [[maybe_unused]] const ssize_t got = ::recv(fd, request, sizeof(request), 0);
        for (const QByteArray &piece : pieces) {
            ::send(fd, piece.constData(), std::size_t(piece.size()), MSG_NOSIGNAL);
            QThread::msleep(30);
        }
        if (hold)
            readAll(fd, 5000);
    };
}

} // namespace

class tst_HealthProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outcomes_data();
    void outcomes();
    void everyAddressOfANameIsTried();
    void silentBackendTimesOutOnTheClock();
    void scheduleRepeatsAtTheInterval();
    void thousandsOfProbesOnOneLoop();
};

void tst_HealthProbe::outcomes_data()
{
    QTest::addColumn<QList<QByteArray>>("reply");
    QTest::addColumn<QByteArray>("send");
    QTest::addColumn<QByteArray>("expect");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("received");
    QTest::addColumn<bool>("closes"); // the server closes after its reply

    using Kind = HealthProbe::Outcome::Kind;
    QTest::newRow("connect") << QList<QByteArray>() << QByteArray() << QByteArray() << int(Kind::Connected)
                             << QByteArray() << false;
    QTest::newRow("send") << QList<QByteArray>() << QByteArray("PING\r\n") << QByteArray() << int(Kind::Sent)
                          << QByteArray() << false;
    QTest::newRow("expect in one piece") << QList<QByteArray>{"+PONG\r\n"} << QByteArray("PING\r\n")
                                         << QByteArray("+PONG") << int(Kind::Answered) << QByteArray() << false;
    // The expected text straddles two reads: found at the seam.
    QTest::newRow("expect split") << QList<QByteArray>{"hello +PO", "NG\r\n"} << QByteArray("PING\r\n")
                                  << QByteArray("+PONG") << int(Kind::Answered) << QByteArray() << false;
    // Something else, and then silence until the timeout: what came is what the user needs.
    QTest::newRow("unexpected") << QList<QByteArray>{"-ERR nope\r\n"} << QByteArray("PING\r\n") << QByteArray("+PONG")
                                << int(Kind::Unexpected) << QByteArray("-ERR nope\r\n") << false;
    QTest::newRow("unexpected, closed") << QList<QByteArray>{"-ERR", " nope\r\n"} << QByteArray("PING\r\n")
                                        << QByteArray("+PONG") << int(Kind::Unexpected) << QByteArray("-ERR nope\r\n")
                                        << true;
    QTest::newRow("closed before a byte") << QList<QByteArray>() << QByteArray("PING\r\n") << QByteArray("+PONG")
                                          << int(Kind::Closed) << QByteArray() << true;
}

void tst_HealthProbe::outcomes()
{
    QFETCH(QList<QByteArray>, reply);
    QFETCH(QByteArray, send);
    QFETCH(QByteArray, expect);
    QFETCH(int, kind);
    QFETCH(QByteArray, received);
    QFETCH(bool, closes);

    QByteArray sentToServer;
    std::mutex mutex;
    // The handler runs on the server's threads: it gets copies of what it reads.
    LoopbackServer server([&, reply, closes](int fd) {
        if (reply.isEmpty() && !closes) {
            const QByteArray got = readAll(fd, 5000);
            std::lock_guard<std::mutex> lock(mutex);
            sentToServer = got;
            return;
        }
        replying(reply, !closes)(fd);
    });
    auto runtime = runtimeFor({{loopback(server.port())}}, send, expect);
    EventLoop loop(Clock::system());
    DirectTcpConnector connector;
    std::optional<HealthProbe::Outcome> outcome;
    HealthProbe probe(runtime, 0, connector, loop, [&](const HealthProbe::Outcome &o) { outcome = o; });
    probe.checkNow();
    QVERIFY(runUntil(loop, [&] { return outcome.has_value(); }));
    QCOMPARE(int(outcome->kind), kind);
    QCOMPARE(outcome->received, received);
    QVERIFY(!probe.isChecking());
    QVERIFY(outcome->micros > 0);
    if (reply.isEmpty() && !closes) {
        // A passed check closes cleanly, so what it sent arrives whole.
        QTRY_COMPARE_WITH_TIMEOUT(server.accepted(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                std::lock_guard<std::mutex> lock(mutex);
                return sentToServer == send;
            }(),
            5000);
    }
}

void tst_HealthProbe::everyAddressOfANameIsTried()
{
    // The first address refuses, the second answers: the check passes, and the address that
    // answered is the one traffic tries first from now on.
    LoopbackServer server(&echo);
    const quint16 refusing = freeLoopbackPort();
    auto runtime = runtimeFor({{loopback(refusing), loopback(server.port())}});
    EventLoop loop(Clock::system());
    DirectTcpConnector connector;
    std::optional<HealthProbe::Outcome> outcome;
    HealthProbe probe(runtime, 0, connector, loop, [&](const HealthProbe::Outcome &o) { outcome = o; });
    probe.checkNow();
    QVERIFY(runUntil(loop, [&] { return outcome.has_value(); }));
    QCOMPARE(int(outcome->kind), int(HealthProbe::Outcome::Kind::Connected));
    QCOMPARE(runtime->backend(0).preferredAddress.load(), 1);

    // With none left that answers, the check fails with the refusal.
    server.stop();
    outcome.reset();
    probe.checkNow();
    QVERIFY(runUntil(loop, [&] { return outcome.has_value(); }));
    QCOMPARE(int(outcome->kind), int(HealthProbe::Outcome::Kind::Failed));
    QCOMPARE(outcome->error, ECONNREFUSED);
}

void tst_HealthProbe::silentBackendTimesOutOnTheClock()
{
    // Accepts and never answers the expected text: only the check's timeout ends it, on a clock
    // moved by hand, so the test waits for no real timeout.
    LoopbackServer server([](int fd) { readAll(fd, 5000); });
    auto runtime = runtimeFor({{loopback(server.port())}}, "PING\r\n", "+PONG", 60000);
    ManualClock clock;
    EventLoop loop(clock);
    DirectTcpConnector connector;
    std::optional<HealthProbe::Outcome> outcome;
    HealthProbe probe(runtime, 0, connector, loop, [&](const HealthProbe::Outcome &o) { outcome = o; });
    probe.checkNow();
    QVERIFY(!runUntil(
        loop, [&] { return outcome.has_value(); }, 300));
    QVERIFY(probe.isChecking());
    clock.advance(59000);
    QVERIFY(!runUntil(
        loop, [&] { return outcome.has_value(); }, 100));
    clock.advance(1000);
    QVERIFY(runUntil(loop, [&] { return outcome.has_value(); }));
    QCOMPARE(int(outcome->kind), int(HealthProbe::Outcome::Kind::TimedOut));
    QCOMPARE(outcome->error, ETIMEDOUT);
    QVERIFY(!probe.isChecking());
}

void tst_HealthProbe::scheduleRepeatsAtTheInterval()
{
    LoopbackServer server(&echo);
    auto runtime = runtimeFor({{loopback(server.port())}});
    ManualClock clock;
    EventLoop loop(clock);
    DirectTcpConnector connector;
    int checks = 0;
    HealthProbe probe(runtime, 0, connector, loop, [&](const HealthProbe::Outcome &o) {
        QVERIFY(o.passed());
        ++checks;
    });
    probe.schedule(clock.nowMs() + 50);
    QVERIFY(!runUntil(
        loop, [&] { return checks > 0; }, 200));
    for (int round = 1; round <= 5; ++round) {
        clock.advance(round == 1 ? 50 : 100); // interval 100 ms
        QVERIFY(runUntil(loop, [&] { return checks == round; }));
        QVERIFY(!runUntil(
            loop, [&] { return checks > round; }, 50));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.accepted(), 5, 5000);
}

void tst_HealthProbe::thousandsOfProbesOnOneLoop()
{
    // 3,000 backends (every other one refusing) checked at once from one loop: each gets its own
    // outcome, and no descriptor is left behind. (Fewer where the descriptor limit is lower.)
    const int Count = int(qMin<long>(3000, Sockets::raiseDescriptorLimit() - 200));
    QVERIFY(Count >= 500);
    // The kernel completes the handshakes into the accept queue; nobody needs to accept.
    quint16 listening = 0;
    const UniqueFd listener = listenOnLoopback(Count, &listening);
    const quint16 refusing = freeLoopbackPort();
    std::vector<std::vector<SocketAddress>> backends;
    for (int i = 0; i < Count; ++i)
        backends.push_back({loopback(i % 2 ? refusing : listening)});
    auto runtime = runtimeFor(backends);
    EventLoop loop(Clock::system());
    DirectTcpConnector connector;
    std::vector<int> kinds(Count, -1);
    int done = 0;
    std::vector<std::unique_ptr<HealthProbe>> probes;
    for (int i = 0; i < Count; ++i) {
        probes.push_back(std::make_unique<HealthProbe>(runtime, i, connector, loop,
                                                       [&kinds, &done, i](const HealthProbe::Outcome &o) {
                                                           kinds[std::size_t(i)] = int(o.kind);
                                                           ++done;
                                                       }));
    }
    const int descriptorsBefore = int(QDir(QStringLiteral("/proc/self/fd")).count());
    for (auto &probe : probes)
        probe->checkNow();
    QVERIFY(runUntil(
        loop, [&] { return done == Count; }, 20000));
    for (int i = 0; i < Count; ++i) {
        const auto expected = i % 2 ? HealthProbe::Outcome::Kind::Failed : HealthProbe::Outcome::Kind::Connected;
        QCOMPARE(kinds[std::size_t(i)], int(expected));
    }
    QCOMPARE(int(QDir(QStringLiteral("/proc/self/fd")).count()), descriptorsBefore);
}

QTEST_GUILESS_MAIN(tst_HealthProbe)
#include "tst_healthprobe.moc"
