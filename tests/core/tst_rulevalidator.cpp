// What a valid rule set is: the defaults a minimal rule gets, the variants the parser accepts and
// RuleValidator passes, RuleValidator on values built without the parser (as the editor does), and
// listen conflicts, pairwise and across a whole rule set.

#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulevalidator.h"
#include "rulesetjson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace PortRelay;
using namespace PortRelay::Test;
using namespace Qt::Literals::StringLiterals;

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

QTEST_GUILESS_MAIN(tst_RuleValidator)

#include "tst_rulevalidator.moc"
