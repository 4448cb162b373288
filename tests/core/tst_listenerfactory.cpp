// ListenerFactory: each protocol's socket and listener; the TCP one on real loopback sockets,
// driven on an EventLoop by the test.

#include "core/net/clock.h"
#include "core/net/eventloop.h"
#include "core/net/listenerfactory.h"
#include "core/net/ruleruntime.h"
#include "core/net/socketaddress.h"
#include "eventlooprun.h"
#include "loopbackserver.h"

#include <QElapsedTimer>
#include <QTest>

#include <cerrno>

#include <netinet/in.h>
#include <unistd.h>

using namespace PortRelay;
using namespace PortRelay::Test;

namespace {

// Takes what the listener hands over, closing each client as a refused one would be.
class RecordingAdmitter final : public Listener::Admitter
{
public:
    bool admit(int fd, const std::shared_ptr<RuleRuntime> &rule, const sockaddr_storage &peer,
               unsigned peerLength) override
    {
        rules.push_back(rule.get());
        peers.push_back(SocketAddress::fromNative(reinterpret_cast<const sockaddr *>(&peer), peerLength));
        ::close(fd);
        return true;
    }
    void acceptShortage() override { ++shortages; }

    std::vector<RuleRuntime *> rules;
    std::vector<SocketAddress> peers;
    int shortages = 0;
};

std::shared_ptr<RuleRuntime> runtimeFor(const QString &name)
{
    Rule rule;
    rule.name = name;
    return std::make_shared<RuleRuntime>(rule, std::vector<std::shared_ptr<const AddressList>>{});
}

} // namespace

class tst_ListenerFactory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tcpListenerAdmitsClientsByTheCurrentRule();
    void tcpOpenSaysWhyItCannotListen();
};

void tst_ListenerFactory::tcpListenerAdmitsClientsByTheCurrentRule()
{
    const ListenerFactory &factory = ListenerFactory::forProtocol(Protocol::Tcp);
    const quint16 port = freeLoopbackPort();
    int error = -1;
    const UniqueFd fd = factory.open(SocketAddress(QHostAddress::LocalHost, port), 16, &error);
    QVERIFY2(fd.isValid(), qPrintable(QString::number(error)));

    EventLoop loop(Clock::system());
    RecordingAdmitter admitter;
    const std::shared_ptr<RuleRuntime> first = runtimeFor(u"first"_qs);
    std::unique_ptr<Listener> listener = factory.create(fd.get(), first, admitter);
    QCOMPARE(listener->fd(), fd.get());
    listener->watch(loop);

    UniqueFd client = connectToLoopback(port);
    QVERIFY(client.isValid());
    QVERIFY(runUntil(loop, [&] { return admitter.rules.size() == 1; }));
    QCOMPARE(admitter.rules.at(0), first.get());
    QCOMPARE(admitter.peers.at(0).address(), QHostAddress(QHostAddress::LocalHost));

    // A changed rule takes the next client.
    const std::shared_ptr<RuleRuntime> second = runtimeFor(u"second"_qs);
    listener->setRule(second);
    UniqueFd another = connectToLoopback(port);
    QVERIFY(runUntil(loop, [&] { return admitter.rules.size() == 2; }));
    QCOMPARE(admitter.rules.at(1), second.get());

    // Not watched (accepting paused): a client waits in the backlog until watched again.
    listener->unwatch(loop);
    UniqueFd waiting = connectToLoopback(port);
    QVERIFY(!runUntil(
        loop, [&] { return admitter.rules.size() == 3; }, 200));
    listener->watch(loop);
    QVERIFY(runUntil(loop, [&] { return admitter.rules.size() == 3; }));
    listener->unwatch(loop);
    QCOMPARE(admitter.shortages, 0);
}

void tst_ListenerFactory::tcpOpenSaysWhyItCannotListen()
{
    const ListenerFactory &factory = ListenerFactory::forProtocol(Protocol::Tcp);
    const quint16 port = freeLoopbackPort();
    int error = 0;
    const UniqueFd held = factory.open(SocketAddress(QHostAddress::LocalHost, port), 16, &error);
    QVERIFY(held.isValid());
    // No SO_REUSEPORT: a second listener on the same port is refused, as the engine reports it.
    const UniqueFd second = factory.open(SocketAddress(QHostAddress::LocalHost, port), 16, &error);
    QVERIFY(!second.isValid());
    QCOMPARE(error, EADDRINUSE);
}

QTEST_GUILESS_MAIN(tst_ListenerFactory)
#include "tst_listenerfactory.moc"
