// Rules whose backends sit behind SSH hops, through a real OpenSSH client and a real sshd on
// loopback: the bytes, the failures a user meets (a refused backend, a dead bastion, a changed
// host key) and the recovery without user action.

#include "core/engine/engine.h"
#include "core/engine/eventformatter.h"
#include "core/hops/hopruntime.h"
#include "core/secrets/memorysecretstore.h"
#include "loopbackserver.h"
#include "sshserver.h"
#include "streampeer.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <future>
#include <vector>

#include <poll.h>
#include <sys/socket.h>

using namespace PortRelay;
using namespace PortRelay::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

Hop sshHop(const QString &name, const SshServer &server, const QString &via = QString())
{
    Hop hop;
    hop.name = name;
    hop.address = Endpoint{u"127.0.0.1"_s, server.port()};
    hop.user = server.user();
    hop.identityFile = server.clientKey();
    hop.knownHostsFile = server.knownHosts();
    hop.via = via;
    return hop;
}

Backend backendAt(quint16 port, const QString &via, bool backup = false)
{
    Backend backend;
    backend.address = Endpoint{u"127.0.0.1"_s, port};
    backend.via = via;
    backend.backup = backup;
    return backend;
}

// checkIntervalMs 0: no active checks (a backend that counts its connections sees only clients).
RuleSet ruleSetOf(const QList<Hop> &hops, const QList<Backend> &backends, quint16 listenPort, int checkIntervalMs = 500)
{
    Rule rule;
    rule.name = u"db"_s;
    rule.listen = Endpoint{u"127.0.0.1"_s, listenPort};
    rule.backends = backends;
    rule.healthCheck.type = checkIntervalMs ? HealthCheck::Type::Tcp : HealthCheck::Type::None;
    rule.healthCheck.intervalMs = qMax(checkIntervalMs, 500);
    rule.healthCheck.timeoutMs = qMin(rule.healthCheck.intervalMs, 2000);
    rule.healthCheck.rise = 1;
    rule.healthCheck.fall = 1;
    RuleSet set;
    set.hops = hops;
    set.rules = {rule};
    return set;
}

// A backend that answers every connection with its one-letter name, then closes.
std::unique_ptr<LoopbackServer> namedBackend(char name, quint16 port = 0)
{
    return std::make_unique<LoopbackServer>(
        [name](int fd) {
            ::send(fd, &name, 1, MSG_NOSIGNAL);
            ::shutdown(fd, SHUT_WR);
            char sink[64];
            pollfd p{fd, POLLIN, 0};
            while (::poll(&p, 1, 2000) == 1 && ::recv(fd, sink, sizeof(sink), 0) > 0) {
            }
        },
        port);
}

char ask(quint16 port)
{
    UniqueFd fd = connectToLoopback(port, 5000);
    if (!fd.isValid())
        return 0;
    const timeval limit{5, 0};
    ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof(limit));
    char name = 0;
    return ::recv(fd.get(), &name, 1, 0) == 1 ? name : 0;
}

QString hopState(const Engine &engine, const QString &name, QString *reason = nullptr)
{
    for (const HopSnapshot &hop : engine.snapshot().hops) {
        if (hop.name == name) {
            if (reason)
                *reason = hop.reason.english();
            return hop.state;
        }
    }
    return QString();
}

BackendSnapshot backendOf(const Engine &engine, int backend)
{
    return engine.snapshot().rules.constFirst().backends.at(backend);
}

} // namespace

class tst_SshHop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void bulkBothWaysByteExact();
    void clientHalfCloseReachesTheBackend();
    void refusedBackendFailsOverToTheNext();
    void fiftyConcurrentConnectionsOverOneMaster();
    void deadHopFailsOverToTheBackupAndRecovers_data();
    void deadHopFailsOverToTheBackupAndRecovers();
    void recheckStartsADownHopBeforeItsBackoff();
    void chainOfTwoHops();
    void passphraseComesFromTheSecretStore();
    void missingPassphraseNamesTheSecret();
    void changedHostKeyIsRefused();
    void unknownHostKeyFailsTheHop();

private:
    std::unique_ptr<SshServer> m_sshd;
};

void tst_SshHop::init()
{
    if (!SshServer::isAvailable())
        QSKIP("needs sshd, ssh and ssh-keygen (Debian: openssh-server, openssh-client)");
    m_sshd = std::make_unique<SshServer>();
    QString error;
    QVERIFY2(m_sshd->start(0, &error), qPrintable(error));
}

void tst_SshHop::bulkBothWaysByteExact()
{
    constexpr quint64 Size = 64ull << 20;
    // The backend reads everything first, then answers with as much of its own: both directions
    // carry 64 MiB, and the answer starts only after our half-close got through the channel.
    std::promise<StreamResult> backendSaw;
    LoopbackServer backend([&backendSaw](int fd) {
        StreamPeer peer;
        peer.toSend = Size;
        peer.seed = 2;
        peer.receiveFirst = true;
        backendSaw.set_value(peer.run(fd));
    });
    const quint16 port = freeLoopbackPort();
    Engine engine;
    QVERIFY(engine.apply(ruleSetOf({sshHop(u"bastion"_s, *m_sshd)}, {backendAt(backend.port(), u"bastion"_s)}, port, 0))
                .isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(hopState(engine, u"bastion"_s), u"up"_s, 10000);

    UniqueFd client = connectToLoopback(port);
    QVERIFY(client.isValid());
    auto clientRun = std::async(std::launch::async, [fd = client.get()] {
        StreamPeer peer;
        peer.toSend = Size;
        peer.seed = 1;
        return peer.run(fd);
    });
    QTRY_VERIFY_WITH_TIMEOUT(clientRun.wait_for(std::chrono::seconds(0)) == std::future_status::ready, 60000);
    const StreamResult atClient = clientRun.get();
    const StreamResult atBackend = backendSaw.get_future().get();
    QCOMPARE(atBackend.received, Size);
    QCOMPARE(atBackend.receivedHash, patternHash(1, Size));
    QVERIFY(atBackend.sawEof);
    QCOMPARE(atClient.received, Size);
    QCOMPARE(atClient.receivedHash, patternHash(2, Size));
    QVERIFY(atClient.sawEof);
    QCOMPARE(atClient.error, 0);
}

void tst_SshHop::clientHalfCloseReachesTheBackend()
{
    // The backend answers only once it has seen the end of the request: an HTTP/1.0 or a
    // `nc -N` client's way of working.
    LoopbackServer backend([](int fd) {
        char buffer[256];
        qsizetype total = 0;
        ssize_t got;
        pollfd p{fd, POLLIN, 0};
        while (::poll(&p, 1, 5000) == 1 && (got = ::recv(fd, buffer, sizeof(buffer), 0)) > 0)
            total += got;
        const QByteArray answer = "got " + QByteArray::number(total);
        ::send(fd, answer.constData(), std::size_t(answer.size()), MSG_NOSIGNAL);
    });
    const quint16 port = freeLoopbackPort();
    Engine engine;
    QVERIFY(engine.apply(ruleSetOf({sshHop(u"bastion"_s, *m_sshd)}, {backendAt(backend.port(), u"bastion"_s)}, port, 0))
                .isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(hopState(engine, u"bastion"_s), u"up"_s, 10000);

    UniqueFd client = connectToLoopback(port);
    QVERIFY(::send(client.get(), "hello", 5, MSG_NOSIGNAL) == 5);
    ::shutdown(client.get(), SHUT_WR);
    QByteArray answer;
    char buffer[64];
    pollfd p{client.get(), POLLIN, 0};
    ssize_t got;
    while (::poll(&p, 1, 10000) == 1 && (got = ::recv(client.get(), buffer, sizeof(buffer), 0)) > 0)
        answer.append(buffer, got);
    QCOMPARE(answer, QByteArray("got 5"));
}

void tst_SshHop::refusedBackendFailsOverToTheNext()
{
    auto live = namedBackend('b');
    const quint16 closed = freeLoopbackPort();
    const quint16 port = freeLoopbackPort();
    Engine engine;
    RuleSet set = ruleSetOf({sshHop(u"bastion"_s, *m_sshd)},
                            {backendAt(closed, u"bastion"_s), backendAt(live->port(), u"bastion"_s)}, port, 0);
    QVERIFY(engine.apply(set).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(hopState(engine, u"bastion"_s), u"up"_s, 10000);
    // Round robin starts at the refusing backend half of the time: every client still gets b.
    for (int i = 0; i < 6; ++i)
        QCOMPARE(ask(port), 'b');
    QTRY_VERIFY_WITH_TIMEOUT(backendOf(engine, 0).traffic.connectFailures > 0, 3000);
}

void tst_SshHop::fiftyConcurrentConnectionsOverOneMaster()
{
    constexpr int Clients = 50;
    constexpr quint64 Size = 256 * 1024;
    LoopbackServer backend([](int fd) {
        StreamPeer peer; // an echo of sorts: as much back as it got, its own pattern
        peer.toSend = Size;
        peer.seed = 7;
        peer.receiveFirst = true;
        peer.run(fd);
    });
    const quint16 port = freeLoopbackPort();
    Engine engine;
    QVERIFY(engine.apply(ruleSetOf({sshHop(u"bastion"_s, *m_sshd)}, {backendAt(backend.port(), u"bastion"_s)}, port, 0))
                .isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(hopState(engine, u"bastion"_s), u"up"_s, 10000);

    std::vector<std::future<StreamResult>> clients;
    for (int i = 0; i < Clients; ++i) {
        clients.push_back(std::async(std::launch::async, [port, i] {
            UniqueFd fd = connectToLoopback(port);
            StreamPeer peer;
            peer.toSend = Size;
            peer.seed = quint64(100 + i);
            peer.timeoutMs = 60000;
            return fd.isValid() ? peer.run(fd.get()) : StreamResult{};
        }));
    }
    for (auto &client : clients) {
        QTRY_VERIFY_WITH_TIMEOUT(client.wait_for(std::chrono::seconds(0)) == std::future_status::ready, 60000);
        const StreamResult result = client.get();
        QCOMPARE(result.received, Size);
        QCOMPARE(result.receivedHash, patternHash(7, Size));
        QVERIFY(result.sawEof);
    }
    // One master carried them all: one SSH connection at the server.
    QCOMPARE(m_sshd->log().count(u"Accepted publickey"_s), 1);
}

void tst_SshHop::deadHopFailsOverToTheBackupAndRecovers_data()
{
    QTest::addColumn<int>("checkIntervalMs");
    QTest::addColumn<BackendState>("healthy"); // what a working backend shows
    QTest::newRow("active checks") << 500 << BackendState::Up;
    // No checks: the hop's state alone takes its backends down and back.
    QTest::newRow("no checks") << 0 << BackendState::Unknown;
}

void tst_SshHop::deadHopFailsOverToTheBackupAndRecovers()
{
    QFETCH(int, checkIntervalMs);
    QFETCH(BackendState, healthy);
    auto behindHop = namedBackend('a');
    auto backup = namedBackend('z');
    const quint16 port = freeLoopbackPort();
    Engine engine;
    QSignalSpy events(&engine, &Engine::eventOccurred);
    QVERIFY(engine
                .apply(ruleSetOf({sshHop(u"bastion"_s, *m_sshd)},
                                 {backendAt(behindHop->port(), u"bastion"_s), backendAt(backup->port(), {}, true)},
                                 port, checkIntervalMs))
                .isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(hopState(engine, u"bastion"_s), u"up"_s, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(backendOf(engine, 0).state, healthy, 10000);
    QCOMPARE(ask(port), 'a');

    m_sshd->kill();
    // The master sees its connection end at once; the backend follows within a check.
    QTRY_COMPARE_WITH_TIMEOUT(hopState(engine, u"bastion"_s), u"down"_s, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(backendOf(engine, 0).state, BackendState::Down, 2000);
    QVERIFY2(backendOf(engine, 0).lastFailure.english().contains(u"hop \"bastion\""_s),
             qPrintable(backendOf(engine, 0).lastFailure.english()));
    QCOMPARE(ask(port), 'z');

    // Back without anyone doing anything: the master is restarted with backoff (1 s, then 2 s).
    QString error;
    QVERIFY2(m_sshd->start(m_sshd->port(), &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(hopState(engine, u"bastion"_s), u"up"_s, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(backendOf(engine, 0).state, healthy, 3000);
    QCOMPARE(ask(port), 'a');

    bool sawDown = false;
    for (const QList<QVariant> &event : events) {
        const auto e = event.at(0).value<EngineEvent>();
        if (e.kind == EngineEvent::Kind::HopStateChanged && e.hop == u"bastion"_s && e.hopState == u"down"_s)
            sawDown = true;
    }
    QVERIFY(sawDown);
}

void tst_SshHop::recheckStartsADownHopBeforeItsBackoff()
{
    // What a wake from sleep or a network change does (Engine::recheckHops()).
    m_sshd->kill();
    auto behind = namedBackend('a');
    int downs = 0; // before the engine, which reports as it stops
    Engine engine;
    connect(&engine, &Engine::eventOccurred, this, [&downs](const EngineEvent &event) {
        downs += event.kind == EngineEvent::Kind::HopStateChanged && event.hopState == u"down"_s;
    });
    QVERIFY(engine
                .apply(ruleSetOf({sshHop(u"bastion"_s, *m_sshd)}, {backendAt(behind->port(), u"bastion"_s)},
                                 freeLoopbackPort()))
                .isEmpty());
    // Two failures: the next try is 4 s (±20%) away.
    QTRY_VERIFY_WITH_TIMEOUT(downs >= 2, 8000);
    QString error;
    QVERIFY2(m_sshd->start(m_sshd->port(), &error), qPrintable(error));
    QElapsedTimer clock;
    clock.start();
    engine.recheckHops();
    QTRY_COMPARE_WITH_TIMEOUT(hopState(engine, u"bastion"_s), u"up"_s, 2500);
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
}

void tst_SshHop::chainOfTwoHops()
{
    // The inner server listens on loopback too, but is reached only through the outer one: the
    // inner hop's address is resolved and dialled on the far side of "outer".
    SshServer inner;
    QString error;
    QVERIFY2(inner.start(0, &error), qPrintable(error));
    auto behind = namedBackend('i');
    const quint16 port = freeLoopbackPort();
    Engine engine;
    QVERIFY(engine
                .apply(ruleSetOf({sshHop(u"outer"_s, *m_sshd), sshHop(u"inner"_s, inner, u"outer"_s)},
                                 {backendAt(behind->port(), u"inner"_s)}, port))
                .isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(hopState(engine, u"inner"_s), u"up"_s, 15000);
    QCOMPARE(hopState(engine, u"outer"_s), u"up"_s);
    QCOMPARE(ask(port), 'i');
    QVERIFY(m_sshd->log().contains(u"Accepted publickey"_s));
    QVERIFY(inner.log().contains(u"Accepted publickey"_s));
}

void tst_SshHop::passphraseComesFromTheSecretStore()
{
    const QString passphrase = u"correct horse battery staple"_s;
    Hop hop = sshHop(u"bastion"_s, *m_sshd);
    hop.identityFile = m_sshd->addClientKey(u"locked_key"_s, passphrase);
    QVERIFY(!hop.identityFile.isEmpty());
    hop.passphraseSecret = u"bastion-key"_s;
    MemorySecretStore secrets;
    QObject context;
    bool written = false;
    secrets.write(u"bastion-key"_s, passphrase.toUtf8(), &context,
                  [&written](const SecretStore::Result &r) { written = r.ok(); });
    QTRY_VERIFY(written);

    auto behind = namedBackend('a');
    const quint16 port = freeLoopbackPort();
    Engine::Options options;
    options.secrets = &secrets;
    QList<QByteArray> log; // before the engine, which reports as it stops
    Engine engine(options);
    connect(&engine, &Engine::eventOccurred, this, [&log](const EngineEvent &event) {
        log.append(EventFormatter::format(event, EventFormatter::Format::Json));
    });
    QVERIFY(engine.apply(ruleSetOf({hop}, {backendAt(behind->port(), u"bastion"_s)}, port)).isEmpty());
    QString reason;
    QTRY_VERIFY_WITH_TIMEOUT(hopState(engine, u"bastion"_s, &reason) == u"up"_s, 10000);
    QVERIFY2(hopState(engine, u"bastion"_s, &reason) == u"up"_s, log.join('\n').constData());
    QCOMPARE(ask(port), 'a');
    QVERIFY(m_sshd->log().contains(u"Accepted publickey"_s));
    // The secret went to ssh alone: not in the events, not in the command lines of our processes.
    QVERIFY(!log.isEmpty());
    for (const QByteArray &line : log)
        QVERIFY2(!line.contains(passphrase.toUtf8()), line.constData());
    QProcess ps;
    ps.start(u"ps"_s, {u"-eo"_s, u"args"_s});
    QVERIFY(ps.waitForFinished(5000));
    const QByteArray commandLines = ps.readAllStandardOutput();
    QVERIFY(commandLines.contains("ssh -M"));
    QVERIFY(!commandLines.contains(passphrase.toUtf8()));
}

void tst_SshHop::missingPassphraseNamesTheSecret()
{
    Hop hop = sshHop(u"bastion"_s, *m_sshd);
    hop.identityFile = m_sshd->addClientKey(u"locked_key"_s, u"some passphrase"_s);
    hop.passphraseSecret = u"bastion-key"_s;
    MemorySecretStore secrets; // empty
    auto behind = namedBackend('a');
    Engine::Options options;
    options.secrets = &secrets;
    Engine engine(options);
    QVERIFY(engine.apply(ruleSetOf({hop}, {backendAt(behind->port(), u"bastion"_s)}, freeLoopbackPort())).isEmpty());
    QString reason;
    QTRY_VERIFY_WITH_TIMEOUT(hopState(engine, u"bastion"_s, &reason) == u"down"_s && !reason.isEmpty(), 10000);
    QCOMPARE(reason, u"passphrase needed: add secret \"bastion-key\""_s);
    QTRY_COMPARE_WITH_TIMEOUT(backendOf(engine, 0).state, BackendState::Down, 3000);
    QVERIFY2(backendOf(engine, 0).lastFailure.english().contains(u"passphrase needed"_s),
             qPrintable(backendOf(engine, 0).lastFailure.english()));
}

void tst_SshHop::changedHostKeyIsRefused()
{
    const auto fingerprintOf = [this] {
        QProcess keygen;
        keygen.start(u"ssh-keygen"_s, {u"-l"_s, u"-f"_s, m_sshd->hostPublicKey()});
        keygen.waitForFinished(5000);
        return QString::fromLatin1(keygen.readAllStandardOutput().split(' ').value(1));
    };
    const QString before = fingerprintOf();
    QVERIFY(before.startsWith(u"SHA256:"_s));
    QVERIFY(m_sshd->replaceHostKey());
    const QString after = fingerprintOf();
    m_sshd->kill();
    QString error;
    QVERIFY2(m_sshd->start(m_sshd->port(), &error), qPrintable(error));
    auto behind = namedBackend('a');
    Engine engine;
    QVERIFY(engine
                .apply(ruleSetOf({sshHop(u"bastion"_s, *m_sshd)}, {backendAt(behind->port(), u"bastion"_s)},
                                 freeLoopbackPort()))
                .isEmpty());
    QString reason;
    QTRY_VERIFY_WITH_TIMEOUT(hopState(engine, u"bastion"_s, &reason) == u"down"_s && !reason.isEmpty(), 10000);
    // Both keys named: what the server shows now, and what known_hosts has.
    QVERIFY2(reason.startsWith(u"host key changed for %1@127.0.0.1:"_s.arg(m_sshd->user())), qPrintable(reason));
    QVERIFY2(reason.contains(u"now shows "_s + after), qPrintable(reason));
    QVERIFY2(reason.contains(m_sshd->knownHosts() + u" has "_s + before), qPrintable(reason));
    QVERIFY(!m_sshd->log().contains(u"Accepted publickey"_s));
}

void tst_SshHop::unknownHostKeyFailsTheHop()
{
    Hop hop = sshHop(u"bastion"_s, *m_sshd);
    QTemporaryDir empty;
    hop.knownHostsFile = empty.filePath(u"known_hosts"_s);
    auto behind = namedBackend('a');
    Engine engine;
    QVERIFY(engine.apply(ruleSetOf({hop}, {backendAt(behind->port(), u"bastion"_s)}, freeLoopbackPort())).isEmpty());
    QString reason;
    QTRY_VERIFY_WITH_TIMEOUT(hopState(engine, u"bastion"_s, &reason) == u"down"_s && !reason.isEmpty(), 10000);
    QVERIFY2(reason.startsWith(u"unknown host key for "_s), qPrintable(reason));
    QVERIFY(!QFile::exists(hop.knownHostsFile)); // nothing was accepted on the user's behalf
}

QTEST_GUILESS_MAIN(tst_SshHop)
#include "tst_sshhop.moc"
