// The engine on its own control thread, driven only by queued calls and signals, as the GUI does.

#include "core/engine/enginehost.h"
#include "loopbackserver.h"

#include <QTest>

#include <sys/socket.h>

using namespace PortRelay;
using namespace PortRelay::Test;

class tst_EngineHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOffTheCallersThread();
};

void tst_EngineHost::runsOffTheCallersThread()
{
    LoopbackServer backend([](int fd) {
        char buffer[64];
        const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
        if (n > 0)
            ::send(fd, buffer, std::size_t(n), MSG_NOSIGNAL);
        readAll(fd, 3000);
    });
    Rule rule;
    rule.name = QStringLiteral("hosted");
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), freeLoopbackPort()};
    rule.backends = {Backend{Endpoint{QStringLiteral("127.0.0.1"), backend.port()}, 1, false, true, {}, {}}};
    rule.healthCheck.type = HealthCheck::Type::None;
    RuleSet set;
    set.rules = {rule};

    EngineHost host;
    // The host's signals come from its control thread. Received here through queued connections,
    // as the window receives them: a QSignalSpy would record them on the control thread, racing
    // with the test's reads, and its wait() misses a signal that came before it was called.
    QObject receiver;
    QList<QList<RuleStatus>> applied;
    QList<RuleStatus> statuses;
    QList<EngineSnapshot> samples;
    QList<QList<ConnectionInfo>> listed;
    connect(&host, &EngineHost::applied, &receiver,
            [&](const QList<RuleStatus> &failures) { applied.append(failures); });
    connect(&host, &EngineHost::ruleStatusChanged, &receiver,
            [&](const RuleStatus &status) { statuses.append(status); });
    connect(&host, &EngineHost::sampled, &receiver, [&](const EngineSnapshot &snapshot) { samples.append(snapshot); });
    connect(&host, &EngineHost::connectionsListed, &receiver,
            [&](const QList<ConnectionInfo> &connections) { listed.append(connections); });
    host.setSampleInterval(100);
    host.apply(set);
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 5000);
    QVERIFY(applied.constFirst().isEmpty());
    QTRY_COMPARE(statuses.size(), 1);
    QCOMPARE(statuses.constFirst().state, RuleState::Running);

    UniqueFd client = connectToLoopback(rule.listen.port);
    QCOMPARE(::send(client.get(), "hi", 2, MSG_NOSIGNAL), ssize_t(2));
    char answer[2];
    QCOMPARE(::recv(client.get(), answer, 2, MSG_WAITALL), ssize_t(2));

    // Samples arrive on their own and carry the traffic.
    QTRY_VERIFY_WITH_TIMEOUT(!samples.isEmpty() && samples.constLast().rules.value(0).traffic.bytesOut == 2, 3000);
    host.requestConnections();
    QTRY_COMPARE_WITH_TIMEOUT(listed.size(), 1, 3000);
    const QList<ConnectionInfo> connections = listed.constFirst();
    QCOMPARE(connections.size(), 1);
    host.closeConnection(connections[0].worker, connections[0].serial);
    int error = 0;
    readAll(client.get(), 3000, &error);
    QCOMPARE(error, ECONNRESET);

    host.stopRule(rule.name);
    QTRY_COMPARE(statuses.constLast().state, RuleState::Stopped);
}

QTEST_GUILESS_MAIN(tst_EngineHost)
#include "tst_enginehost.moc"
