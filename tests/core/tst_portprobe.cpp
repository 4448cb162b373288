// PortProbe against real sockets on loopback: a port another socket listens on is taken, the next
// free one is found above it, and the search keeps to its bounds.

#include "core/net/portprobe.h"

#include <QRandomGenerator>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <vector>

using namespace PortRelay;

class tst_PortProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takenAndFree();
    void nextFreeSkipsTakenPorts();
    void nextFreeHonoursSkipAndBounds();
};

void tst_PortProbe::takenAndFree()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const quint16 taken = holder.serverPort();

    const PortProbe::Result busy = PortProbe::probe(Protocol::Tcp, QHostAddress::LocalHost, taken);
    QVERIFY(!busy.isFree());
    QVERIFY(busy.inUse());
    QCOMPARE(busy.error.english(), QStringLiteral("address already in use"));

    holder.close();
    QVERIFY(PortProbe::probe(Protocol::Tcp, QHostAddress::LocalHost, taken).isFree());
    // The probe let go of it: something else can listen there at once.
    QVERIFY(holder.listen(QHostAddress::LocalHost, taken));

    // An address this machine does not have is no port problem: not "in use".
    const PortProbe::Result foreign = PortProbe::probe(Protocol::Tcp, QHostAddress(QStringLiteral("192.0.2.1")), taken);
    QVERIFY(!foreign.isFree());
    QVERIFY(!foreign.inUse());
}

void tst_PortProbe::nextFreeSkipsTakenPorts()
{
    // Three ports in a row held, below the ephemeral range (32768 up), where the connections of
    // tests running beside this one take no ports; found anew if one of them is busy.
    std::vector<std::unique_ptr<QTcpServer>> held;
    quint16 first = 0;
    for (int attempt = 0; attempt < 50 && held.size() < 3; ++attempt) {
        held.clear();
        first = quint16(20000 + QRandomGenerator::global()->bounded(10000));
        auto server = std::make_unique<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, first))
            continue;
        held.push_back(std::move(server));
        for (quint16 port = first + 1; port < first + 3; ++port) {
            auto next = std::make_unique<QTcpServer>();
            if (!next->listen(QHostAddress::LocalHost, port))
                break;
            held.push_back(std::move(next));
        }
    }
    QCOMPARE(held.size(), std::size_t(3));

    const std::optional<quint16> found = PortProbe::nextFree(Protocol::Tcp, QHostAddress::LocalHost, first, 200);
    QVERIFY(found);
    QVERIFY2(*found >= first + 3, qPrintable(QStringLiteral("%1 after %2").arg(*found).arg(first)));
    QVERIFY(PortProbe::probe(Protocol::Tcp, QHostAddress::LocalHost, *found).isFree());
    for (quint16 port = first + 3; port < *found; ++port)
        QVERIFY(!PortProbe::probe(Protocol::Tcp, QHostAddress::LocalHost, port).isFree());
}

void tst_PortProbe::nextFreeHonoursSkipAndBounds()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const quint16 from = holder.serverPort();

    // Ports a rule of the set takes are skipped without a probe.
    QList<quint16> asked;
    const std::optional<quint16> found =
        PortProbe::nextFree(Protocol::Tcp, QHostAddress::LocalHost, from, 200, [&](quint16 port) {
            asked.append(port);
            return port <= from + 2;
        });
    QVERIFY(found);
    QVERIFY(*found > from + 2);
    QCOMPARE(asked.constFirst(), quint16(from + 1));

    // No attempts, nothing found; nothing past the last port.
    QVERIFY(!PortProbe::nextFree(Protocol::Tcp, QHostAddress::LocalHost, from, 0));
    QVERIFY(!PortProbe::nextFree(Protocol::Tcp, QHostAddress::LocalHost, 65535, 200));
    QVERIFY(!PortProbe::nextFree(Protocol::Tcp, QHostAddress::LocalHost, from, 200, [](quint16) { return true; }));
}

QTEST_GUILESS_MAIN(tst_PortProbe)
#include "tst_portprobe.moc"
