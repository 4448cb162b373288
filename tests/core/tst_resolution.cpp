// Backend names through the system's resolver (getaddrinfo reading /etc/hosts, which the test
// controls in a mount namespace of its own): every address of a name is tried, "localhost" is
// what the system says, names are looked up again (reload, period, failure), and a name that does
// not resolve is a backend down with that reason until it resolves.

#include "core/engine/engine.h"
#include "core/net/hostresolver.h"
#include "hostsfile.h"
#include "loopbackserver.h"
#include "manualclock.h"
#include "testrules.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <future>

#include <netdb.h>
#include <sys/socket.h>

using namespace PortRelay;
using namespace PortRelay::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

Rule namedRule(const QString &name, quint16 listenPort, const QString &backend)
{
    Rule rule = loopbackRule(name, listenPort, {1});
    rule.backends[0].address = *Endpoint::parse(backend);
    return rule;
}

const BackendSnapshot &backendOf(const EngineSnapshot &snapshot, int index = 0)
{
    return snapshot.rules.constFirst().backends.at(index);
}

// Runs a blocking client on a thread of its own while this thread's event loop (the engine's)
// goes on: lookups are delivered there.
template<typename Fn>
auto whileLooping(Fn fn)
{
    auto future = std::async(std::launch::async, fn);
    while (future.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready)
        QTest::qWait(5);
    return future.get();
}

bool served(quint16 port)
{
    return whileLooping([port] {
        UniqueFd fd = connectToLoopback(port, 2000);
        return fd.isValid() && echoRoundTrip(fd.get(), QByteArrayLiteral("ping"));
    });
}

int endOfConnection(quint16 port)
{
    return whileLooping([port] { return connectAndAwaitEnd(port, 3000); });
}

// What getaddrinfo itself answers, in its order: the order the engine must keep.
QStringList systemOrder(const char *name)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *list = nullptr;
    QStringList result;
    if (::getaddrinfo(name, nullptr, &hints, &list) != 0)
        return result;
    for (const addrinfo *entry = list; entry; entry = entry->ai_next) {
        const QString text = QHostAddress(entry->ai_addr).toString();
        if (!result.contains(text))
            result << text;
    }
    ::freeaddrinfo(list);
    return result;
}

} // namespace

class tst_Resolution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void resolverKeepsTheSystemsOrder();
    void everyAddressOfANameIsTried_data();
    void everyAddressOfANameIsTried();
    void localhostIsWhatTheSystemSays();
    void unresolvableNameIsDownAndComesBack_data();
    void unresolvableNameIsDownAndComesBack();
    void movedNameIsFollowed();
    void failedBackendIsLookedUpAgain();
    void reloadLooksNamesUpAgain();
};

void tst_Resolution::init()
{
    QString why;
    if (!HostsFile::isInstalled(&why))
        QSKIP(qPrintable(why));
    HostsFile::set({});
}

void tst_Resolution::resolverKeepsTheSystemsOrder()
{
    HostsFile::set({u"127.0.0.1 both.test"_s, u"::1 both.test"_s});
    const HostResolver::Result result = HostResolver::lookup(u"both.test"_s, 80);
    QVERIFY(result.error.isEmpty());
    QStringList got;
    for (const SocketAddress &address : result.addresses)
        got << address.address().toString();
    QCOMPARE(got.size(), 2);
    QCOMPARE(got, systemOrder("both.test"));
    QCOMPARE(result.addresses.front().port(), quint16(80));

    const HostResolver::Result missing = HostResolver::lookup(u"nowhere.test"_s, 80);
    QCOMPARE(missing.error.english(), u"Name or service not known"_s);
    QVERIFY(missing.nameUnknown);
}

void tst_Resolution::everyAddressOfANameIsTried_data()
{
    QTest::addColumn<QByteArray>("listensOn");
    QTest::newRow("only IPv6 loopback listens") << QByteArray("::1");
    QTest::newRow("only IPv4 loopback listens") << QByteArray("127.0.0.1");
}

void tst_Resolution::everyAddressOfANameIsTried()
{
    // One name, two addresses, a server on only one of them: every client is served, and the
    // address that refuses is not held against the backend (one backend, one state).
    QFETCH(QByteArray, listensOn);
    HostsFile::set({u"127.0.0.1 both.test"_s, u"::1 both.test"_s});
    LoopbackServer backend(echo, 0, 0, listensOn.constData());
    const quint16 port = freeLoopbackPort();
    Rule rule = namedRule(u"both"_s, port, u"both.test:%1"_s.arg(backend.port()));
    rule.maxFails = 1; // one charged failure would mark it down
    Engine engine;
    QVERIFY(engine.apply(ruleSetOf({rule})).isEmpty());
    for (int i = 0; i < 20; ++i)
        QVERIFY2(served(port), qPrintable(u"client %1"_s.arg(i)));
    const BackendSnapshot b = backendOf(engine.snapshot());
    QCOMPARE(b.traffic.connectFailures, quint64(0));
    QCOMPARE(b.traffic.connectionsTotal, quint64(20));
    QVERIFY(b.state != BackendState::Down);
    QCOMPARE(backend.accepted(), 20);
}

void tst_Resolution::localhostIsWhatTheSystemSays()
{
    // Here "localhost" is IPv6 loopback only, and the backend listens there.
    HostsFile::set({u"::1 localhost"_s}, false);
    LoopbackServer backend(echo, 0, 0, "::1");
    const quint16 port = freeLoopbackPort();
    Rule rule = namedRule(u"local"_s, port, u"localhost:%1"_s.arg(backend.port()));
    rule.healthCheck = HealthCheck{HealthCheck::Type::Tcp, 200, 150, 1, 1, {}, {}};
    Engine engine;
    QVERIFY(engine.apply(ruleSetOf({rule})).isEmpty());
    QVERIFY(served(port));
    // The health check takes the same addresses.
    QTRY_COMPARE(backendOf(engine.snapshot()).state, BackendState::Up);
}

void tst_Resolution::unresolvableNameIsDownAndComesBack_data()
{
    QTest::addColumn<bool>("checks");
    QTest::newRow("health checks off") << false;
    QTest::newRow("health checks on") << true;
}

void tst_Resolution::unresolvableNameIsDownAndComesBack()
{
    QFETCH(bool, checks);
    LoopbackServer backend(echo);
    const quint16 port = freeLoopbackPort();
    Rule rule = namedRule(u"later"_s, port, u"later.test:%1"_s.arg(backend.port()));
    if (checks)
        rule.healthCheck = HealthCheck{HealthCheck::Type::Tcp, 200, 150, 1, 2, {}, {}};
    Engine engine;
    QSignalSpy events(&engine, &Engine::eventOccurred);
    QVERIFY(engine.apply(ruleSetOf({rule})).isEmpty());
    QTRY_COMPARE(backendOf(engine.snapshot()).state, BackendState::Down);
    const QString reason = u"cannot resolve later.test: Name or service not known"_s;
    QCOMPARE(backendOf(engine.snapshot()).lastFailure.english(), reason);
    bool told = false;
    for (const QList<QVariant> &args : events) {
        const auto event = args.at(0).value<EngineEvent>();
        told = told || (event.kind == EngineEvent::Kind::BackendStateChanged && event.to == BackendState::Down &&
                        event.message.english() == reason);
    }
    QVERIFY(told);
    QCOMPARE(endOfConnection(port), ECONNRESET); // no backend

    // The name appears: the backend comes back on its own, no restart, no reload.
    HostsFile::set({u"127.0.0.1 later.test"_s});
    QTRY_VERIFY_WITH_TIMEOUT(backendOf(engine.snapshot()).state != BackendState::Down, 6000);
    QVERIFY(served(port));
    if (checks)
        QTRY_COMPARE(backendOf(engine.snapshot()).state, BackendState::Up);
}

void tst_Resolution::movedNameIsFollowed()
{
    // The name moves to another address while the old one still answers: only looking it up
    // again (periodically) can follow it.
    quint16 backendPort = 0;
    listenOn("127.0.0.3", 1, &backendPort); // a port free on 127.0.0.3 (and, almost surely, .2)
    LoopbackServer before(echo, backendPort, 0, "127.0.0.2");
    HostsFile::set({u"127.0.0.2 moves.test"_s});
    const quint16 port = freeLoopbackPort();
    Engine::Options options;
    options.resolveIntervalMs = 300;
    Engine engine(options);
    QVERIFY(engine.apply(ruleSetOf({namedRule(u"moves"_s, port, u"moves.test:%1"_s.arg(backendPort))})).isEmpty());
    QVERIFY(served(port));
    QCOMPARE(before.accepted(), 1);

    LoopbackServer after(echo, backendPort, 0, "127.0.0.3");
    HostsFile::set({u"127.0.0.3 moves.test"_s});
    QTRY_VERIFY_WITH_TIMEOUT(served(port) && after.accepted() > 0, 3000);
    const int beforeCount = before.accepted();
    for (int i = 0; i < 5; ++i)
        QVERIFY(served(port));
    QCOMPARE(before.accepted(), beforeCount);
}

void tst_Resolution::failedBackendIsLookedUpAgain()
{
    // With the periodic lookup far away, a backend that fails is looked up again at once: a
    // container restarted at another address is found by the next clients.
    quint16 backendPort = 0;
    listenOn("127.0.0.5", 1, &backendPort);
    auto before = std::make_unique<LoopbackServer>(echo, backendPort, 0, "127.0.0.4");
    HostsFile::set({u"127.0.0.4 restarts.test"_s});
    const quint16 port = freeLoopbackPort();
    Rule rule = namedRule(u"restarts"_s, port, u"restarts.test:%1"_s.arg(backendPort));
    rule.maxFails = 1;
    Engine engine; // the default period: 30 s
    QVERIFY(engine.apply(ruleSetOf({rule})).isEmpty());
    QVERIFY(served(port));

    before.reset();                                          // gone from .4 ...
    LoopbackServer after(echo, backendPort, 0, "127.0.0.5"); // ... and up again on .5
    HostsFile::set({u"127.0.0.5 restarts.test"_s});
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(served(port), 5000); // the client that met the dead address was reset
    qInfo("served again %lld ms after the backend moved", clock.elapsed());
    QVERIFY(clock.elapsed() < 5000);
    QVERIFY(after.accepted() > 0);
}

void tst_Resolution::reloadLooksNamesUpAgain()
{
    LoopbackServer backend(echo);
    const quint16 port = freeLoopbackPort();
    const RuleSet set = ruleSetOf({namedRule(u"reload"_s, port, u"reload.test:%1"_s.arg(backend.port()))});
    // The clock stands still: the retry due 1 s after the failed lookup never comes, so only the
    // reload can find the name.
    Test::ManualClock still;
    Engine::Options options;
    options.clock = &still;
    Engine engine(options);
    QVERIFY(engine.apply(set).isEmpty());
    QTRY_COMPARE(backendOf(engine.snapshot()).state, BackendState::Down);
    HostsFile::set({u"127.0.0.1 reload.test"_s});
    QElapsedTimer clock;
    clock.start();
    QVERIFY(engine.apply(set).isEmpty()); // SIGHUP with the same file
    QTRY_VERIFY_WITH_TIMEOUT(backendOf(engine.snapshot()).state != BackendState::Down, 1500);
    qInfo("resolved %lld ms after the reload", clock.elapsed());
    QVERIFY(served(port));
}

PORTRELAY_TEST_MAIN_WITH_HOSTS_FILE(tst_Resolution)
#include "tst_resolution.moc"
