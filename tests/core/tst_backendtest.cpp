// "Test Backends" is the rule's real health check, once per backend, against real servers on
// loopback: what the editor shows is what the engine will find.

#include "core/health/backendtest.h"
#include "tests/support/loopbackserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <netdb.h>
#include <sys/socket.h>

using namespace PortRelay;
using namespace PortRelay::Test;
using namespace Qt::StringLiterals;

namespace {

// Answers what the client sends first with reply, then holds the connection until the client goes.
LoopbackServer::Handler answering(QByteArray reply)
{
    return [reply](int fd) {
        char request[256];
        [[maybe_unused]] const ssize_t got = ::recv(fd, request, sizeof(request), 0);
        ::send(fd, reply.constData(), std::size_t(reply.size()), MSG_NOSIGNAL);
        readAll(fd, 5000);
    };
}

Backend backendAt(const QString &address, bool enabled = true)
{
    return Backend{*Endpoint::parse(address), 1, false, enabled, {}, {}};
}

Rule ruleWith(const QList<Backend> &backends)
{
    Rule rule;
    rule.name = u"api"_s;
    rule.listen = *Endpoint::parse(u"127.0.0.1:1");
    rule.backends = backends;
    return rule;
}

struct Outcome
{
    bool passed = false;
    qint64 micros = -1;
    QString text; // English
};

// Runs the test and waits for its end: the outcome of each backend, by index.
void runToEnd(BackendTest &test, const Rule &rule, QMap<int, Outcome> &outcomes, int timeoutMs = 8000)
{
    int finished = 0;
    QObject context;
    QObject::connect(&test, &BackendTest::tested, &context,
                     [&](int backend, bool passed, qint64 micros, const Message &result) {
                         QVERIFY2(!outcomes.contains(backend), "a backend reported twice");
                         outcomes.insert(backend, Outcome{passed, micros, result.english()});
                     });
    QObject::connect(&test, &BackendTest::finished, &context, [&] { ++finished; });
    test.run(rule);
    QTRY_VERIFY_WITH_TIMEOUT(finished > 0, timeoutMs);
    QCOMPARE(finished, 1);
    QCOMPARE(outcomes.size(), rule.backends.size());
    QVERIFY(!test.isRunning());
}

} // namespace

class tst_BackendTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectsToEachBackend();
    void sendsAndExpectsAsTheRuleSays();
    void namesAreLookedUp();
    void checksOffMeansAConnectWithinTheConnectTimeout();
    void checkTimeoutIsTheChecks();
    void aNewRunDropsTheOldOne();
    void backendsBehindAHopAreNeverTriedDirectly();
    void noBackends();
};

void tst_BackendTest::connectsToEachBackend()
{
    LoopbackServer live(&echo);
    const quint16 closed = freeLoopbackPort();
    // A disabled backend is tested too: the user asked about it.
    const Rule rule = ruleWith({backendAt(u"127.0.0.1:%1"_s.arg(live.port())), backendAt(u"127.0.0.1:%1"_s.arg(closed)),
                                backendAt(u"127.0.0.1:%1"_s.arg(live.port()), false)});
    BackendTest test;
    QMap<int, Outcome> outcomes;
    runToEnd(test, rule, outcomes);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(outcomes[0].passed);
    QVERIFY(outcomes[0].micros > 0);
    QCOMPARE(outcomes[0].text, u"connected"_s);
    QVERIFY(!outcomes[1].passed);
    QCOMPARE(outcomes[1].text, u"connection refused"_s);
    QVERIFY(outcomes[2].passed);
    QTRY_COMPARE_WITH_TIMEOUT(live.accepted(), 2, 5000);
}

void tst_BackendTest::backendsBehindAHopAreNeverTriedDirectly()
{
    LoopbackServer live(&echo);
    Rule rule =
        ruleWith({backendAt(u"127.0.0.1:%1"_s.arg(live.port())), backendAt(u"127.0.0.1:%1"_s.arg(live.port()))});
    rule.backends[1].via = u"bastion"_s;
    BackendTest test;
    QMap<int, Outcome> outcomes;
    runToEnd(test, rule, outcomes);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(outcomes[0].passed);
    QVERIFY(!outcomes[1].passed);
    QVERIFY2(outcomes[1].text.startsWith(u"reached through hop \"bastion\""_s), qPrintable(outcomes[1].text));
    QTest::qWait(100);
    QCOMPARE(live.accepted(), 1); // only the direct one
}

void tst_BackendTest::sendsAndExpectsAsTheRuleSays()
{
    LoopbackServer pong(answering("+PONG\r\n"));
    LoopbackServer error(answering("-ERR unknown command\r\n"));
    Rule rule =
        ruleWith({backendAt(u"127.0.0.1:%1"_s.arg(pong.port())), backendAt(u"127.0.0.1:%1"_s.arg(error.port()))});
    rule.healthCheck.send = "PING\r\n";
    rule.healthCheck.expect = "+PONG";
    BackendTest test;
    QMap<int, Outcome> outcomes;
    runToEnd(test, rule, outcomes);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(outcomes[0].passed);
    QCOMPARE(outcomes[0].text, u"answered as expected"_s);
    QVERIFY(!outcomes[1].passed);
    // The health checker's words, as the event log would say them.
    QCOMPARE(outcomes[1].text, u"expected \"+PONG\", got \"-ERR unknown command\""_s);
}

void tst_BackendTest::namesAreLookedUp()
{
    // "localhost" may resolve to ::1 first; every address is tried in turn, as traffic does.
    // A root without an /etc/hosts (a bare chroot) cannot resolve it at all: nothing to test there.
    addrinfo *found = nullptr;
    if (::getaddrinfo("localhost", nullptr, nullptr, &found) != 0)
        QSKIP("\"localhost\" does not resolve on this system (no /etc/hosts entry)");
    ::freeaddrinfo(found);
    LoopbackServer live(&echo);
    const Rule rule = ruleWith({backendAt(u"localhost:%1"_s.arg(live.port()))});
    BackendTest test;
    QMap<int, Outcome> outcomes;
    runToEnd(test, rule, outcomes);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(outcomes[0].passed, qPrintable(outcomes[0].text));
}

void tst_BackendTest::checksOffMeansAConnectWithinTheConnectTimeout()
{
    UnresponsiveListener silent;
    Rule rule = ruleWith({backendAt(u"127.0.0.1:%1"_s.arg(silent.port()))});
    rule.healthCheck.type = HealthCheck::Type::None;
    rule.connectTimeoutMs = 300;
    const Rule tested = BackendTest::testedRule(rule);
    QCOMPARE(tested.healthCheck.type, HealthCheck::Type::Tcp);
    QCOMPARE(tested.healthCheck.timeoutMs, 300);

    BackendTest test;
    QElapsedTimer timer;
    timer.start();
    QMap<int, Outcome> outcomes;
    runToEnd(test, rule, outcomes);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!outcomes[0].passed);
    QCOMPARE(outcomes[0].text, u"timeout after 300 ms"_s);
    QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
}

void tst_BackendTest::checkTimeoutIsTheChecks()
{
    // A backend that accepts and never answers the expected text: the check's own timeout ends it.
    LoopbackServer mute([](int fd) { readAll(fd, 5000); });
    Rule rule = ruleWith({backendAt(u"127.0.0.1:%1"_s.arg(mute.port()))});
    rule.healthCheck.send = "PING\r\n";
    rule.healthCheck.expect = "+PONG";
    rule.healthCheck.timeoutMs = 250;
    rule.connectTimeoutMs = 5000;
    BackendTest test;
    QMap<int, Outcome> outcomes;
    runToEnd(test, rule, outcomes);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!outcomes[0].passed);
    QCOMPARE(outcomes[0].text, u"timeout after 250 ms"_s);
}

void tst_BackendTest::aNewRunDropsTheOldOne()
{
    UnresponsiveListener silent;
    LoopbackServer live(&echo);
    Rule slow = ruleWith({backendAt(u"127.0.0.1:%1"_s.arg(silent.port()))});
    slow.healthCheck.timeoutMs = 400;
    BackendTest test;
    QSignalSpy tested(&test, &BackendTest::tested);
    test.run(slow);
    QVERIFY(test.isRunning());
    QMap<int, Outcome> outcomes;
    runToEnd(test, ruleWith({backendAt(u"127.0.0.1:%1"_s.arg(live.port()))}), outcomes);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(outcomes[0].passed);
    // The first run's timeout passes without a word of it.
    QTest::qWait(600);
    QCOMPARE(tested.count(), 1);

    test.run(slow);
    test.cancel();
    QVERIFY(!test.isRunning());
    QTest::qWait(600);
    QCOMPARE(tested.count(), 1);
}

void tst_BackendTest::noBackends()
{
    BackendTest test;
    QSignalSpy finished(&test, &BackendTest::finished);
    test.run(ruleWith({}));
    QCOMPARE(finished.count(), 1);
}

QTEST_GUILESS_MAIN(tst_BackendTest)
#include "tst_backendtest.moc"
