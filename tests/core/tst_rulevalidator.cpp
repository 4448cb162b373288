// What a valid rule set is: the defaults a minimal rule gets, the variants the parser accepts and
// RuleValidator passes, RuleValidator on values built without the parser (as the editor does),
// listen conflicts, pairwise and across a whole rule set, and the hops: what a file's "hops" and
// "via" keys may say (HopValidator, and the parser's reading of them).

#include "core/ruleset/hopvalidator.h"
#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulevalidator.h"
#include "rulesetjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace PortRelay;
using namespace PortRelay::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

// Hops "h1" to "h<count>", each reached through the one before.
QJsonArray hopChain(int count)
{
    QJsonArray hops;
    for (int i = 1; i <= count; ++i) {
        QJsonObject h = hop(u"h%1"_s.arg(i), u"10.0.0.%1"_s.arg(i));
        hops.append(i == 1 ? h : with(h, u"via"_s, u"h%1"_s.arg(i - 1)));
    }
    return hops;
}

// The example of docs/rules-format.md: two backends through a chain of two hops.
QByteArray hopsExample()
{
    const QJsonObject bastion{{u"name"_s, u"bastion"_s},
                              {u"type"_s, u"ssh"_s},
                              {u"address"_s, u"bastion.example.com:22"_s},
                              {u"user"_s, u"dev"_s},
                              {u"identity_file"_s, u"~/.ssh/id_ed25519"_s},
                              {u"passphrase_secret"_s, u"bastion-key"_s}};
    const QJsonObject inner =
        with(with(hop(u"inner"_s, u"10.0.0.5:22"_s), u"user"_s, u"dev"_s), u"via"_s, u"bastion"_s);
    const QJsonArray backends{
        QJsonObject{{u"address"_s, u"db-1.internal:5432"_s}, {u"via"_s, u"inner"_s}},
        QJsonObject{{u"address"_s, u"db-2.internal:5432"_s}, {u"via"_s, u"inner"_s}, {u"backup"_s, true}}};
    const QJsonObject rule{
        {u"name"_s, u"staging-db"_s}, {u"listen"_s, u"127.0.0.1:15432"_s}, {u"backends"_s, backends}};
    return doc(QJsonArray{bastion, inner}, QJsonArray{rule});
}

} // namespace

class tst_RuleValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void validVariants_data();
    void validVariants();
    void validatorOnValues();
    void listenConflicts_data();
    void listenConflicts();
    void hopDefaults();
    void hops_data();
    void hops();
    void hopsOnValues();
};

void tst_RuleValidator::defaults()
{
    const RuleSetParser::Result result = RuleSetParser::parse(doc(rule(u"app"_s)));
    QVERIFY2(result.ok(), qPrintable(issueStrings(result.issues).join(u'\n')));
    QCOMPARE(result.ruleSet.version, 1);
    QVERIFY(result.ruleSet.extensions.isEmpty());
    QCOMPARE(result.ruleSet.rules.size(), 1);

    const Rule &r = result.ruleSet.rules.first();
    QCOMPARE(r.name, u"app"_s);
    QCOMPARE(r.group, QString());
    QCOMPARE(r.enabled, true);
    QCOMPARE(r.protocol, Protocol::Tcp);
    QCOMPARE(r.listen.toString(), u"127.0.0.1:18080"_s);
    QCOMPARE(r.balance, BalanceStrategy::RoundRobin);
    QCOMPARE(r.backends.size(), 1);
    QCOMPARE(r.backends.first().address.toString(), u"127.0.0.1:8080"_s);
    QCOMPARE(r.backends.first().weight, 1);
    QCOMPARE(r.backends.first().backup, false);
    QCOMPARE(r.backends.first().enabled, true);
    QCOMPARE(r.healthCheck.type, HealthCheck::Type::Tcp);
    QCOMPARE(r.healthCheck.intervalMs, 2000);
    QCOMPARE(r.healthCheck.timeoutMs, 1000);
    QCOMPARE(r.healthCheck.rise, 2);
    QCOMPARE(r.healthCheck.fall, 3);
    QCOMPARE(r.healthCheck.send, QByteArray());
    QCOMPARE(r.healthCheck.expect, QByteArray());
    QCOMPARE(r.connectTimeoutMs, 5000);
    QCOMPARE(r.idleTimeoutMs, 0);
    QCOMPARE(r.retries, 2);
    QCOMPARE(r.retryBackoffMs, 100);
    QCOMPARE(r.maxConnections, 0);
    QCOMPARE(r.maxFails, 3);
    QCOMPARE(r.failWindowMs, 10000);
    QCOMPARE(r.onDown, OnDown::Keep);
    QCOMPARE(r.slowStartMs, 0);
    QCOMPARE(r.adaptiveWeights, false);
    QVERIFY(r.allow.isEmpty());
    QVERIFY(r.extensions.isEmpty());
    QCOMPARE(result.ruleSet.find(u"app"), &r);
    QCOMPARE(result.ruleSet.find(u"other"), nullptr);

    // A health check object with only some keys keeps the defaults of the others.
    const auto partial = RuleSetParser::parse(doc(withHealth(rule(), u"type"_s, u"none"_s)));
    QVERIFY(partial.ok());
    QCOMPARE(partial.ruleSet.rules.first().healthCheck.type, HealthCheck::Type::None);
    QCOMPARE(partial.ruleSet.rules.first().healthCheck.intervalMs, 2000);
}

void tst_RuleValidator::validVariants_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("no rules") << QByteArray(R"({"version": 1, "rules": []})");
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{\"version\": 1, \"rules\": []}");
    QTest::newRow("version 1.0") << QByteArray(R"({"version": 1.0, "rules": []})");
    QTest::newRow("same listen, one disabled")
        << doc(QJsonArray{rule(u"a"_s), with(rule(u"b"_s), u"enabled"_s, false)});
    QTest::newRow("v4 wildcard and v6 loopback")
        << doc(QJsonArray{rule(u"a"_s, u"0.0.0.0:18080"_s), rule(u"b"_s, u"[::1]:18080"_s)});
    QTest::newRow("same host, other port")
        << doc(QJsonArray{rule(u"a"_s, u"127.0.0.1:1"_s), rule(u"b"_s, u"127.0.0.1:2"_s)});
    QTest::newRow("names differ in case")
        << doc(QJsonArray{rule(u"api"_s, u"127.0.0.1:1"_s), rule(u"API"_s, u"127.0.0.1:2"_s)});
    QTest::newRow("64 backends") << [] {
        QJsonArray backends;
        for (int i = 0; i < Rule::MaxBackends; ++i)
            backends.append(QJsonObject{{u"address"_s, u"127.0.0.1:%1"_s.arg(9000 + i)}});
        return doc(with(rule(), u"backends"_s, backends));
    }();
    QTest::newRow("timeout equals interval")
        << doc(withHealth(withHealth(rule(), u"interval_ms"_s, 1000), u"timeout_ms"_s, 1000));
    QTest::newRow("idle at maximum") << doc(with(rule(), u"idle_timeout_ms"_s, 86400000));
    QTest::newRow("lower bounds") << [] {
        QJsonObject r = with(rule(), u"max_fails"_s, 0); // passive checks off
        r = with(r, u"fail_window_ms"_s, 100);
        r = with(r, u"retry_backoff_ms"_s, 0);
        return doc(with(r, u"slow_start_ms"_s, 0));
    }();
    QTest::newRow("upper bounds") << [] {
        QJsonObject r = with(rule(), u"max_fails"_s, 100);
        r = with(r, u"fail_window_ms"_s, 3600000);
        r = with(r, u"retry_backoff_ms"_s, 60000);
        return doc(with(r, u"slow_start_ms"_s, 3600000));
    }();
    QTest::newRow("on_down keep") << doc(with(rule(), u"on_down"_s, u"keep"_s));
    QTest::newRow("on_down close") << doc(with(rule(), u"on_down"_s, u"close"_s));
    QTest::newRow("adaptive weights") << doc(with(rule(), u"adaptive_weights"_s, true));
    QTest::newRow("send without expect") << doc(withHealth(rule(), u"send"_s, u"QUIT\r\n"_s));
    QTest::newRow("expect without send") << doc(withHealth(rule(), u"expect"_s, u"SSH-2.0-"_s));
    QTest::newRow("send and expect, type tcp") << doc(withHealth(
        withHealth(withHealth(rule(), u"type"_s, u"tcp"_s), u"send"_s, u"PING\r\n"_s), u"expect"_s, u"+PONG"_s));
    QTest::newRow("empty send and expect with type none") // empty is the same as absent
        << doc(withHealth(withHealth(withHealth(rule(), u"type"_s, u"none"_s), u"send"_s, QString()), u"expect"_s,
                          QString()));
    QTest::newRow("expect of 1024 bytes") << doc(withHealth(rule(), u"expect"_s, QString(512, QChar(0xe9))));
    QTest::newRow("name of 64") << doc(with(rule(), u"name"_s, QString(64, u'n')));
    QTest::newRow("unicode name") << doc(with(rule(), u"name"_s, u"grüße-🚀"_s));

    QTest::newRow("hops example") << hopsExample();
    QTest::newRow("empty hops") << doc(QJsonArray(), QJsonArray{rule()});
    QTest::newRow("hop without port") << doc(QJsonArray{hop(u"b"_s, u"bastion.example.com"_s)}, QJsonArray{});
    QTest::newRow("hop by ssh_config_host")
        << doc(QJsonArray{QJsonObject{{u"name"_s, u"b"_s}, {u"type"_s, u"ssh"_s}, {u"ssh_config_host"_s, u"jump"_s}}},
               QJsonArray{with(rule(), u"via"_s, u"b"_s)});
    QTest::newRow("hop x- key") << doc(QJsonArray{with(hop(), u"x-note"_s, u"kept"_s)}, QJsonArray{});
    QTest::newRow("via a later hop") << doc(QJsonArray{with(hop(u"inner"_s), u"via"_s, u"outer"_s), hop(u"outer"_s)},
                                            QJsonArray{});
    QTest::newRow("chain of 8") << doc(hopChain(HopValidator::MaxChainLength),
                                       QJsonArray{withBackend(rule(), u"via"_s, u"h8"_s)});
    QTest::newRow("64 hops") << [] {
        QJsonArray hops;
        for (int i = 0; i < Hop::MaxHops; ++i)
            hops.append(hop(u"hop-%1"_s.arg(i)));
        return doc(hops, QJsonArray{rule()});
    }();
    QTest::newRow("hop names differ in case")
        << doc(QJsonArray{hop(u"bastion"_s), hop(u"Bastion"_s)}, QJsonArray{with(rule(), u"via"_s, u"Bastion"_s)});
}

void tst_RuleValidator::validVariants()
{
    QFETCH(QByteArray, json);
    const RuleSetParser::Result result = RuleSetParser::parse(json);
    QVERIFY2(result.ok(), qPrintable(issueStrings(result.issues).join(u'\n')));
    QCOMPARE(RuleValidator::validate(result.ruleSet), RuleSetIssues());
}

void tst_RuleValidator::validatorOnValues()
{
    // The editor builds values without the parser; the validator must catch what parse() would.
    Rule r;
    r.name = u"x"_s;
    r.listen = Endpoint{u"db.local"_s, 0};
    Backend b;
    b.address = Endpoint{u"bad_host"_s, 80};
    b.weight = 0;
    b.extensions.insert(u"zone"_s, 1);
    r.backends = {b};
    r.allow = {Subnet{QHostAddress(u"10.0.0.1"_s), 8}};
    r.extensions.insert(u"x-ok"_s, 1);
    r.extensions.insert(u"owner"_s, 1);
    r.healthCheck.type = HealthCheck::Type::None;
    r.healthCheck.send = "PING";
    r.healthCheck.expect = "\xff+PONG"; // no file can hold this
    r.retryBackoffMs = 60001;
    r.maxFails = -1;
    r.failWindowMs = 0;
    r.slowStartMs = 3600001;

    const QStringList expected{
        u"rules[0].listen: listen host must be an IP address, \"localhost\" or \"*\", got \"db.local\""_s,
        u"rules[0].listen: port 0 is not allowed: choose a port 1-65535"_s,
        u"rules[0].backends[0].address: invalid host name \"bad_host\": only letters, digits, \"-\" and \".\" are "
        "allowed"_s,
        u"rules[0].backends[0].weight: weight 0 is not allowed: set \"enabled\": false to take a backend out of use"_s,
        u"rules[0].backends[0].zone: own keys must start with \"x-\""_s,
        u"rules[0].health_check.send: needs \"type\": \"tcp\""_s,
        u"rules[0].health_check.expect: needs \"type\": \"tcp\""_s,
        u"rules[0].health_check.expect: not valid UTF-8"_s,
        u"rules[0].retry_backoff_ms: 60001 out of range 0-60000"_s,
        u"rules[0].max_fails: -1 out of range 0-100"_s,
        u"rules[0].fail_window_ms: 0 out of range 100-3600000"_s,
        u"rules[0].slow_start_ms: 3600001 out of range 0-3600000"_s,
        u"rules[0].allow[0]: host bits set in 10.0.0.1/8 (did you mean 10.0.0.0/8?)"_s,
        u"rules[0].owner: own keys must start with \"x-\""_s,
    };
    QCOMPARE(issueStrings(RuleValidator::validate(r, 0)), expected);

    RuleSet set;
    set.version = 3;
    set.rules = {r};
    const QStringList all = issueStrings(RuleValidator::validate(set));
    QCOMPARE(all.first(), u"version: unsupported version 3 (this PortRelay reads version 1)"_s);
    QCOMPARE(all.mid(1), expected);
}

void tst_RuleValidator::listenConflicts_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("conflict");

    QTest::newRow("same") << u"127.0.0.1:80"_s << u"127.0.0.1:80"_s << true;
    QTest::newRow("other port") << u"127.0.0.1:80"_s << u"127.0.0.1:81"_s << false;
    QTest::newRow("other host") << u"127.0.0.1:80"_s << u"127.0.0.2:80"_s << false;
    QTest::newRow("v4 wildcard") << u"0.0.0.0:80"_s << u"192.168.1.1:80"_s << true;
    QTest::newRow("v4 wildcard reversed") << u"10.0.0.1:80"_s << u"*:80"_s << true;
    QTest::newRow("v6 wildcard") << u"[::]:80"_s << u"[::1]:80"_s << true;
    QTest::newRow("families differ") << u"[::]:80"_s << u"127.0.0.1:80"_s << false;
    QTest::newRow("both wildcards v4 v6") << u"0.0.0.0:80"_s << u"[::]:80"_s << false;
    QTest::newRow("localhost") << u"localhost:80"_s << u"127.0.0.1:80"_s << true;
}

void tst_RuleValidator::listenConflicts()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, conflict);
    const auto endpointA = Endpoint::parse(a);
    const auto endpointB = Endpoint::parse(b);
    QVERIFY(endpointA && endpointB);
    QCOMPARE(RuleValidator::listenConflicts(*endpointA, *endpointB), conflict);
    QCOMPARE(RuleValidator::listenConflicts(*endpointB, *endpointA), conflict);

    // The hashed check of a whole rule set agrees with the pairwise one.
    const QByteArray json = doc(QJsonArray{rule(u"a"_s, a), rule(u"b"_s, b)});
    QCOMPARE(RuleSetParser::parse(json).ok(), !conflict);
}

void tst_RuleValidator::hopDefaults()
{
    const RuleSetParser::Result result = RuleSetParser::parse(hopsExample());
    QVERIFY2(result.ok(), qPrintable(issueStrings(result.issues).join(u'\n')));
    const RuleSet &set = result.ruleSet;
    QCOMPARE(set.hops.size(), 2);
    const Hop &bastion = set.hops.at(0);
    QCOMPARE(bastion.name, u"bastion"_s);
    QCOMPARE(bastion.type, Hop::Type::Ssh);
    QCOMPARE(bastion.address.toString(), u"bastion.example.com:22"_s);
    QCOMPARE(bastion.user, u"dev"_s);
    QCOMPARE(bastion.identityFile, u"~/.ssh/id_ed25519"_s);
    QCOMPARE(bastion.passphraseSecret, u"bastion-key"_s);
    QCOMPARE(bastion.sshConfigHost, QString());
    QCOMPARE(bastion.knownHostsFile, QString());
    QCOMPARE(bastion.passwordSecret, QString());
    QCOMPARE(bastion.via, QString());
    QVERIFY(bastion.extensions.isEmpty());
    QCOMPARE(set.hops.at(1).via, u"bastion"_s);
    QCOMPARE(set.findHop(u"inner"), &set.hops.at(1));
    QCOMPARE(set.findHop(u"Inner"), nullptr);
    const Rule &rule = set.rules.first();
    QCOMPARE(rule.via, QString());
    QCOMPARE(rule.backends.at(0).via, u"inner"_s);
    QCOMPARE(rule.backends.at(1).via, u"inner"_s);

    // An address without a port is an SSH server's: port 22.
    const auto noPort = RuleSetParser::parse(doc(QJsonArray{hop(u"b"_s, u"[fe80::1]"_s)}, QJsonArray()));
    QVERIFY(noPort.ok());
    QCOMPARE(noPort.ruleSet.hops.first().address, (Endpoint{u"fe80::1"_s, quint16(Hop::DefaultSshPort)}));
    // "x-" keys are kept in a hop.
    const auto extension = RuleSetParser::parse(doc(QJsonArray{with(hop(), u"x-owner"_s, 7)}, QJsonArray()));
    QVERIFY(extension.ok());
    QCOMPARE(extension.ruleSet.hops.first().extensions, (QJsonObject{{u"x-owner"_s, 7}}));
}

void tst_RuleValidator::hops_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");

    const QJsonArray none;
    const QJsonObject bastion = hop();
    const QJsonObject inner = with(hop(u"inner"_s, u"10.0.0.5:22"_s), u"via"_s, u"bastion"_s);
    const QJsonObject noAddress = with(hop(), u"address"_s, QJsonValue::Undefined);
    const auto oneHop = [&none](const QJsonObject &h) { return doc(QJsonArray{h}, none); };

    // The list and its elements.
    QTest::newRow("hops not array") << QByteArray(R"({"version": 1, "hops": {}, "rules": []})")
                                    << QStringList{u"hops: expected an array, got an object"_s};
    QTest::newRow("top key hop") << QByteArray(R"({"version": 1, "hop": [], "rules": []})")
                                 << QStringList{u"hop: unknown key (did you mean \"hops\"?)"_s};
    QTest::newRow("hop not object") << doc(QJsonArray{5}, none)
                                    << QStringList{u"hops[0]: expected an object, got number 5"_s};
    QTest::newRow("hop empty") << doc(QJsonArray{QJsonObject()}, none)
                               << QStringList{u"hops[0]: missing required key \"name\""_s,
                                              u"hops[0]: missing required key \"type\""_s};
    QJsonArray many;
    for (int i = 0; i < Hop::MaxHops + 1; ++i)
        many.append(hop(u"hop-%1"_s.arg(i)));
    QTest::newRow("too many hops") << doc(many, QJsonArray{with(rule(), u"via"_s, u"hop-1"_s)})
                                   << QStringList{u"hops: 65 hops; at most 64 are allowed"_s};
    QTest::newRow("unreadable hops, rule via") << doc(QJsonArray{5}, QJsonArray{with(rule(), u"via"_s, u"x"_s)})
                                               << QStringList{u"hops[0]: expected an object, got number 5"_s};
    QTest::newRow("hop unknown key") << oneHop(with(hop(), u"identityFile"_s, u"~/.ssh/id"_s))
                                     << QStringList{
                                            u"hops[0].identityFile: unknown key (did you mean \"identity_file\"?)"_s};

    // name, type.
    QTest::newRow("name empty") << oneHop(with(hop(), u"name"_s, QString()))
                                << QStringList{u"hops[0].name: must not be empty"_s};
    QTest::newRow("name too long") << oneHop(hop(QString(65, u'n')))
                                   << QStringList{u"hops[0].name: 65 characters long; at most 64 are allowed"_s};
    QTest::newRow("name control character")
        << oneHop(hop(u"a\nb"_s)) << QStringList{u"hops[0].name: contains a control character (U+000A)"_s};
    QTest::newRow("name number, rule via")
        << doc(QJsonArray{with(hop(), u"name"_s, 5)}, QJsonArray{with(rule(), u"via"_s, u"x"_s)})
        << QStringList{u"hops[0].name: expected a string, got number 5"_s};
    QTest::newRow("duplicate hop name")
        << doc(QJsonArray{bastion, inner, with(hop(u"bastion"_s, u"10.0.0.7:22"_s), u"user"_s, u"ops"_s)}, none)
        << QStringList{u"hops[2].name: duplicate hop name \"bastion\" (also hops[0])"_s};
    QTest::newRow("type missing") << oneHop(with(hop(), u"type"_s, QJsonValue::Undefined))
                                  << QStringList{u"hops[0]: missing required key \"type\""_s};
    QTest::newRow("type socks5") << oneHop(with(noAddress, u"type"_s, u"socks5"_s))
                                 << QStringList{
                                        u"hops[0].type: hop type \"socks5\" is not supported yet (supported: ssh)"_s};
    QTest::newRow("type http") << oneHop(with(hop(), u"type"_s, u"http"_s))
                               << QStringList{
                                      u"hops[0].type: hop type \"http\" is not supported yet (supported: ssh)"_s};
    QTest::newRow("type unknown") << oneHop(with(hop(), u"type"_s, u"telnet"_s))
                                  << QStringList{u"hops[0].type: unknown hop type \"telnet\" (supported: ssh)"_s};

    // How an ssh hop names its host.
    QTest::newRow("no address, no ssh_config_host")
        << oneHop(noAddress) << QStringList{u"hops[0]: an ssh hop needs \"address\" or \"ssh_config_host\""_s};
    QTest::newRow("address and ssh_config_host")
        << oneHop(with(hop(), u"ssh_config_host"_s, u"jump"_s))
        << QStringList{u"hops[0].ssh_config_host: not with \"address\": an ssh hop takes one of the two"_s};
    QTest::newRow("address port 0") << oneHop(hop(u"b"_s, u"bastion:0"_s))
                                    << QStringList{u"hops[0].address: port 0 is not allowed: choose a port 1-65535"_s};
    QTest::newRow("address empty port")
        << oneHop(hop(u"b"_s, u"bastion:"_s))
        << QStringList{u"hops[0].address: missing port: expected host:port, e.g. \"127.0.0.1:8080\""_s};
    QTest::newRow("address number") << oneHop(with(hop(), u"address"_s, 22))
                                    << QStringList{u"hops[0].address: expected a string, got number 22"_s};
    QTest::newRow("address wildcard")
        << oneHop(hop(u"b"_s, u"*"_s))
        << QStringList{u"hops[0].address: 0.0.0.0 is not an address to connect to: name the hop's host"_s};
    QTest::newRow("address bad host")
        << oneHop(hop(u"b"_s, u"bad_host"_s))
        << QStringList{u"hops[0].address: invalid host name \"bad_host\": only letters, digits, \"-\" and \".\" "
                       "are allowed"_s};
    QTest::newRow("address unbracketed ipv6")
        << oneHop(hop(u"b"_s, u"fe80::1"_s))
        << QStringList{u"hops[0].address: an IPv6 address must be in brackets, e.g. \"[::1]:8080\""_s};

    QTest::newRow("ssh_config_host an option")
        << oneHop(with(noAddress, u"ssh_config_host"_s, u"-oProxyCommand=touch /tmp/x"_s))
        << QStringList{u"hops[0].ssh_config_host: must not start with \"-\": ssh would read it as an option"_s};
    QTest::newRow("user an option")
        << oneHop(with(hop(), u"user"_s, u"-oProxyCommand=x"_s))
        << QStringList{u"hops[0].user: must not start with \"-\": ssh would read it as an option"_s};

    // Files and secrets.
    QTest::newRow("identity_file empty")
        << oneHop(with(hop(), u"identity_file"_s, QString()))
        << QStringList{u"hops[0].identity_file: an empty file name: leave the key out for the default"_s};
    QTest::newRow("known_hosts_file empty")
        << oneHop(with(hop(), u"known_hosts_file"_s, QString()))
        << QStringList{u"hops[0].known_hosts_file: an empty file name: leave the key out for the default"_s};
    QTest::newRow("identity_file number") << oneHop(with(hop(), u"identity_file"_s, 1))
                                          << QStringList{u"hops[0].identity_file: expected a string, got number 1"_s};
    QTest::newRow("passphrase_secret with a space")
        << oneHop(with(hop(), u"passphrase_secret"_s, u"bastion key"_s))
        << QStringList{u"hops[0].passphrase_secret: \"bastion key\" is not a secret name: use letters, digits, '.', "
                       "'_' and '-'"_s};
    QTest::newRow("password_secret with a leading dot")
        << oneHop(with(hop(), u"password_secret"_s, u".hidden"_s))
        << QStringList{u"hops[0].password_secret: \".hidden\" is not a secret name: use letters, digits, '.', '_' "
                       "and '-'"_s};
    QTest::newRow("password_secret too long")
        << oneHop(with(hop(), u"password_secret"_s, QString(129, u's')))
        << QStringList{u"hops[0].password_secret: 129 characters long; at most 128 are allowed"_s};

    // via between hops.
    QTest::newRow("via itself") << oneHop(with(hop(), u"via"_s, u"bastion"_s))
                                << QStringList{u"hops[0].via: a hop cannot be reached through itself"_s};
    QTest::newRow("via unknown") << doc(QJsonArray{bastion, with(inner, u"via"_s, u"jump"_s)}, none)
                                 << QStringList{u"hops[1].via: unknown hop \"jump\" (hops: bastion, inner)"_s};
    QTest::newRow("via typo") << doc(QJsonArray{bastion, with(inner, u"via"_s, u"bastoin"_s)}, none)
                              << QStringList{u"hops[1].via: unknown hop \"bastoin\" (did you mean \"bastion\"?)"_s};
    QTest::newRow("cycle of two") << doc(QJsonArray{hop(u"x"_s), with(hop(u"b"_s), u"via"_s, u"a"_s),
                                                    with(hop(u"a"_s), u"via"_s, u"b"_s)},
                                         none)
                                  << QStringList{u"hops[2].via: hop chain \"a\" → \"b\" → \"a\" is a cycle"_s};
    QTest::newRow("cycle of three")
        << doc(QJsonArray{with(hop(u"a"_s), u"via"_s, u"c"_s), with(hop(u"b"_s), u"via"_s, u"a"_s),
                          with(hop(u"c"_s), u"via"_s, u"b"_s), with(hop(u"d"_s), u"via"_s, u"a"_s)},
               none)
        << QStringList{u"hops[2].via: hop chain \"c\" → \"b\" → \"a\" → \"c\" is a cycle"_s};
    QJsonArray longCycle = hopChain(12);
    longCycle[0] = with(longCycle.at(0).toObject(), u"via"_s, u"h12"_s);
    QTest::newRow("long cycle") << doc(longCycle, none)
                                << QStringList{u"hops[11].via: hop chain \"h12\" → \"h11\" → \"h10\" → \"h9\" → "
                                               "\"h8\" → \"h7\" → \"h6\" → \"h5\" → ... → \"h12\" is a cycle"_s};
    QTest::newRow("chain of 9") << doc(hopChain(9), none)
                                << QStringList{
                                       u"hops[8].via: the chain to this hop is 9 hops long; at most 8 are allowed"_s};
    QTest::newRow("chain of 11, reported once")
        << doc(hopChain(11), none)
        << QStringList{u"hops[8].via: the chain to this hop is 9 hops long; at most 8 are allowed"_s};

    // via of rules and backends.
    QTest::newRow("rule via unknown") << doc(QJsonArray{bastion}, QJsonArray{with(rule(), u"via"_s, u"inner"_s)})
                                      << QStringList{u"rules[0].via: unknown hop \"inner\" (hops: bastion)"_s};
    QJsonObject twoBackends =
        with(rule(), u"backends"_s,
             QJsonArray{QJsonObject{{u"address"_s, u"db-1.internal:5432"_s}},
                        QJsonObject{{u"address"_s, u"db-2.internal:5432"_s}, {u"via"_s, u"inner"_s}}});
    QTest::newRow("backend via unknown") << doc(QJsonArray{bastion}, QJsonArray{twoBackends})
                                         << QStringList{
                                                u"rules[0].backends[1].via: unknown hop \"inner\" (hops: bastion)"_s};
    QTest::newRow("backend via typo")
        << doc(QJsonArray{bastion, inner}, QJsonArray{withBackend(rule(), u"via"_s, u"innr"_s)})
        << QStringList{u"rules[0].backends[0].via: unknown hop \"innr\" (did you mean \"inner\"?)"_s};
    QTest::newRow("via without hops") << doc(withBackend(rule(), u"via"_s, u"inner"_s))
                                      << QStringList{
                                             u"rules[0].backends[0].via: unknown hop \"inner\" (there are no hops)"_s};
    QTest::newRow("via number") << doc(QJsonArray{bastion}, QJsonArray{with(rule(), u"via"_s, 1)})
                                << QStringList{u"rules[0].via: expected a string, got number 1"_s};
    QJsonArray eleven;
    for (int i = 0; i < 11; ++i)
        eleven.append(hop(u"hop-%1"_s.arg(i)));
    QTest::newRow("unknown hop of many")
        << doc(eleven, QJsonArray{with(rule(), u"via"_s, u"elsewhere"_s)})
        << QStringList{u"rules[0].via: unknown hop \"elsewhere\" (hops: hop-0, hop-1, hop-2, hop-3, hop-4, hop-5, "
                       "hop-6, hop-7, hop-8, hop-9, ...)"_s};

    // Everything at once, in document order: the document's keys, the hops by their keys, the rules.
    QJsonObject everything = with(hop(u""_s, u"*:22"_s), u"ssh_config_host"_s, u"jump"_s);
    everything = with(everything, u"identity_file"_s, QString());
    everything = with(everything, u"passphrase_secret"_s, u"a b"_s);
    everything = with(everything, u"via"_s, u"nowhere"_s); // not reported: the hop without a name may be it
    everything = with(everything, u"colour"_s, u"red"_s);
    const QJsonObject document{{u"version"_s, 1},
                               {u"extra"_s, 1},
                               {u"hops"_s, QJsonArray{everything, with(bastion, u"x-note"_s, 1), 7}},
                               {u"rules"_s, QJsonArray{with(rule(), u"via"_s, u"nowhere"_s)}}};
    QTest::newRow("several at once")
        << QJsonDocument(document).toJson()
        << QStringList{
               u"extra: unknown key"_s,
               u"hops[0].name: must not be empty"_s,
               u"hops[0].address: 0.0.0.0 is not an address to connect to: name the hop's host"_s,
               u"hops[0].ssh_config_host: not with \"address\": an ssh hop takes one of the two"_s,
               u"hops[0].identity_file: an empty file name: leave the key out for the default"_s,
               u"hops[0].passphrase_secret: \"a b\" is not a secret name: use letters, digits, '.', '_' and '-'"_s,
               u"hops[0].colour: unknown key"_s,
               u"hops[2]: expected an object, got number 7"_s,
           };
}

void tst_RuleValidator::hops()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);

    const RuleSetParser::Result result = RuleSetParser::parse(json);
    QCOMPARE(issueStrings(result.issues), expected);
}

void tst_RuleValidator::hopsOnValues()
{
    // The editor builds values without the parser; the validator must catch what parse() would.
    Hop portless;
    portless.name = u"a"_s;
    portless.address = Endpoint{u"bastion"_s, 0};
    portless.identityFile = u"~/.ssh/id\n"_s;
    portless.extensions.insert(u"zone"_s, 1);
    Hop hostless;
    hostless.name = u"b"_s;
    hostless.address = Endpoint{QString(), 22};
    hostless.via = u"a"_s;
    Hop unnamed;
    unnamed.sshConfigHost = u"jump"_s;
    Rule r = RuleSetParser::parse(doc(rule(u"r"_s))).ruleSet.rules.first();
    r.via = u"elsewhere"_s;

    RuleSet set;
    set.hops = {portless, hostless};
    set.rules = {r};
    QCOMPARE(issueStrings(RuleValidator::validate(set)),
             (QStringList{u"hops[0].address: port 0 is not allowed: choose a port 1-65535"_s,
                          u"hops[0].identity_file: contains a control character (U+000A)"_s,
                          u"hops[0].zone: own keys must start with \"x-\""_s,
                          u"hops[1].address: no host: name the host to connect to"_s,
                          u"rules[0].via: unknown hop \"elsewhere\" (hops: a, b)"_s}));

    // While a hop has no name, a "via" naming no hop may mean that one.
    set.hops.append(unnamed);
    QCOMPARE(issueStrings(RuleValidator::validate(set)).mid(4), QStringList{u"hops[2].name: must not be empty"_s});

    // Too many hops, built by hand.
    RuleSet crowded;
    for (int i = 0; i <= Hop::MaxHops; ++i) {
        Hop h = portless;
        h.name = u"h%1"_s.arg(i);
        h.address.port = 22;
        h.identityFile.clear();
        h.extensions = {};
        crowded.hops.append(h);
    }
    QCOMPARE(issueStrings(RuleValidator::validate(crowded)), QStringList{u"hops: 65 hops; at most 64 are allowed"_s});
}

QTEST_GUILESS_MAIN(tst_RuleValidator)

#include "tst_rulevalidator.moc"
