#include "core/ruleset/endpoint.h"
#include "core/ruleset/subnet.h"

#include <QTest>

using namespace PortRelay;
using namespace Qt::Literals::StringLiterals;

class TestEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void defaultPort_data();
    void defaultPort();
    void roundTrip_data();
    void roundTrip();
    void classify_data();
    void classify();
    void hostName_data();
    void hostName();
    void subnetParse_data();
    void subnetParse();
    void subnetContains_data();
    void subnetContains();
};

void TestEndpoint::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host"); // empty when parsing must fail
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("error");

    const QString none;
    QTest::newRow("ipv4") << u"127.0.0.1:8080"_s << u"127.0.0.1"_s << 8080 << none;
    QTest::newRow("ipv4 any") << u"0.0.0.0:1"_s << u"0.0.0.0"_s << 1 << none;
    QTest::newRow("star") << u"*:80"_s << u"0.0.0.0"_s << 80 << none;
    QTest::newRow("ipv6 loopback") << u"[::1]:8080"_s << u"::1"_s << 8080 << none;
    QTest::newRow("ipv6 any") << u"[::]:443"_s << u"::"_s << 443 << none;
    QTest::newRow("ipv6 canonical") << u"[2001:DB8:0::1]:65535"_s << u"2001:db8::1"_s << 65535 << none;
    QTest::newRow("localhost") << u"localhost:80"_s << u"localhost"_s << 80 << none;
    QTest::newRow("name") << u"db.example.com:5432"_s << u"db.example.com"_s << 5432 << none;
    QTest::newRow("name case kept") << u"Db-1.Local:5432"_s << u"Db-1.Local"_s << 5432 << none;
    QTest::newRow("single label") << u"a:1"_s << u"a"_s << 1 << none;
    QTest::newRow("leading zeros in port") << u"127.0.0.1:08080"_s << u"127.0.0.1"_s << 8080 << none;

    QTest::newRow("empty") << QString() << none << 0 << u"empty address: expected host:port, e.g. \"127.0.0.1:8080\""_s;
    QTest::newRow("missing port") << u"127.0.0.1"_s << none << 0
                                  << u"missing port in \"127.0.0.1\": expected host:port, e.g. \"127.0.0.1:8080\""_s;
    QTest::newRow("name without port") << u"abc"_s << none << 0
                                       << u"missing port in \"abc\": expected host:port, e.g. \"127.0.0.1:8080\""_s;
    QTest::newRow("empty port") << u"127.0.0.1:"_s << none << 0
                                << u"missing port: expected host:port, e.g. \"127.0.0.1:8080\""_s;
    QTest::newRow("port 0") << u"127.0.0.1:0"_s << none << 0 << u"port 0 is not allowed: choose a port 1-65535"_s;
    QTest::newRow("port 00") << u"127.0.0.1:00"_s << none << 0 << u"port 0 is not allowed: choose a port 1-65535"_s;
    QTest::newRow("port 70000") << u"127.0.0.1:70000"_s << none << 0 << u"port 70000 out of range 1-65535"_s;
    QTest::newRow("port 65536") << u"[::1]:65536"_s << none << 0 << u"port 65536 out of range 1-65535"_s;
    QTest::newRow("huge port") << u"h:99999999999999999999"_s << none << 0
                               << u"port 99999999999999999999 out of range 1-65535"_s;
    QTest::newRow("port abc") << u"127.0.0.1:abc"_s << none << 0 << u"port \"abc\" is not a number"_s;
    QTest::newRow("negative port") << u"127.0.0.1:-1"_s << none << 0 << u"port \"-1\" is not a number"_s;
    QTest::newRow("plus port") << u"127.0.0.1:+80"_s << none << 0 << u"port \"+80\" is not a number"_s;
    QTest::newRow("unbracketed ipv6") << u"::1:8080"_s << none << 0
                                      << u"an IPv6 address must be in brackets, e.g. \"[::1]:8080\""_s;
    QTest::newRow("bare ipv6") << u"fe80::1"_s << none << 0
                               << u"an IPv6 address must be in brackets, e.g. \"[::1]:8080\""_s;
    QTest::newRow("bracketed no port") << u"[::1]"_s << none << 0
                                       << u"missing port: expected [address]:port, e.g. \"[::1]:8080\""_s;
    QTest::newRow("unclosed bracket") << u"[::1:80"_s << none << 0
                                      << u"missing \"]\" after the IPv6 address in \"[::1:80\""_s;
    QTest::newRow("junk after bracket") << u"[::1]x:80"_s << none << 0
                                        << u"unexpected \"x:80\" after \"]\": expected \":port\""_s;
    QTest::newRow("bracketed ipv4") << u"[127.0.0.1]:80"_s << none << 0
                                    << u"\"127.0.0.1\" is not an IPv6 address: brackets are only for IPv6 addresses"_s;
    QTest::newRow("missing host") << u":8080"_s << none << 0 << u"missing host before \":8080\""_s;
    QTest::newRow("bad ipv4") << u"256.1.1.1:80"_s << none << 0 << u"invalid IPv4 address \"256.1.1.1\""_s;
    QTest::newRow("short ipv4") << u"127.1:80"_s << none << 0 << u"invalid IPv4 address \"127.1\""_s;
    QTest::newRow("octal-looking ipv4") << u"010.0.0.1:80"_s << none << 0 << u"invalid IPv4 address \"010.0.0.1\""_s;
    QTest::newRow("underscore")
        << u"my_host:80"_s << none << 0
        << u"invalid host name \"my_host\": only letters, digits, \"-\" and \".\" are allowed"_s;
    QTest::newRow("space") << u" localhost:80"_s << none << 0
                           << u"invalid host name \" localhost\": only letters, digits, \"-\" and \".\" are allowed"_s;
    QTest::newRow("empty label") << u"a..b:80"_s << none << 0 << u"invalid host name \"a..b\": empty label"_s;
    QTest::newRow("hyphen") << u"-a.b:80"_s << none << 0
                            << u"invalid host name \"-a.b\": a label starts or ends with \"-\""_s;
}

void TestEndpoint::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, error);

    Message actualError;
    const auto endpoint = Endpoint::parse(text, &actualError);
    if (host.isEmpty()) {
        QVERIFY(!endpoint);
        QCOMPARE(actualError.english(), error);
    } else {
        QVERIFY2(endpoint, qPrintable(actualError.english()));
        QCOMPARE(endpoint->host, host);
        QCOMPARE(int(endpoint->port), port);
        QCOMPARE(Endpoint::parse(endpoint->toString()), endpoint);
    }
}

void TestEndpoint::defaultPort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("parsed"); // toString(); empty when parsing must fail
    QTest::addColumn<QString>("error");

    const QString none;
    QTest::newRow("name") << u"bastion.example.com"_s << u"bastion.example.com:22"_s << none;
    QTest::newRow("ipv4") << u"10.0.0.5"_s << u"10.0.0.5:22"_s << none;
    QTest::newRow("ipv6") << u"[fe80::1]"_s << u"[fe80::1]:22"_s << none;
    QTest::newRow("port given") << u"bastion:2222"_s << u"bastion:2222"_s << none;
    QTest::newRow("ipv6 port given") << u"[::1]:2222"_s << u"[::1]:2222"_s << none;
    QTest::newRow("empty port") << u"bastion:"_s << none
                                << u"missing port: expected host:port, e.g. \"127.0.0.1:8080\""_s;
    QTest::newRow("port 0") << u"bastion:0"_s << none << u"port 0 is not allowed: choose a port 1-65535"_s;
    QTest::newRow("unbracketed ipv6") << u"fe80::1"_s << none
                                      << u"an IPv6 address must be in brackets, e.g. \"[::1]:8080\""_s;
    QTest::newRow("empty") << QString() << none << u"empty address: expected host:port, e.g. \"127.0.0.1:8080\""_s;
    QTest::newRow("bad name") << u"bad_host"_s << none
                              << u"invalid host name \"bad_host\": only letters, digits, \"-\" and \".\" are allowed"_s;
}

void TestEndpoint::defaultPort()
{
    QFETCH(QString, text);
    QFETCH(QString, parsed);
    QFETCH(QString, error);

    Message actualError;
    const auto endpoint = Endpoint::parseWithDefaultPort(text, 22, &actualError);
    if (parsed.isEmpty()) {
        QVERIFY(!endpoint);
        QCOMPARE(actualError.english(), error);
    } else {
        QVERIFY2(endpoint, qPrintable(actualError.english()));
        QCOMPARE(endpoint->toString(), parsed);
    }
    // Without a default, a port is required as in parse().
    QCOMPARE(Endpoint::parseWithDefaultPort(text, 0), Endpoint::parse(text));
}

void TestEndpoint::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("ipv4") << u"10.1.2.3:22"_s << u"10.1.2.3:22"_s;
    QTest::newRow("ipv6") << u"[::1]:8080"_s << u"[::1]:8080"_s;
    QTest::newRow("ipv6 long form") << u"[0:0:0:0:0:0:0:1]:8080"_s << u"[::1]:8080"_s;
    QTest::newRow("star") << u"*:80"_s << u"0.0.0.0:80"_s;
    QTest::newRow("name") << u"db.local:5432"_s << u"db.local:5432"_s;
    QTest::newRow("mapped") << u"[::ffff:127.0.0.1]:80"_s << u"[::ffff:127.0.0.1]:80"_s;
}

void TestEndpoint::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    const auto endpoint = Endpoint::parse(text);
    QVERIFY(endpoint);
    QCOMPARE(endpoint->toString(), canonical);
    QCOMPARE(Endpoint::parse(canonical), endpoint);
}

void TestEndpoint::classify_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("wildcard");
    QTest::addColumn<bool>("loopback");
    QTest::addColumn<QString>("literal"); // empty: not a literal

    QTest::newRow("0.0.0.0") << u"0.0.0.0:1"_s << true << false << u"0.0.0.0"_s;
    QTest::newRow("star") << u"*:1"_s << true << false << u"0.0.0.0"_s;
    QTest::newRow("[::]") << u"[::]:1"_s << true << false << u"::"_s;
    QTest::newRow("127.0.0.1") << u"127.0.0.1:1"_s << false << true << u"127.0.0.1"_s;
    QTest::newRow("127.5.5.5") << u"127.5.5.5:1"_s << false << true << u"127.5.5.5"_s;
    QTest::newRow("[::1]") << u"[::1]:1"_s << false << true << u"::1"_s;
    QTest::newRow("localhost") << u"localhost:1"_s << false << true << u"127.0.0.1"_s;
    QTest::newRow("LOCALHOST") << u"LOCALHOST:1"_s << false << true << u"127.0.0.1"_s;
    QTest::newRow("lan") << u"192.168.1.10:1"_s << false << false << u"192.168.1.10"_s;
    QTest::newRow("name") << u"example.org:1"_s << false << false << QString();
}

void TestEndpoint::classify()
{
    QFETCH(QString, text);
    QFETCH(bool, wildcard);
    QFETCH(bool, loopback);
    QFETCH(QString, literal);

    const auto endpoint = Endpoint::parse(text);
    QVERIFY(endpoint);
    QCOMPARE(endpoint->isWildcard(), wildcard);
    QCOMPARE(endpoint->isLoopback(), loopback);
    const auto address = endpoint->literalAddress();
    QCOMPARE(address.has_value(), !literal.isEmpty());
    if (address)
        QCOMPARE(address->toString(), literal);
}

void TestEndpoint::hostName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << u"localhost"_s << true;
    QTest::newRow("dotted") << u"a-b.c-d.example"_s << true;
    QTest::newRow("63 label") << QString(63, u'a') << true;
    QTest::newRow("64 label") << QString(64, u'a') << false;
    const QString label(49, u'a');
    const QString name253 = label + u'.' + label + u'.' + label + u'.' + label + u'.' + label + QStringLiteral(".abc");
    QCOMPARE(name253.size(), 253);
    QTest::newRow("253 total") << name253 << true;
    QTest::newRow("254 total") << name253 + u'c' << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("trailing dot") << u"a.b."_s << false;
    QTest::newRow("trailing hyphen") << u"a-.b"_s << false;
    QTest::newRow("unicode") << u"bücher.de"_s << false;
}

void TestEndpoint::hostName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    Message error;
    QCOMPARE(Endpoint::isValidHostName(name, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
}

void TestEndpoint::subnetParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // empty when parsing must fail
    QTest::addColumn<QString>("error");

    const QString none;
    QTest::newRow("ipv4 /8") << u"127.0.0.0/8"_s << u"127.0.0.0/8"_s << none;
    QTest::newRow("ipv4 /0") << u"0.0.0.0/0"_s << u"0.0.0.0/0"_s << none;
    QTest::newRow("ipv4 host") << u"192.168.1.7"_s << u"192.168.1.7/32"_s << none;
    QTest::newRow("ipv4 /32") << u"192.168.1.7/32"_s << u"192.168.1.7/32"_s << none;
    QTest::newRow("ipv6 /128") << u"::1/128"_s << u"::1/128"_s << none;
    QTest::newRow("ipv6 host") << u"::1"_s << u"::1/128"_s << none;
    QTest::newRow("ipv6 /64") << u"FD00:1:2:3::/64"_s << u"fd00:1:2:3::/64"_s << none;

    QTest::newRow("host bits v4") << u"10.0.0.1/8"_s << none
                                  << u"host bits set in 10.0.0.1/8 (did you mean 10.0.0.0/8?)"_s;
    QTest::newRow("host bits v6") << u"fd00::1/64"_s << none
                                  << u"host bits set in fd00::1/64 (did you mean fd00::/64?)"_s;
    QTest::newRow("prefix 33") << u"10.0.0.0/33"_s << none
                               << u"prefix length 33 out of range 0-32 in \"10.0.0.0/33\""_s;
    QTest::newRow("prefix 129") << u"::/129"_s << none << u"prefix length 129 out of range 0-128 in \"::/129\""_s;
    const QString expected =
        u"invalid subnet \"%1\": expected address/prefix, e.g. \"192.168.0.0/16\" or \"::1/128\""_s;
    QTest::newRow("empty") << QString() << none << expected.arg(QString());
    QTest::newRow("name") << u"localhost"_s << none << expected.arg(u"localhost"_s);
    QTest::newRow("netmask") << u"10.0.0.0/255.0.0.0"_s << none << expected.arg(u"10.0.0.0/255.0.0.0"_s);
    QTest::newRow("short ipv4") << u"10/8"_s << none << expected.arg(u"10/8"_s);
    QTest::newRow("empty prefix") << u"10.0.0.0/"_s << none << expected.arg(u"10.0.0.0/"_s);
    QTest::newRow("negative prefix") << u"10.0.0.0/-1"_s << none << expected.arg(u"10.0.0.0/-1"_s);
    QTest::newRow("bracketed") << u"[::1]/128"_s << none << expected.arg(u"[::1]/128"_s);
}

void TestEndpoint::subnetParse()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(QString, error);

    Message actualError;
    const auto subnet = Subnet::parse(text, &actualError);
    if (canonical.isEmpty()) {
        QVERIFY(!subnet);
        QCOMPARE(actualError.english(), error);
    } else {
        QVERIFY2(subnet, qPrintable(actualError.english()));
        QCOMPARE(subnet->toString(), canonical);
        QCOMPARE(Subnet::parse(canonical), subnet);
    }
}

void TestEndpoint::subnetContains_data()
{
    QTest::addColumn<QString>("subnet");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("contained");

    QTest::newRow("v4 in") << u"127.0.0.0/8"_s << u"127.1.2.3"_s << true;
    QTest::newRow("v4 out") << u"127.0.0.0/8"_s << u"128.0.0.1"_s << false;
    QTest::newRow("v4 edge") << u"192.168.0.0/16"_s << u"192.168.255.255"_s << true;
    QTest::newRow("v4 /0") << u"0.0.0.0/0"_s << u"8.8.8.8"_s << true;
    QTest::newRow("v4 host") << u"10.0.0.5"_s << u"10.0.0.5"_s << true;
    QTest::newRow("v4 host other") << u"10.0.0.5"_s << u"10.0.0.6"_s << false;
    QTest::newRow("v4-mapped in") << u"127.0.0.0/8"_s << u"::ffff:127.0.0.1"_s << true;
    QTest::newRow("v4-mapped out") << u"10.0.0.0/8"_s << u"::ffff:127.0.0.1"_s << false;
    QTest::newRow("v6 loopback") << u"::1/128"_s << u"::1"_s << true;
    QTest::newRow("v6 vs v4") << u"::1/128"_s << u"127.0.0.1"_s << false;
    QTest::newRow("v4 vs v6") << u"0.0.0.0/0"_s << u"::1"_s << false;
    QTest::newRow("v4 /0 vs ::") << u"0.0.0.0/0"_s << u"::"_s << false;
    QTest::newRow("v6 /64") << u"fd00::/64"_s << u"fd00::abcd"_s << true;
    QTest::newRow("v6 /64 out") << u"fd00::/64"_s << u"fd01::1"_s << false;
}

void TestEndpoint::subnetContains()
{
    QFETCH(QString, subnet);
    QFETCH(QString, address);
    QFETCH(bool, contained);

    const auto parsed = Subnet::parse(subnet);
    QVERIFY(parsed);
    QCOMPARE(parsed->contains(QHostAddress(address)), contained);
}

QTEST_GUILESS_MAIN(TestEndpoint)

#include "tst_endpoint.moc"
