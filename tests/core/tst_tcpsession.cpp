// TcpSession on an event loop of its own, between real loopback connections: the relay through
// transports that wait on their own terms (TestTransport, as TLS does), half-close and reset
// passed on, the handshake phase, and the connect rounds' backoff on a clock moved by hand.
#include "core/net/directtcpconnector.h"
#include "core/net/ruleruntime.h"
#include "core/net/sessionhost.h"
#include "core/net/sockets.h"
#include "core/net/tcpsession.h"
#include "core/net/transportslot.h"
#include "loopbackserver.h"
#include "manualclock.h"
#include "streampeer.h"
#include "testrules.h"
#include "testtransport.h"

#include <QtTest>

#include <cerrno>
#include <future>
#include <mutex>
#include <thread>

#include <poll.h>
#include <sys/socket.h>

using namespace PortRelay;
using namespace PortRelay::Test;

namespace {

SocketAddress loopback(quint16 port)
{
    return SocketAddress(QHostAddress::LocalHost, port);
}

// Connections made through DirectTcpConnector, handed to the session as TestTransports.
class TestTransportConnector final : public UpstreamConnector
{
public:
    std::unique_ptr<ConnectAttempt> connect(BackendRuntime &backend, qint64 deadlineMs,
                                            const Clock &clock) const override
    {
        return std::make_unique<Attempt>(m_direct.connect(backend, deadlineMs, clock), *this);
    }

    // The transports handed out; they live as long as their sessions (the rig keeps those).
    std::vector<TestTransport *> made() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_made;
    }

private:
    class Attempt final : public ConnectAttempt
    {
    public:
        Attempt(std::unique_ptr<ConnectAttempt> inner, const TestTransportConnector &owner)
            : m_inner(std::move(inner))
            , m_owner(owner)
        {}
        Progress start(qint64 now) override { return m_inner->start(now); }
        Progress onIo(quint32 events, qint64 now) override { return m_inner->onIo(events, now); }
        Progress onTimeout(qint64 now) override { return m_inner->onTimeout(now); }
        int fd() const override { return m_inner->fd(); }
        quint32 socketSerial() const override { return m_inner->socketSerial(); }
        quint32 interest() const override { return m_inner->interest(); }
        qint64 timeoutAtMs() const override { return m_inner->timeoutAtMs(); }
        int error() const override { return m_inner->error(); }
        qint64 setupMicros() const override { return m_inner->setupMicros(); }
        TransportSlot takeTransport() override
        {
            TransportSlot raw = m_inner->takeTransport();
            auto wrapped = std::make_unique<TestTransport>(raw.releaseSocket());
            std::lock_guard<std::mutex> lock(m_owner.m_mutex);
            m_owner.m_made.push_back(wrapped.get());
            return TransportSlot(std::move(wrapped));
        }

    private:
        std::unique_ptr<ConnectAttempt> m_inner;
        const TestTransportConnector &m_owner;
    };

    DirectTcpConnector m_direct;
    mutable std::mutex m_mutex;
    mutable std::vector<TestTransport *> m_made;
};

// A worker's part in miniature: one loop on its own thread, the sessions, the host interface.
class SessionRig final : public SessionHost
{
public:
    SessionRig(const Clock &clock, const UpstreamConnector &connector)
        : m_loop(clock)
        , m_pool(RelayMode::Auto)
        , m_connector(connector)
    {
        m_thread = std::thread([this] {
            while (!m_stop)
                m_loop.runOnce([this] { runTurns(); }, m_turns.empty() ? 100 : 0);
        });
    }
    ~SessionRig()
    {
        call([this] {
            for (auto &session : m_sessions)
                session->abort();
            m_stop = true;
        });
        m_thread.join();
        m_sessions.clear();
    }
    Q_DISABLE_COPY_MOVE(SessionRig)

    // Runs fn on the loop's thread and waits for it.
    template<typename Fn>
    auto call(Fn fn) -> decltype(fn())
    {
        std::packaged_task<decltype(fn())()> task(std::move(fn));
        auto result = task.get_future();
        m_loop.post([&task] { task(); });
        return result.get();
    }

    void admit(const std::shared_ptr<RuleRuntime> &rule, TransportSlot client)
    {
        call([&] {
            TcpSession::Admission admission;
            admission.rule = rule;
            admission.client = std::move(client);
            admission.serial = quint64(m_sessions.size()) + 1;
            SessionHost &host = *this;
            m_sessions.push_back(std::make_unique<TcpSession>(host, std::move(admission)));
            m_sessions.back()->start();
        });
    }
    TcpSession::Phase phase()
    {
        return call([this] { return m_sessions.back()->phase(); });
    }
    int closed() const { return m_closed.load(); }
    QStringList reports() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_reports;
    }

private:
    EventLoop &loop() override { return m_loop; }
    ChunkPool &pool() override { return m_pool; }
    const UpstreamConnector &connectorFor(RuleRuntime &, int) override { return m_connector; }
    bool admitReport(RuleRuntime *, EngineEvent::Kind, quint64 *) override { return true; }
    void sendReport(EngineEvent::Level, EngineEvent::Kind, RuleRuntime *, const Message &message, quint64) override
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_reports.append(message.english());
    }
    void markedDown(RuleRuntime &, int, BackendState, const Message &reason) override
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_reports.append(reason.english());
    }
    void localShortage() override {}
    void relayed() override {}
    void wantsTurn(TcpSession &session) override { m_turns.push_back(&session); }
    void sessionClosed(TcpSession &) override { ++m_closed; } // kept until the rig goes

    void runTurns()
    {
        std::vector<TcpSession *> turns;
        turns.swap(m_turns);
        for (TcpSession *session : turns) {
            if (!session->isClosed())
                session->onTurn();
        }
    }

    EventLoop m_loop;
    ChunkPool m_pool;
    const UpstreamConnector &m_connector;
    std::vector<std::unique_ptr<TcpSession>> m_sessions;
    std::vector<TcpSession *> m_turns;
    std::atomic<int> m_closed{0};
    mutable std::mutex m_mutex;
    QStringList m_reports;
    bool m_stop = false;
    std::thread m_thread;
};

// A client connected to a listener of the test's, and the accepted end for the session.
struct ClientPair
{
    UniqueFd client;
    UniqueFd accepted;

    ClientPair()
    {
        quint16 port = 0;
        const UniqueFd listener = listenOnLoopback(4, &port);
        client = connectToLoopback(port);
        pollfd p{listener.get(), POLLIN, 0};
        ::poll(&p, 1, 5000);
        accepted.reset(::accept4(listener.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
    }
};

std::shared_ptr<RuleRuntime> runtimeFor(const Rule &rule)
{
    std::vector<std::shared_ptr<const AddressList>> addresses;
    for (const Backend &backend : rule.backends)
        addresses.push_back(AddressList::make({loopback(backend.address.port)}));
    return std::make_shared<RuleRuntime>(rule, addresses);
}

} // namespace

class tst_TcpSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bulkBothWays_data();
    void bulkBothWays();
    void requestsAndRepliesWithInputHeldByTheTransport();
    void resetFromTheBackendReachesTheClient_data();
    void resetFromTheBackendReachesTheClient();
    void nextRoundWaitsForTheClock();
};

void tst_TcpSession::bulkBothWays_data()
{
    QTest::addColumn<bool>("clientTest");
    QTest::addColumn<bool>("backendTest");
    QTest::newRow("raw, raw (splice)") << false << false;
    QTest::newRow("test transport towards the client") << true << false;
    QTest::newRow("test transport towards the backend") << false << true;
    QTest::newRow("test transports on both sides") << true << true;
}

void tst_TcpSession::bulkBothWays()
{
    QFETCH(bool, clientTest);
    QFETCH(bool, backendTest);
    constexpr quint64 Size = 8 * 1024 * 1024;
    StreamPeer serverPeer;
    serverPeer.toSend = Size;
    serverPeer.seed = 2;
    std::promise<StreamResult> serverDone; // handed over from the server's thread
    std::future<StreamResult> serverResult = serverDone.get_future();
    LoopbackServer server([&](int fd) { serverDone.set_value(serverPeer.run(fd)); });
    const std::shared_ptr<RuleRuntime> rule = runtimeFor(loopbackRule(QStringLiteral("t"), 1, {server.port()}));
    const ManualClock clock; // no timeout can fire: everything here is driven by the sockets
    DirectTcpConnector direct;
    TestTransportConnector wrapping;
    SessionRig rig(clock, backendTest ? static_cast<const UpstreamConnector &>(wrapping) : direct);

    ClientPair pair;
    TestTransport *clientTransport = nullptr;
    TransportSlot client;
    if (clientTest) {
        auto t = std::make_unique<TestTransport>(std::move(pair.accepted));
        clientTransport = t.get();
        client = TransportSlot(std::move(t));
    } else {
        client = TransportSlot(std::move(pair.accepted));
    }
    rig.admit(rule, std::move(client));
    StreamPeer clientPeer;
    clientPeer.toSend = Size;
    const StreamResult clientSaw = clientPeer.run(pair.client.get());
    QTRY_COMPARE_WITH_TIMEOUT(rig.closed(), 1, 10000);
    server.stop();

    // Every byte, in order, both ways, and each end of stream as an end of stream.
    QCOMPARE(clientSaw.error, 0);
    QCOMPARE(clientSaw.received, Size);
    QCOMPARE(clientSaw.receivedHash, patternHash(2, Size));
    QVERIFY(clientSaw.sawEof);
    QVERIFY(serverResult.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
    const StreamResult serverSaw = serverResult.get();
    QCOMPARE(serverSaw.received, Size);
    QCOMPARE(serverSaw.receivedHash, patternHash(1, Size));
    QVERIFY(serverSaw.sawEof);
    QCOMPARE(rule->counters().bytesIn.load(), Size);
    QCOMPARE(rule->counters().bytesOut.load(), Size);
    QCOMPARE(rule->backend(0).counters.connectionsTotal.load(), quint64(1));
    QCOMPARE(rule->counters().activeConnections.load(), qint64(0));
    QVERIFY2(rig.reports().isEmpty(), qPrintable(rig.reports().join(u'\n')));

    // The paths a TLS transport takes were taken: the handshake waited once, and input was
    // read ahead by writes (held where the socket no longer signals it).
    std::vector<TestTransport *> tests = wrapping.made();
    if (clientTransport)
        tests.push_back(clientTransport);
    QCOMPARE(int(tests.size()), int(clientTest) + int(backendTest));
    // Which of the two a run takes depends on how the kernel schedules both ends (on a loaded
    // machine the input may be read before the write comes back); one of them always happens.
    quint64 held = 0;
    quint64 waited = 0;
    for (const TestTransport *t : tests) {
        QCOMPARE(t->counts().handshakeWaits.load(), 2);
        held += t->counts().readByWrites.load();
        waited += t->counts().writesWantingRead.load();
    }
    if (!tests.empty())
        QVERIFY(held + waited > 0);
    qInfo("read ahead by writes: %llu bytes; writes that waited for a read: %llu", held, waited);
}

void tst_TcpSession::requestsAndRepliesWithInputHeldByTheTransport()
{
    // Each request is read by the transport in one go but handed out in small records: the rest
    // sits where no socket signals it, and the client waits for the reply before it sends more.
    // A relay that waited for the socket instead of asking the transport would stall here.
    LoopbackServer server([](int fd) { echo(fd); });
    const std::shared_ptr<RuleRuntime> rule = runtimeFor(loopbackRule(QStringLiteral("t"), 1, {server.port()}));
    const ManualClock clock;
    TestTransportConnector wrapping;
    SessionRig rig(clock, wrapping);
    ClientPair pair;
    rig.admit(rule, TransportSlot(std::make_unique<TestTransport>(std::move(pair.accepted))));
    const timeval stall{3, 0}; // a reply that does not come fails the test, not the CI run
    ::setsockopt(pair.client.get(), SOL_SOCKET, SO_RCVTIMEO, &stall, sizeof(stall));
    for (int i = 0; i < 50; ++i) {
        const QByteArray request = QByteArray::number(i).repeated(1 + (i * 997) % 12000);
        QCOMPARE(::send(pair.client.get(), request.constData(), std::size_t(request.size()), MSG_NOSIGNAL),
                 ssize_t(request.size()));
        QByteArray answer;
        char buffer[4096];
        while (answer.size() < request.size()) {
            const ssize_t n = ::recv(pair.client.get(), buffer, sizeof(buffer), 0);
            if (n <= 0)
                break;
            answer.append(buffer, n);
        }
        QCOMPARE(answer, request);
    }
    pair.client.reset();
    QTRY_COMPARE_WITH_TIMEOUT(rig.closed(), 1, 5000);
}

void tst_TcpSession::resetFromTheBackendReachesTheClient_data()
{
    QTest::addColumn<bool>("testTransports");
    QTest::newRow("raw") << false;
    QTest::newRow("test transports") << true;
}

void tst_TcpSession::resetFromTheBackendReachesTheClient()
{
    QFETCH(bool, testTransports);
    LoopbackServer server([](int fd) {
        const QByteArray chunk(64 * 1024, 'x');
        [[maybe_unused]] const ssize_t sent = ::send(fd, chunk.constData(), std::size_t(chunk.size()), MSG_NOSIGNAL);
        QThread::msleep(100);
        // Closed by the server when this returns: with linger 0, that close is a reset.
        const linger abortive{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive));
    });
    const std::shared_ptr<RuleRuntime> rule = runtimeFor(loopbackRule(QStringLiteral("t"), 1, {server.port()}));
    const ManualClock clock;
    DirectTcpConnector direct;
    TestTransportConnector wrapping;
    SessionRig rig(clock, testTransports ? static_cast<const UpstreamConnector &>(wrapping) : direct);
    ClientPair pair;
    rig.admit(rule, testTransports ? TransportSlot(std::make_unique<TestTransport>(std::move(pair.accepted)))
                                   : TransportSlot(std::move(pair.accepted)));
    StreamPeer reader;
    reader.halfCloseAfterSend = false;
    reader.timeoutMs = 5000;
    const StreamResult saw = reader.run(pair.client.get());
    QCOMPARE(saw.error, ECONNRESET);
    QVERIFY(!saw.sawEof);
    QTRY_COMPARE_WITH_TIMEOUT(rig.closed(), 1, 5000);
    // The backend broke an established connection off: that is charged to it.
    QCOMPARE(rule->backend(0).counters.aborts.load(), quint64(1));
}

void tst_TcpSession::nextRoundWaitsForTheClock()
{
    Rule config = loopbackRule(QStringLiteral("t"), 1, {freeLoopbackPort()});
    config.retries = 1;
    config.retryBackoffMs = 5000;
    config.connectTimeoutMs = 60000;
    config.maxFails = 10; // still eligible after one refusal: a second round is worth it
    const std::shared_ptr<RuleRuntime> rule = runtimeFor(config);
    ManualClock clock;
    DirectTcpConnector direct;
    SessionRig rig(clock, direct);
    ClientPair pair;
    rig.admit(rule, TransportSlot(std::move(pair.accepted)));

    // Refused once: the session waits out the backoff on the clock, however long real time runs.
    QTRY_COMPARE_WITH_TIMEOUT(rig.phase(), TcpSession::Phase::Backoff, 5000);
    LoopbackServer server([](int fd) { echo(fd); }, config.backends[0].address.port);
    QTest::qWait(300);
    QCOMPARE(server.accepted(), 0);
    QCOMPARE(rig.phase(), TcpSession::Phase::Backoff);

    clock.advance(4999);
    QTest::qWait(100);
    QCOMPARE(server.accepted(), 0);
    clock.advance(1);
    QTRY_COMPARE_WITH_TIMEOUT(server.accepted(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.phase(), TcpSession::Phase::Relaying, 5000);
    QVERIFY(echoRoundTrip(pair.client.get(), QByteArrayLiteral("after the backoff")));
    QCOMPARE(rule->backend(0).counters.connectFailures.load(), quint64(1));
    QCOMPARE(rule->backend(0).counters.connectionsTotal.load(), quint64(1));
    pair.client.reset();
    QTRY_COMPARE_WITH_TIMEOUT(rig.closed(), 1, 5000);
}

QTEST_GUILESS_MAIN(tst_TcpSession)
#include "tst_tcpsession.moc"
