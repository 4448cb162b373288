// Balancing, health checks and failover through the real engine, with real backends on loopback
// that die and come back while clients keep connecting.

#include "core/engine/engine.h"
#include "loopbackserver.h"
#include "manualclock.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <future>
#include <map>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

using namespace PortRelay;
using namespace PortRelay::Test;

namespace {

// A backend that answers every connection with its one-letter name, then closes.
class NamedBackend
{
public:
    explicit NamedBackend(char name, quint16 port = 0)
        : m_name(name)
    {
        start(port);
    }

    void start(quint16 port = 0)
    {
        m_server = std::make_unique<LoopbackServer>(
            [this](int fd) {
                ::send(fd, &m_name, 1, MSG_NOSIGNAL);
                ::shutdown(fd, SHUT_WR);
                char sink[64];
                pollfd p{fd, POLLIN, 0};
                while (::poll(&p, 1, 2000) == 1 && ::recv(fd, sink, sizeof(sink), 0) > 0) {
                }
            },
            port);
        m_port = m_server->port();
    }
    void kill() { m_server.reset(); }
    void restart() { start(m_port); }
    quint16 port() const { return m_port; }

private:
    char m_name;
    quint16 m_port = 0;
    std::unique_ptr<LoopbackServer> m_server;
};

// Connects through the forwarder (optionally from a given 127.x address) and returns the name of
// the backend that answered, or 0 when the connection failed.
char ask(quint16 port, const char *fromAddress = nullptr)
{
    UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (fromAddress) {
        sockaddr_in local{};
        local.sin_family = AF_INET;
        ::inet_pton(AF_INET, fromAddress, &local.sin_addr);
        if (::bind(fd.get(), reinterpret_cast<sockaddr *>(&local), sizeof(local)) != 0)
            return 0;
    }
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_port = htons(port);
    target.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd.get(), reinterpret_cast<sockaddr *>(&target), sizeof(target)) != 0)
        return 0;
    const timeval limit{5, 0};
    ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof(limit));
    char name = 0;
    return ::recv(fd.get(), &name, 1, 0) == 1 ? name : 0;
}

Rule makeRule(quint16 listenPort, const QList<NamedBackend *> &backends, const QList<int> &weights = {})
{
    Rule rule;
    rule.name = QStringLiteral("lb");
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), listenPort};
    for (int i = 0; i < backends.size(); ++i) {
        rule.backends.append(Backend{Endpoint{QStringLiteral("127.0.0.1"), backends[i]->port()},
                                     weights.isEmpty() ? 1 : weights[i],
                                     false,
                                     true,
                                     {},
                                     {}});
    }
    rule.healthCheck.type = HealthCheck::Type::None;
    return rule;
}

RuleSet makeSet(const Rule &rule)
{
    RuleSet set;
    set.rules = {rule};
    return set;
}

BackendState stateOf(const Engine &engine, int backend)
{
    const EngineSnapshot snapshot = engine.snapshot();
    return snapshot.rules.constFirst().backends.at(backend).state;
}

// Clients connecting one after another, on threads of their own, until told to stop.
class Traffic
{
public:
    Traffic(quint16 port, int threads)
    {
        for (int t = 0; t < threads; ++t) {
            m_threads.push_back(std::async(std::launch::async, [this, port] {
                while (!m_stop) {
                    const char name = ask(port);
                    std::lock_guard<std::mutex> lock(m_mutex);
                    if (name == 0)
                        m_failureTimes.push_back(m_clock.elapsed());
                    else
                        ++m_answers[name];
                }
            }));
        }
    }
    ~Traffic() { stop(); }
    void stop()
    {
        m_stop = true;
        for (auto &t : m_threads)
            t.wait();
    }
    // Milliseconds since the traffic started, for each connection that failed.
    std::vector<qint64> failureTimes()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_failureTimes;
    }
    qint64 now() const { return m_clock.elapsed(); }
    int answers(char name)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_answers[name];
    }

private:
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    QElapsedTimer m_clock = [] {
        QElapsedTimer c;
        c.start();
        return c;
    }();
    std::vector<qint64> m_failureTimes;
    std::map<char, int> m_answers;
    std::vector<std::future<void>> m_threads;
};

} // namespace

class tst_Failover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void weightsShapeTheDistribution();
    void smoothRoundRobinOrderThroughTheEngine_data();
    void smoothRoundRobinOrderThroughTheEngine();
    void leastConnectionsPrefersTheIdleBackend();
    void sourceHashKeepsClientsOnTheirBackend();
    void deadBackendIsMarkedDownAndBackWithoutFailedClients();
    void backupServesOnlyWhilePrimariesAreDown();
    void sendExpectAgainstRedis();
    void silentBackendIsDownByTimeout();
    void passiveChecksMarkDownWithChecksOff();
    void onDownCloseResetsEstablishedConnections();
    void drainingTakesNoNewConnections();
    void slowStartRampsARecoveredBackendUp();
    void sendWithoutExpectReachesTheBackend();
    void passiveRevivalSurvivesARuleChange();
};

void tst_Failover::weightsShapeTheDistribution()
{
    NamedBackend a('a'), b('b'), c('c');
    const quint16 port = freeLoopbackPort();
    Engine engine;
    QVERIFY(engine.apply(makeSet(makeRule(port, {&a, &b, &c}, {5, 3, 2}))).isEmpty());
    std::map<char, int> counts;
    for (int i = 0; i < 1000; ++i)
        ++counts[ask(port)];
    QCOMPARE(counts[0], 0);
    // The workers share one cycle of 10, so 1,000 connections are exactly 100 cycles.
    QCOMPARE(counts['a'], 500);
    QCOMPARE(counts['b'], 300);
    QCOMPARE(counts['c'], 200);
}

void tst_Failover::smoothRoundRobinOrderThroughTheEngine_data()
{
    QTest::addColumn<int>("workers");
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<QByteArray>("order");
    QTest::newRow("5:1:1, one worker") << 1 << QList<int>{5, 1, 1} << QByteArray("aabacaaaabacaa");
    // With several workers the kernel hands consecutive connections to any of them; the order is
    // still the rule's (it was "b a c a a b c a b a" when each worker kept its own).
    QTest::newRow("5:1:1, four workers") << 4 << QList<int>{5, 1, 1} << QByteArray("aabacaaaabacaa");
    QTest::newRow("5:3:2, four workers") << 4 << QList<int>{5, 3, 2}
                                         << QByteArray("abcaabacba"
                                                       "abcaabacba"
                                                       "abcaabacba");
}

void tst_Failover::smoothRoundRobinOrderThroughTheEngine()
{
    QFETCH(int, workers);
    QFETCH(QList<int>, weights);
    QFETCH(QByteArray, order);
    NamedBackend a('a'), b('b'), c('c');
    const quint16 port = freeLoopbackPort();
    Engine::Options options;
    options.workers = workers;
    Engine engine(options);
    QVERIFY(engine.apply(makeSet(makeRule(port, {&a, &b, &c}, weights))).isEmpty());
    QByteArray picked;
    for (int i = 0; i < order.size(); ++i)
        picked += ask(port);
    QCOMPARE(picked, order);
}

void tst_Failover::leastConnectionsPrefersTheIdleBackend()
{
    LoopbackServer x([](int fd) { readAll(fd, 5000); });
    LoopbackServer y([](int fd) { readAll(fd, 5000); });
    LoopbackServer z([](int fd) { readAll(fd, 5000); });
    const quint16 port = freeLoopbackPort();
    Rule rule;
    rule.name = QStringLiteral("lb");
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), port};
    for (const LoopbackServer *s : {&x, &y, &z})
        rule.backends.append(Backend{Endpoint{QStringLiteral("127.0.0.1"), s->port()}, 1, false, true, {}, {}});
    rule.balance = BalanceStrategy::LeastConnections;
    rule.healthCheck.type = HealthCheck::Type::None;
    Engine engine;
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());

    std::vector<UniqueFd> held;
    for (int i = 0; i < 6; ++i) {
        held.push_back(connectToLoopback(port));
        QTRY_COMPARE(x.accepted() + y.accepted() + z.accepted(), i + 1);
    }
    // Six long connections over three idle backends: two each, never three on one.
    QCOMPARE(x.accepted(), 2);
    QCOMPARE(y.accepted(), 2);
    QCOMPARE(z.accepted(), 2);
    held.clear();
}

void tst_Failover::sourceHashKeepsClientsOnTheirBackend()
{
    NamedBackend a('a'), b('b'), c('c'), d('d'), e('e');
    const quint16 port = freeLoopbackPort();
    Rule rule = makeRule(port, {&a, &b, &c, &d, &e});
    rule.balance = BalanceStrategy::SourceHash;
    Engine engine;
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());

    auto clientAddress = [](int i) -> QByteArray {
        return QByteArray("127.0.") + QByteArray::number(1 + i / 200) + '.' + QByteArray::number(1 + i % 200);
    };
    std::map<int, char> home;
    std::map<char, int> share;
    for (int i = 0; i < 200; ++i) {
        const char first = ask(port, clientAddress(i).constData());
        QVERIFY(first != 0);
        QCOMPARE(ask(port, clientAddress(i).constData()), first);
        QCOMPARE(ask(port, clientAddress(i).constData()), first);
        home[i] = first;
        ++share[first];
    }
    QCOMPARE(int(share.size()), 5);

    // One of five leaves: only its own clients move.
    rule.backends.removeAt(2);
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());
    int moved = 0;
    for (int i = 0; i < 200; ++i) {
        const char now = ask(port, clientAddress(i).constData());
        if (home[i] != 'c')
            QCOMPARE(now, home[i]);
        moved += now != home[i];
    }
    // Exactly the removed backend's clients moved (how many it had is the hash's spread, about
    // 40 of 200 but not a fixed number: the ring is keyed by the backends' ephemeral ports).
    QCOMPARE(moved, share['c']);
}

void tst_Failover::deadBackendIsMarkedDownAndBackWithoutFailedClients()
{
    NamedBackend a('a'), b('b'), c('c');
    const quint16 port = freeLoopbackPort();
    Rule rule = makeRule(port, {&a, &b, &c});
    rule.healthCheck = HealthCheck{HealthCheck::Type::Tcp, 200, 100, 2, 2, {}, {}};
    Engine engine;
    QSignalSpy events(&engine, &Engine::eventOccurred);
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());
    QTRY_COMPARE(stateOf(engine, 1), BackendState::Up);

    Traffic traffic(port, 4);
    QTRY_VERIFY(traffic.answers('b') > 20);
    QElapsedTimer clock;
    clock.start();
    const qint64 killStarted = traffic.now();
    const qint64 killedAtEpochMs = QDateTime::currentMSecsSinceEpoch();
    b.kill();
    const qint64 killEnded = traffic.now();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(engine, 1), BackendState::Down, 5000);
    const qint64 downAfter = clock.elapsed();
    // fall x interval + timeout, plus up to one interval until the first check after the kill.
    QVERIFY2(downAfter <= 2 * 200 + 100 + 200 + 300, qPrintable(QString::number(downAfter)));
    const int bBefore = traffic.answers('b');
    // The time in the current state starts at the transition, for people to read.
    const qint64 downSince = engine.snapshot().rules.constFirst().backends.at(1).stateSinceEpochMs;
    QVERIFY2(downSince >= killedAtEpochMs && downSince <= QDateTime::currentMSecsSinceEpoch(),
             qPrintable(QStringLiteral("%1 vs killed at %2").arg(downSince).arg(killedAtEpochMs)));

    clock.restart();
    b.restart();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(engine, 1), BackendState::Up, 5000);
    QVERIFY(engine.snapshot().rules.constFirst().backends.at(1).stateSinceEpochMs > downSince);
    const qint64 upAfter = clock.elapsed();
    QVERIFY2(upAfter <= 2 * 200 + 200 + 300, qPrintable(QString::number(upAfter)));
    QTRY_VERIFY(traffic.answers('b') > bBefore + 20); // it takes traffic again
    traffic.stop();
    // Not one new client connection failed. Only those already relayed to b may break: the ones
    // its kernel had accepted into the backlog when it died are reset with it.
    for (const qint64 at : traffic.failureTimes()) {
        QVERIFY2(at >= killStarted && at <= killEnded + 200,
                 qPrintable(QStringLiteral("a client failed at %1 ms; b died between %2 and %3 ms")
                                .arg(at)
                                .arg(killStarted)
                                .arg(killEnded)));
    }
    QVERIFY(traffic.failureTimes().size() <= 4);
    qInfo("down after %lld ms, up after %lld ms, %d/%d/%d answers", downAfter, upAfter, traffic.answers('a'),
          traffic.answers('b'), traffic.answers('c'));

    bool sawDown = false;
    for (const QList<QVariant> &arguments : events) {
        const auto event = arguments.constFirst().value<EngineEvent>();
        if (event.kind == EngineEvent::Kind::BackendStateChanged && event.to == BackendState::Down) {
            QCOMPARE(event.backend, QStringLiteral("127.0.0.1:%1").arg(b.port()));
            QCOMPARE(event.from, BackendState::Up);
            // Whichever noticed first: the checks, or real traffic (failed connects, or the
            // resets of the connections b had when it died).
            QVERIFY2(event.message.english().contains(QStringLiteral("(2/2 checks)")) ||
                         event.message.english().contains(QStringLiteral("failed connects within")) ||
                         event.message.english().contains(QStringLiteral("during a transfer")),
                     qPrintable(event.message.english()));
            sawDown = true;
        }
    }
    QVERIFY(sawDown);
}

void tst_Failover::backupServesOnlyWhilePrimariesAreDown()
{
    NamedBackend primary('p'), backup('b');
    primary.kill();
    const quint16 port = freeLoopbackPort();
    Rule rule = makeRule(port, {&primary, &backup});
    rule.backends[1].backup = true;
    rule.healthCheck = HealthCheck{HealthCheck::Type::Tcp, 100, 100, 2, 1, {}, {}};
    Engine engine;
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(ask(port), 'b');
    QTRY_COMPARE(stateOf(engine, 0), BackendState::Down);
    QCOMPARE(ask(port), 'b');

    primary.restart();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(engine, 0), BackendState::Up, 3000);
    // Clients relayed to the backup, not its hits: the health checks keep connecting to it.
    const auto relayedToBackup = [&engine] {
        return engine.snapshot().rules.constFirst().backends.at(1).traffic.connectionsTotal;
    };
    const quint64 backupClients = relayedToBackup();
    QCOMPARE(backupClients, quint64(6));
    for (int i = 0; i < 10; ++i)
        QCOMPARE(ask(port), 'p');
    QCOMPARE(relayedToBackup(), backupClients);
}

void tst_Failover::sendExpectAgainstRedis()
{
    const QString redisServer = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    QVERIFY2(!redisServer.isEmpty(), "redis-server is needed (.ci/run installs it)");
    const quint16 redisPort = freeLoopbackPort();
    QProcess redis;
    redis.start(redisServer, {QStringLiteral("--port"), QString::number(redisPort), QStringLiteral("--bind"),
                              QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString()});
    QVERIFY(redis.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(connectToLoopback(redisPort, 200).isValid(), 10000);

    Rule rule;
    rule.name = QStringLiteral("redis");
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), freeLoopbackPort()};
    rule.backends = {Backend{Endpoint{QStringLiteral("127.0.0.1"), redisPort}, 1, false, true, {}, {}}};
    rule.healthCheck = HealthCheck{HealthCheck::Type::Tcp, 200, 500, 1, 2, "PING\r\n", "+PONG"};
    Engine engine;
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());
    QTRY_COMPARE(stateOf(engine, 0), BackendState::Up);

    // The same check against an answer that does not match fails.
    rule.healthCheck.expect = "+PANG";
    QSignalSpy events(&engine, &Engine::eventOccurred);
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(engine, 0), BackendState::Down, 5000);
    redis.terminate();
    QVERIFY(redis.waitForFinished(5000));
}

void tst_Failover::silentBackendIsDownByTimeout()
{
    // Accepts and never says a word.
    LoopbackServer silent([](int fd) { readAll(fd, 3000); });
    Rule rule;
    rule.name = QStringLiteral("silent");
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), freeLoopbackPort()};
    rule.backends = {Backend{Endpoint{QStringLiteral("127.0.0.1"), silent.port()}, 1, false, true, {}, {}}};
    rule.healthCheck = HealthCheck{HealthCheck::Type::Tcp, 300, 200, 1, 2, "HELLO\r\n", "OK"};
    Engine engine;
    QSignalSpy events(&engine, &Engine::eventOccurred);
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(engine, 0), BackendState::Down, 3000);
    QString reason;
    for (const QList<QVariant> &arguments : events) {
        const auto event = arguments.constFirst().value<EngineEvent>();
        if (event.kind == EngineEvent::Kind::BackendStateChanged)
            reason = event.message.english();
    }
    QCOMPARE(reason, QStringLiteral("timeout after 200 ms (2/2 checks)"));
    const EngineSnapshot snapshot = engine.snapshot();
    const BackendSnapshot &backend = snapshot.rules.constFirst().backends.constFirst();
    QCOMPARE(backend.lastFailure.english(), QStringLiteral("timeout after 200 ms"));
    QVERIFY(qAbs(backend.lastCheckEpochMs - QDateTime::currentMSecsSinceEpoch()) < 2000);
    QVERIFY(backend.lastCheckMicros >= 190000);
}

void tst_Failover::passiveChecksMarkDownWithChecksOff()
{
    NamedBackend dead('d'), good('g');
    dead.kill();
    const quint16 port = freeLoopbackPort();
    Rule rule = makeRule(port, {&dead, &good});
    rule.maxFails = 3;
    rule.failWindowMs = 1500;
    ManualClock clock;
    Engine::Options options;
    options.workers = 1;
    options.clock = &clock;
    Engine engine(options);
    QSignalSpy events(&engine, &Engine::eventOccurred);
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());

    for (int i = 0; i < 20; ++i)
        QCOMPARE(ask(port), 'g');
    QCOMPARE(stateOf(engine, 0), BackendState::Down);
    // Once marked down it is skipped: exactly max_fails attempts were wasted on it.
    QCOMPARE(engine.snapshot().rules.constFirst().backends.at(0).traffic.connectFailures, quint64(3));
    // With checks off, it is given another chance once the fail window has passed, not before.
    // The window starts when the control thread hears of the mark, which the event says.
    const auto markedDown = [&] {
        for (const QList<QVariant> &arguments : events) {
            const auto event = arguments.constFirst().value<EngineEvent>();
            if (event.kind == EngineEvent::Kind::BackendStateChanged && event.to == BackendState::Down)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(markedDown(), 2000);
    clock.advance(1499);
    QCoreApplication::sendPostedEvents();
    QCOMPARE(stateOf(engine, 0), BackendState::Down);
    clock.advance(1);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(engine, 0), BackendState::Unknown, 2000);
    QStringList transitions;
    for (const QList<QVariant> &arguments : events) {
        const auto event = arguments.constFirst().value<EngineEvent>();
        if (event.kind == EngineEvent::Kind::BackendStateChanged)
            transitions << backendStateName(*event.from) + QLatin1String("->") + backendStateName(*event.to) +
                               QLatin1String(": ") + event.message.english();
    }
    QCOMPARE(transitions,
             QStringList({QStringLiteral("unknown->down: 3 failed connects within 1500 ms (last: connection refused)"),
                          QStringLiteral("down->unknown: fail window of 1500 ms passed")}));
}

void tst_Failover::onDownCloseResetsEstablishedConnections()
{
    LoopbackServer backend([](int fd) { readAll(fd, 5000); });
    Rule rule;
    rule.name = QStringLiteral("close");
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), freeLoopbackPort()};
    rule.backends = {Backend{Endpoint{QStringLiteral("127.0.0.1"), backend.port()}, 1, false, true, {}, {}}};
    rule.healthCheck = HealthCheck{HealthCheck::Type::Tcp, 100, 100, 1, 1, {}, {}};
    rule.onDown = OnDown::Close;
    Engine engine;
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());
    QTRY_COMPARE(stateOf(engine, 0), BackendState::Up);
    UniqueFd client = connectToLoopback(rule.listen.port);
    // The client's connection and at least one health check (more under a slow build: the check
    // runs every 100 ms).
    QTRY_VERIFY(backend.accepted() >= 2);
    backend.stop(); // refuses from now on; the open connection stays
    QTRY_COMPARE(stateOf(engine, 0), BackendState::Down);
    int error = 0;
    readAll(client.get(), 3000, &error);
    QCOMPARE(error, ECONNRESET);
}

void tst_Failover::drainingTakesNoNewConnections()
{
    NamedBackend a('a'), b('b');
    const quint16 port = freeLoopbackPort();
    Engine engine;
    QVERIFY(engine.apply(makeSet(makeRule(port, {&a, &b}))).isEmpty());
    engine.setBackendDraining(QStringLiteral("lb"), 0, true);
    QCOMPARE(stateOf(engine, 0), BackendState::Draining);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(ask(port), 'b');
    engine.setBackendDraining(QStringLiteral("lb"), 0, false);
    QCOMPARE(stateOf(engine, 0), BackendState::Unknown);
    QByteArray seen;
    for (int i = 0; i < 6; ++i)
        seen += ask(port);
    QVERIFY(seen.contains('a'));
}

void tst_Failover::slowStartRampsARecoveredBackendUp()
{
    // On a clock of the test's own: it runs along with real time while the backend dies and comes
    // back, then stands still for the ramp's start and jumps past its end, so the test sleeps
    // through no ramp.
    ManualClock clock;
    QTimer running;
    QObject::connect(&running, &QTimer::timeout, [&clock] { clock.advance(5); });
    running.start(5);
    NamedBackend a('a'), b('b');
    const quint16 port = freeLoopbackPort();
    Rule rule = makeRule(port, {&a, &b});
    rule.healthCheck = HealthCheck{HealthCheck::Type::Tcp, 100, 100, 1, 3, {}, {}};
    rule.slowStartMs = 2000;
    Engine::Options options;
    options.workers = 1;
    options.clock = &clock;
    Engine engine(options);
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());
    QTRY_COMPARE(stateOf(engine, 1), BackendState::Up);
    b.kill();
    QTRY_COMPARE(stateOf(engine, 1), BackendState::Down);
    b.restart();
    QTRY_COMPARE(stateOf(engine, 1), BackendState::Up);
    running.stop();
    QTest::qWait(50); // a check under way finishes on loopback long before it could time out

    auto shareOfB = [&] {
        int hits = 0;
        for (int i = 0; i < 100; ++i)
            hits += ask(port) == 'b';
        return hits;
    };
    const int early = shareOfB(); // the ramp's first moments: a small fraction of its weight
    clock.advance(2100);
    const int late = shareOfB(); // ramp over: an equal share
    QVERIFY2(early < 20, qPrintable(QString::number(early)));
    QVERIFY2(late >= 45 && late <= 55, qPrintable(QString::number(late)));
    QCOMPARE(stateOf(engine, 1), BackendState::Up);
}

void tst_Failover::sendWithoutExpectReachesTheBackend()
{
    std::mutex mutex;
    QList<QByteArray> payloads;
    LoopbackServer backend([&](int fd) {
        const QByteArray payload = readAll(fd, 3000);
        std::lock_guard<std::mutex> lock(mutex);
        payloads.append(payload);
    });
    Rule rule;
    rule.name = QStringLiteral("quit");
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), freeLoopbackPort()};
    rule.backends = {Backend{Endpoint{QStringLiteral("127.0.0.1"), backend.port()}, 1, false, true, {}, {}}};
    rule.healthCheck = HealthCheck{HealthCheck::Type::Tcp, 200, 200, 1, 1, "QUIT\r\n", {}};
    Engine engine;
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());
    QTRY_COMPARE(stateOf(engine, 0), BackendState::Up);
    QTRY_VERIFY([&] {
        std::lock_guard<std::mutex> lock(mutex);
        return !payloads.isEmpty();
    }());
    std::lock_guard<std::mutex> lock(mutex);
    QCOMPARE(payloads.constFirst(), QByteArray("QUIT\r\n")); // sent, then closed cleanly
}

void tst_Failover::passiveRevivalSurvivesARuleChange()
{
    NamedBackend dead('d'), good('g');
    dead.kill();
    const quint16 port = freeLoopbackPort();
    Rule rule = makeRule(port, {&dead, &good});
    rule.maxFails = 1;
    rule.failWindowMs = 600;
    ManualClock clock;
    Engine::Options options;
    options.workers = 1;
    options.clock = &clock;
    Engine engine(options);
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());
    QCOMPARE(ask(port), 'g');
    QTRY_COMPARE(stateOf(engine, 0), BackendState::Down);
    // A change to the rule (same backends) carries the state over, and a fail window from the
    // change: the backend is not left down for good because its first window's timer went.
    rule.idleTimeoutMs = 60000;
    clock.advance(400);
    QVERIFY(engine.apply(makeSet(rule)).isEmpty());
    QCOMPARE(stateOf(engine, 0), BackendState::Down);
    clock.advance(599);
    QCoreApplication::sendPostedEvents();
    QCOMPARE(stateOf(engine, 0), BackendState::Down);
    clock.advance(1);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(engine, 0), BackendState::Unknown, 2000);
}

QTEST_GUILESS_MAIN(tst_Failover)
#include "tst_failover.moc"
