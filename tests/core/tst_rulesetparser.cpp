// RuleSetParser on what it must refuse: every rejection with its exact message, in document order;
// missing and oversized files; 10,000 rules; the cap on issues; hostile input (deep nesting, NUL
// bytes, broken UTF-8, huge arrays and strings) answered with bounded errors in bounded time; the
// partial import of a file with hops. The hops' own issues are in tst_rulevalidator.

#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulesetwriter.h"
#include "core/ruleset/rulevalidator.h"
#include "rulesetjson.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace PortRelay;
using namespace PortRelay::Test;
using namespace Qt::Literals::StringLiterals;

class TestRuleSetParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalid_data();
    void invalid();
    void parseFileMissing();
    void parseFileTooLarge();
    void tenThousandRules();
    void issueLimit();
    void hostile_data();
    void hostile();
    void partialImportWithHops();
};

void TestRuleSetParser::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");

    // Document level.
    QTest::newRow("json syntax")
        << QByteArray("{\"version\": 1, \"rules\": [}")
        << QStringList{u"invalid JSON at line 1, column 27 (byte 26): object is missing after a comma"_s};
    QTest::newRow("json syntax line 3")
        << QByteArray("{\n  \"version\": 1,\n  \"rules\": [1,]\n}")
        << QStringList{u"invalid JSON at line 3, column 16 (byte 33): object is missing after a comma"_s};
    QTest::newRow("empty file") << QByteArray()
                                << QStringList{u"invalid JSON at line 1, column 1 (byte 0): illegal value"_s};
    QTest::newRow("top level array") << QByteArray("[]")
                                     << QStringList{u"expected an object at the top level, got an array"_s};
    QTest::newRow("invalid utf-8") << QByteArray("{\"version\": 1,\n \"rules\": [], \"x-a\": \"\xc3\x28\"}")
                                   << QStringList{u"not valid UTF-8 at line 2, column 23 (byte 37)"_s};
    QTest::newRow("missing version") << QByteArray(R"({"rules": []})")
                                     << QStringList{u"missing required key \"version\""_s};
    QTest::newRow("version 2") << QByteArray(R"({"version": 2, "rules": [], "whatever": 1})")
                               << QStringList{u"version: unsupported version 2 (this PortRelay reads version 1)"_s};
    QTest::newRow("version 0") << QByteArray(R"({"version": 0, "rules": []})")
                               << QStringList{u"version: unsupported version 0 (versions start at 1)"_s};
    QTest::newRow("version string") << QByteArray(R"({"version": "1", "rules": []})")
                                    << QStringList{u"version: expected an integer, got string \"1\""_s};
    QTest::newRow("missing rules") << QByteArray(R"({"version": 1})")
                                   << QStringList{u"missing required key \"rules\""_s};
    QTest::newRow("rules not array") << QByteArray(R"({"version": 1, "rules": {}})")
                                     << QStringList{u"rules: expected an array, got an object"_s};
    QTest::newRow("top unknown key") << QByteArray(R"({"version": 1, "rule": []})")
                                     << QStringList{u"rule: unknown key (did you mean \"rules\"?)"_s,
                                                    u"missing required key \"rules\""_s};

    // Shape of a rule.
    QTest::newRow("rule not object") << doc(QJsonArray{5})
                                     << QStringList{u"rules[0]: expected an object, got number 5"_s};
    QTest::newRow("rule empty") << doc(QJsonObject())
                                << QStringList{u"rules[0]: missing required key \"name\""_s,
                                               u"rules[0]: missing required key \"listen\""_s,
                                               u"rules[0]: missing required key \"backends\""_s};
    QTest::newRow("unknown key suggestion")
        << doc(with(rule(), u"backendz"_s, QJsonArray()))
        << QStringList{u"rules[0].backendz: unknown key (did you mean \"backends\"?)"_s};
    QTest::newRow("unknown key camel case")
        << doc(with(rule(), u"connectTimeoutMs"_s, 5))
        << QStringList{u"rules[0].connectTimeoutMs: unknown key (did you mean \"connect_timeout_ms\"?)"_s};
    QTest::newRow("unknown key no suggestion")
        << doc(with(rule(), u"colour"_s, u"red"_s)) << QStringList{u"rules[0].colour: unknown key"_s};
    QTest::newRow("X- is not x-") << doc(with(rule(), u"X-note"_s, 1))
                                  << QStringList{u"rules[0].X-note: unknown key"_s};

    // name and group.
    QTest::newRow("name number") << doc(with(rule(), u"name"_s, 5))
                                 << QStringList{u"rules[0].name: expected a string, got number 5"_s};
    QTest::newRow("name empty") << doc(with(rule(), u"name"_s, QString()))
                                << QStringList{u"rules[0].name: must not be empty"_s};
    QTest::newRow("name too long") << doc(with(rule(), u"name"_s, QString(65, u'n')))
                                   << QStringList{u"rules[0].name: 65 characters long; at most 64 are allowed"_s};
    QTest::newRow("name control character") << doc(with(rule(), u"name"_s, u"a\nb"_s))
                                            << QStringList{u"rules[0].name: contains a control character (U+000A)"_s};
    QTest::newRow("group null") << doc(with(rule(), u"group"_s, QJsonValue::Null))
                                << QStringList{u"rules[0].group: expected a string, got null"_s};
    QTest::newRow("enabled string")
        << doc(with(rule(), u"enabled"_s, u"true"_s))
        << QStringList{u"rules[0].enabled: expected a boolean (true or false), got string \"true\""_s};

    // protocol and balance.
    QTest::newRow("protocol udp")
        << doc(with(rule(), u"protocol"_s, u"udp"_s))
        << QStringList{u"rules[0].protocol: protocol \"udp\" is not supported yet (supported: tcp)"_s};
    QTest::newRow("protocol other") << doc(with(rule(), u"protocol"_s, u"sctp"_s))
                                    << QStringList{u"rules[0].protocol: unknown protocol \"sctp\" (supported: tcp)"_s};
    QTest::newRow("balance typo")
        << doc(with(rule(), u"balance"_s, u"roundrobin"_s))
        << QStringList{u"rules[0].balance: unknown balance strategy \"roundrobin\" (did you mean \"round_robin\"?)"_s};
    QTest::newRow("balance unknown")
        << doc(with(rule(), u"balance"_s, u"fastest"_s))
        << QStringList{u"rules[0].balance: unknown balance strategy \"fastest\" (supported: round_robin, "
                       "least_connections, source_hash, random)"_s};

    // listen.
    QTest::newRow("listen number") << doc(with(rule(), u"listen"_s, 8080))
                                   << QStringList{u"rules[0].listen: expected a string, got number 8080"_s};
    QTest::newRow("listen port 0") << doc(rule(u"a"_s, u"127.0.0.1:0"_s))
                                   << QStringList{u"rules[0].listen: port 0 is not allowed: choose a port 1-65535"_s};
    QTest::newRow("listen unbracketed ipv6")
        << doc(rule(u"a"_s, u"::1:8080"_s))
        << QStringList{u"rules[0].listen: an IPv6 address must be in brackets, e.g. \"[::1]:8080\""_s};
    QTest::newRow("listen host name")
        << doc(rule(u"a"_s, u"db.local:8080"_s))
        << QStringList{
               u"rules[0].listen: listen host must be an IP address, \"localhost\" or \"*\", got \"db.local\""_s};

    // backends.
    QTest::newRow("port 70000 in rules[2]")
        << doc(QJsonArray{rule(u"a"_s, u"127.0.0.1:1001"_s), rule(u"b"_s, u"127.0.0.1:1002"_s),
                          withBackend(rule(u"c"_s, u"127.0.0.1:1003"_s), u"address"_s, u"127.0.0.1:70000"_s)})
        << QStringList{u"rules[2].backends[0].address: port 70000 out of range 1-65535"_s};
    QTest::newRow("backends missing") << doc(with(rule(), u"backends"_s, QJsonValue::Undefined))
                                      << QStringList{u"rules[0]: missing required key \"backends\""_s};
    QTest::newRow("backends empty") << doc(with(rule(), u"backends"_s, QJsonArray()))
                                    << QStringList{u"rules[0].backends: a rule needs at least one backend"_s};
    QTest::newRow("backends string") << doc(with(rule(), u"backends"_s, u"127.0.0.1:80"_s))
                                     << QStringList{
                                            u"rules[0].backends: expected an array, got string \"127.0.0.1:80\""_s};
    QJsonArray many;
    for (int i = 0; i < Rule::MaxBackends + 1; ++i)
        many.append(QJsonObject{{u"address"_s, u"127.0.0.1:%1"_s.arg(9000 + i)}});
    QTest::newRow("too many backends") << doc(with(rule(), u"backends"_s, many))
                                       << QStringList{u"rules[0].backends: 65 backends; at most 64 are allowed"_s};
    QTest::newRow("backend not object")
        << doc(with(rule(), u"backends"_s, QJsonArray{u"127.0.0.1:80"_s}))
        << QStringList{u"rules[0].backends[0]: expected an object, got string \"127.0.0.1:80\""_s};
    QTest::newRow("backend address missing")
        << doc(withBackend(rule(), u"address"_s, QJsonValue::Undefined))
        << QStringList{u"rules[0].backends[0]: missing required key \"address\""_s};
    QTest::newRow("backend wildcard")
        << doc(withBackend(rule(), u"address"_s, u"*:8080"_s))
        << QStringList{u"rules[0].backends[0].address: 0.0.0.0 is not an address to connect to: name the backend's "
                       "host"_s};
    QTest::newRow("backend bad host name")
        << doc(withBackend(rule(), u"address"_s, u"web_1:8080"_s))
        << QStringList{u"rules[0].backends[0].address: invalid host name \"web_1\": only letters, digits, \"-\" and "
                       "\".\" are allowed"_s};
    QTest::newRow("weight string") << doc(withBackend(rule(), u"weight"_s, u"5"_s))
                                   << QStringList{
                                          u"rules[0].backends[0].weight: expected an integer, got string \"5\""_s};
    QTest::newRow("weight fraction") << doc(withBackend(rule(), u"weight"_s, 5.5))
                                     << QStringList{
                                            u"rules[0].backends[0].weight: expected an integer, got number 5.5"_s};
    QTest::newRow("weight 0")
        << doc(withBackend(rule(), u"weight"_s, 0))
        << QStringList{u"rules[0].backends[0].weight: weight 0 is not allowed: set \"enabled\": false to take a "
                       "backend out of use"_s};
    QTest::newRow("weight 1001") << doc(withBackend(rule(), u"weight"_s, 1001))
                                 << QStringList{u"rules[0].backends[0].weight: 1001 out of range 1-1000"_s};
    QTest::newRow("weight negative") << doc(withBackend(rule(), u"weight"_s, -1))
                                     << QStringList{u"rules[0].backends[0].weight: -1 out of range 1-1000"_s};
    QTest::newRow("weight 1e300") << doc(withBackend(rule(), u"weight"_s, 1e300))
                                  << QStringList{u"rules[0].backends[0].weight: 1e+300 out of range 1-1000"_s};
    QTest::newRow("backup number")
        << doc(withBackend(rule(), u"backup"_s, 1))
        << QStringList{u"rules[0].backends[0].backup: expected a boolean (true or false), got number 1"_s};
    QTest::newRow("backend unknown key")
        << doc(withBackend(rule(), u"wieght"_s, 2))
        << QStringList{u"rules[0].backends[0].wieght: unknown key (did you mean \"weight\"?)"_s};

    // health_check.
    QTest::newRow("health not object") << doc(with(rule(), u"health_check"_s, u"tcp"_s))
                                       << QStringList{
                                              u"rules[0].health_check: expected an object, got string \"tcp\""_s};
    QTest::newRow("health type")
        << doc(withHealth(rule(), u"type"_s, u"http"_s))
        << QStringList{u"rules[0].health_check.type: unknown health check type \"http\" (supported: tcp, none)"_s};
    QTest::newRow("interval too short") << doc(withHealth(rule(), u"interval_ms"_s, 50))
                                        << QStringList{
                                               u"rules[0].health_check.interval_ms: 50 out of range 100-3600000"_s};
    QTest::newRow("timeout longer than interval")
        << doc(withHealth(withHealth(rule(), u"interval_ms"_s, 1000), u"timeout_ms"_s, 1500))
        << QStringList{u"rules[0].health_check.timeout_ms: 1500 is longer than interval_ms 1000: a check must end "
                       "before the next one starts"_s};
    QTest::newRow("timeout too short") << doc(withHealth(rule(), u"timeout_ms"_s, 5))
                                       << QStringList{u"rules[0].health_check.timeout_ms: 5 out of range 10-600000"_s};
    QTest::newRow("rise and fall") << doc(withHealth(withHealth(rule(), u"rise"_s, 0), u"fall"_s, 101))
                                   << QStringList{u"rules[0].health_check.rise: 0 out of range 1-100"_s,
                                                  u"rules[0].health_check.fall: 101 out of range 1-100"_s};
    QTest::newRow("health unknown key")
        << doc(withHealth(rule(), u"intervall_ms"_s, 1000))
        << QStringList{u"rules[0].health_check.intervall_ms: unknown key (did you mean \"interval_ms\"?)"_s};
    QTest::newRow("health unknown key expected")
        << doc(withHealth(rule(), u"expected"_s, u"+PONG"_s))
        << QStringList{u"rules[0].health_check.expected: unknown key (did you mean \"expect\"?)"_s};
    QTest::newRow("send number") << doc(withHealth(rule(), u"send"_s, 5))
                                 << QStringList{u"rules[0].health_check.send: expected a string, got number 5"_s};
    QTest::newRow("expect array") << doc(withHealth(rule(), u"expect"_s, QJsonArray{u"+PONG"_s}))
                                  << QStringList{u"rules[0].health_check.expect: expected a string, got an array"_s};
    QTest::newRow("expect with type none")
        << doc(withHealth(withHealth(rule(), u"type"_s, u"none"_s), u"expect"_s, u"+PONG"_s))
        << QStringList{u"rules[0].health_check.expect: needs \"type\": \"tcp\""_s};
    QTest::newRow("send and expect with type none")
        << doc(withHealth(withHealth(withHealth(rule(), u"expect"_s, u"+PONG"_s), u"type"_s, u"none"_s), u"send"_s,
                          u"PING\r\n"_s))
        << QStringList{u"rules[0].health_check.send: needs \"type\": \"tcp\""_s,
                       u"rules[0].health_check.expect: needs \"type\": \"tcp\""_s};
    QTest::newRow("send too long") << doc(withHealth(rule(), u"send"_s, QString(1025, u'a')))
                                   << QStringList{u"rules[0].health_check.send: 1025 bytes long in UTF-8; at most "
                                                  "1024 are allowed"_s};
    QTest::newRow("expect too long in bytes") // 600 characters, 2 bytes each
        << doc(withHealth(rule(), u"expect"_s, QString(600, QChar(0xe9))))
        << QStringList{u"rules[0].health_check.expect: 1200 bytes long in UTF-8; at most 1024 are allowed"_s};
    QTest::newRow("expect unpaired surrogate")
        << QByteArray(R"({"version":1,"rules":[{"name":"a","listen":"127.0.0.1:1","backends":[)"
                      R"({"address":"127.0.0.1:2"}],"health_check":{"expect":"ok\udc00"}}]})")
        << QStringList{u"rules[0].health_check.expect: contains an unpaired surrogate (U+DC00)"_s};
    QTest::newRow("health x- key")
        << doc(withHealth(rule(), u"x-path"_s, u"/healthz"_s))
        << QStringList{u"rules[0].health_check.x-path: \"x-\" keys are kept only at the top level, in hops, in "
                       "rules and in backends"_s};

    // Timeouts and limits.
    QTest::newRow("connect timeout 0") << doc(with(rule(), u"connect_timeout_ms"_s, 0))
                                       << QStringList{u"rules[0].connect_timeout_ms: 0 out of range 1-600000"_s};
    QTest::newRow("idle timeout negative") << doc(with(rule(), u"idle_timeout_ms"_s, -1))
                                           << QStringList{u"rules[0].idle_timeout_ms: -1 out of range 0-86400000"_s};
    QTest::newRow("retries 11") << doc(with(rule(), u"retries"_s, 11))
                                << QStringList{u"rules[0].retries: 11 out of range 0-10"_s};
    QTest::newRow("max connections") << doc(with(rule(), u"max_connections"_s, 1000001))
                                     << QStringList{u"rules[0].max_connections: 1000001 out of range 0-1000000"_s};
    QTest::newRow("max connections per client")
        << doc(with(rule(), u"max_connections_per_client"_s, -1))
        << QStringList{u"rules[0].max_connections_per_client: -1 out of range 0-1000000"_s};
    QTest::newRow("retries beyond int") << doc(with(rule(), u"retries"_s, -3e10))
                                        << QStringList{u"rules[0].retries: -3e+10 out of range 0-10"_s};

    QTest::newRow("retry backoff 60001") << doc(with(rule(), u"retry_backoff_ms"_s, 60001))
                                         << QStringList{u"rules[0].retry_backoff_ms: 60001 out of range 0-60000"_s};
    QTest::newRow("retry backoff negative") << doc(with(rule(), u"retry_backoff_ms"_s, -1))
                                            << QStringList{u"rules[0].retry_backoff_ms: -1 out of range 0-60000"_s};
    QTest::newRow("retry backoff string")
        << doc(with(rule(), u"retry_backoff_ms"_s, u"100ms"_s))
        << QStringList{u"rules[0].retry_backoff_ms: expected an integer, got string \"100ms\""_s};

    // Passive checks, slow start, adaptive weights, on_down.
    QTest::newRow("max fails 101") << doc(with(rule(), u"max_fails"_s, 101))
                                   << QStringList{u"rules[0].max_fails: 101 out of range 0-100"_s};
    QTest::newRow("max fails negative") << doc(with(rule(), u"max_fails"_s, -1))
                                        << QStringList{u"rules[0].max_fails: -1 out of range 0-100"_s};
    QTest::newRow("max fails boolean") << doc(with(rule(), u"max_fails"_s, false))
                                       << QStringList{u"rules[0].max_fails: expected an integer, got boolean false"_s};
    QTest::newRow("fail window 99") << doc(with(rule(), u"fail_window_ms"_s, 99))
                                    << QStringList{u"rules[0].fail_window_ms: 99 out of range 100-3600000"_s};
    QTest::newRow("fail window 3600001") << doc(with(rule(), u"fail_window_ms"_s, 3600001))
                                         << QStringList{u"rules[0].fail_window_ms: 3600001 out of range 100-3600000"_s};
    QTest::newRow("fail window beyond int")
        << doc(with(rule(), u"fail_window_ms"_s, 1e10))
        << QStringList{u"rules[0].fail_window_ms: 1e+10 out of range 100-3600000"_s};
    QTest::newRow("slow start 3600001") << doc(with(rule(), u"slow_start_ms"_s, 3600001))
                                        << QStringList{u"rules[0].slow_start_ms: 3600001 out of range 0-3600000"_s};
    QTest::newRow("slow start fraction") << doc(with(rule(), u"slow_start_ms"_s, 1.5))
                                         << QStringList{
                                                u"rules[0].slow_start_ms: expected an integer, got number 1.5"_s};
    QTest::newRow("adaptive weights string")
        << doc(with(rule(), u"adaptive_weights"_s, u"true"_s))
        << QStringList{u"rules[0].adaptive_weights: expected a boolean (true or false), got string \"true\""_s};
    QTest::newRow("adaptive weights number")
        << doc(with(rule(), u"adaptive_weights"_s, 1))
        << QStringList{u"rules[0].adaptive_weights: expected a boolean (true or false), got number 1"_s};
    QTest::newRow("on_down unknown")
        << doc(with(rule(), u"on_down"_s, u"shutdown"_s))
        << QStringList{u"rules[0].on_down: unknown on_down value \"shutdown\" (supported: keep, close)"_s};
    QTest::newRow("on_down case")
        << doc(with(rule(), u"on_down"_s, u"Close"_s))
        << QStringList{u"rules[0].on_down: unknown on_down value \"Close\" (supported: keep, close)"_s};
    QTest::newRow("on_down boolean") << doc(with(rule(), u"on_down"_s, true))
                                     << QStringList{u"rules[0].on_down: expected a string, got boolean true"_s};
    QTest::newRow("unknown key maxFails")
        << doc(with(rule(), u"maxFails"_s, 3))
        << QStringList{u"rules[0].maxFails: unknown key (did you mean \"max_fails\"?)"_s};
    QTest::newRow("unknown key slow_start")
        << doc(with(rule(), u"slow_start"_s, 1000))
        << QStringList{u"rules[0].slow_start: unknown key (did you mean \"slow_start_ms\"?)"_s};
    QTest::newRow("unknown key adaptive_weight")
        << doc(with(rule(), u"adaptive_weight"_s, true))
        << QStringList{u"rules[0].adaptive_weight: unknown key (did you mean \"adaptive_weights\"?)"_s};
    QTest::newRow("unknown key on-down") << doc(with(rule(), u"on-down"_s, u"close"_s))
                                         << QStringList{u"rules[0].on-down: unknown key (did you mean \"on_down\"?)"_s};
    QTest::newRow("unknown key retryBackoffMs")
        << doc(with(rule(), u"retryBackoffMs"_s, 100))
        << QStringList{u"rules[0].retryBackoffMs: unknown key (did you mean \"retry_backoff_ms\"?)"_s};

    // allow.
    QTest::newRow("allow empty")
        << doc(with(rule(), u"allow"_s, QJsonArray()))
        << QStringList{u"rules[0].allow: an empty list would refuse every client: omit the key to allow any client"_s};
    QTest::newRow("allow string") << doc(with(rule(), u"allow"_s, u"127.0.0.1"_s))
                                  << QStringList{u"rules[0].allow: expected an array, got string \"127.0.0.1\""_s};
    QTest::newRow("allow host bits")
        << doc(with(rule(), u"allow"_s, QJsonArray{u"127.0.0.0/8"_s, u"10.0.0.1/8"_s}))
        << QStringList{u"rules[0].allow[1]: host bits set in 10.0.0.1/8 (did you mean 10.0.0.0/8?)"_s};
    QTest::newRow("allow number") << doc(with(rule(), u"allow"_s, QJsonArray{8}))
                                  << QStringList{u"rules[0].allow[0]: expected a string, got number 8"_s};

    // Between rules.
    QTest::newRow("duplicate name") << doc(QJsonArray{
                                           rule(u"api"_s, u"127.0.0.1:1001"_s), rule(u"b"_s, u"127.0.0.1:1002"_s),
                                           rule(u"c"_s, u"127.0.0.1:1003"_s), rule(u"api"_s, u"127.0.0.1:1004"_s)})
                                    << QStringList{u"rules[3].name: duplicate name \"api\" (also rules[0])"_s};
    QTest::newRow("same listen")
        << doc(QJsonArray{rule(u"a"_s), rule(u"b"_s)})
        << QStringList{u"rules[1].listen: 127.0.0.1:18080 conflicts with rules[0] (\"a\"), which listens on "
                       "127.0.0.1:18080"_s};
    QTest::newRow("wildcard first")
        << doc(QJsonArray{rule(u"a"_s, u"*:18080"_s), rule(u"b"_s, u"127.0.0.2:18080"_s)})
        << QStringList{u"rules[1].listen: 127.0.0.2:18080 conflicts with rules[0] (\"a\"), which listens on "
                       "0.0.0.0:18080"_s};
    QTest::newRow("wildcard second")
        << doc(QJsonArray{rule(u"a"_s, u"[::1]:18080"_s), rule(u"b"_s, u"[::]:18080"_s)})
        << QStringList{u"rules[1].listen: [::]:18080 conflicts with rules[0] (\"a\"), which listens on [::1]:18080"_s};
    QTest::newRow("localhost is 127.0.0.1")
        << doc(QJsonArray{rule(u"a"_s, u"127.0.0.1:18080"_s), rule(u"b"_s, u"localhost:18080"_s)})
        << QStringList{u"rules[1].listen: localhost:18080 conflicts with rules[0] (\"a\"), which listens on "
                       "127.0.0.1:18080"_s};

    // Everything at once, in document order.
    QJsonObject first = withBackend(rule(u"api"_s), u"weight"_s, u"5"_s);
    first = with(first, u"backendz"_s, 1);
    first = with(first, u"retries"_s, 99);
    first = with(first, u"adaptive_weights"_s, u"yes"_s);
    first = with(first, u"max_fails"_s, 101);
    first = with(first, u"on_down"_s, u"drain"_s);
    first = with(first, u"name"_s, QString());
    first = withHealth(first, u"expect"_s, 7);
    QJsonObject second = with(rule(u"web"_s, u"127.0.0.1:18081"_s), u"protocol"_s, u"udp"_s);
    second = withHealth(second, u"timeout_ms"_s, 5000);
    QJsonObject third = rule(u"web"_s, u"127.0.0.1:70000"_s);
    third = withBackend(third, u"address"_s, u"::1"_s);
    QJsonObject document{{u"version"_s, 1}, {u"rules"_s, QJsonArray{first, 7, second, third}}, {u"extra"_s, true}};
    QTest::newRow("several at once")
        << QJsonDocument(document).toJson()
        << QStringList{
               u"extra: unknown key"_s,
               u"rules[0].name: must not be empty"_s,
               u"rules[0].backends[0].weight: expected an integer, got string \"5\""_s,
               u"rules[0].health_check.expect: expected a string, got number 7"_s,
               u"rules[0].retries: 99 out of range 0-10"_s,
               u"rules[0].max_fails: 101 out of range 0-100"_s,
               u"rules[0].on_down: unknown on_down value \"drain\" (supported: keep, close)"_s,
               u"rules[0].adaptive_weights: expected a boolean (true or false), got string \"yes\""_s,
               u"rules[0].backendz: unknown key (did you mean \"backends\"?)"_s,
               u"rules[1]: expected an object, got number 7"_s,
               u"rules[2].protocol: protocol \"udp\" is not supported yet (supported: tcp)"_s,
               u"rules[2].health_check.timeout_ms: 5000 is longer than interval_ms 2000: a check must end before "
               "the next one starts"_s,
               u"rules[3].name: duplicate name \"web\" (also rules[2])"_s,
               u"rules[3].listen: port 70000 out of range 1-65535"_s,
               u"rules[3].backends[0].address: an IPv6 address must be in brackets, e.g. \"[::1]:8080\""_s,
           };
}

void TestRuleSetParser::invalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);

    const RuleSetParser::Result result = RuleSetParser::parse(json);
    QCOMPARE(issueStrings(result.issues), expected);
    QVERIFY(!result.ok());
}

void TestRuleSetParser::parseFileMissing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"absent.json"_s);
    const RuleSetParser::Result result = RuleSetParser::parseFile(path);
    QCOMPARE(result.issues.size(), 1);
    QVERIFY(result.issues.first().message.english().startsWith(u"cannot open "_s + path + u": "_s));
}

void TestRuleSetParser::parseFileTooLarge()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"huge.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(RuleSetParser::MaxFileSize + 1)); // sparse: no disk blocks
    file.close();

    const RuleSetParser::Result result = RuleSetParser::parseFile(path);
    QCOMPARE(issueStrings(result.issues),
             QStringList{u"16777217 bytes is too large: a rules file may have at most 16777216 bytes (16 MiB)"_s});

    // The same limit applies to data handed over in memory.
    QByteArray big(RuleSetParser::MaxFileSize + 1, ' ');
    QCOMPARE(issueStrings(RuleSetParser::parse(big).issues), issueStrings(result.issues));
}

void TestRuleSetParser::tenThousandRules()
{
    QByteArray json = R"({"version": 1, "rules": [)";
    for (int i = 0; i < 10000; ++i) {
        if (i > 0)
            json += ',';
        json += R"({"name": "rule-)" + QByteArray::number(i) + R"(", "listen": "127.0.0.1:)" +
                QByteArray::number(20000 + i) + R"(", "backends": [{"address": "127.0.0.1:)" +
                QByteArray::number(1000 + i) + R"("}], "health_check": {"type": "tcp"}, "allow": ["127.0.0.0/8"]})";
    }
    json += "]}";

    QElapsedTimer timer;
    timer.start();
    const RuleSetParser::Result result = RuleSetParser::parse(json);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(result.ok(), qPrintable(issueStrings(result.issues).mid(0, 5).join(u'\n')));
    QCOMPARE(result.ruleSet.rules.size(), 10000);
    QVERIFY2(elapsed < 5000, qPrintable(u"took %1 ms"_s.arg(elapsed))); // a sanity bound, not a benchmark

    // The writer scales too, and the validator alone agrees.
    QCOMPARE(RuleSetParser::parse(RuleSetWriter::serialize(result.ruleSet)).ruleSet.rules.size(), 10000);
    QCOMPARE(RuleValidator::validate(result.ruleSet), RuleSetIssues());
}

void TestRuleSetParser::issueLimit()
{
    // 10,000 rules on one name and one address: thousands of issues, reported up to the limit.
    QJsonArray rules;
    for (int i = 0; i < 10000; ++i)
        rules.append(rule());
    const RuleSetParser::Result result = RuleSetParser::parse(doc(rules));
    QCOMPARE(result.issues.size(), RuleSetParser::MaxIssues + 1);
    QCOMPARE(result.issues.first().toString(), u"rules[1].name: duplicate name \"a\" (also rules[0])"_s);
    QCOMPARE(result.issues.last().toString(), u"too many issues: stopped after the first 1000"_s);
}

void TestRuleSetParser::hostile_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("10000 [") << QByteArray(10000, '[');
    QTest::newRow("10000 [ and ]") << QByteArray(10000, '[') + QByteArray(10000, ']');
    QByteArray objects;
    for (int i = 0; i < 10000; ++i)
        objects += "{\"a\":";
    QTest::newRow("10000 objects") << objects;
    QTest::newRow("deep in a rule") << QByteArray(R"({"version":1,"rules":[{"x-deep":)") + QByteArray(5000, '[') +
                                           QByteArray(5000, ']') + "}]}";
    QTest::newRow("NUL bytes") << QByteArray("\0\0\0\0", 4);
    QTest::newRow("NUL inside") << QByteArray("{\"version\":1,\"rules\":[\0]}", 25);
    QTest::newRow("NUL escaped in name") << QByteArray(R"({"version":1,"rules":[{"name":"a\u0000b"}]})");
    QTest::newRow("raw control in string") << QByteArray("{\"version\":1,\"rules\":[{\"name\":\"a\x01\"}]}");
    QTest::newRow("invalid utf-8 lead") << QByteArray("{\"version\":1,\"rules\":[],\"x-a\":\"\xff\"}");
    QTest::newRow("overlong utf-8") << QByteArray("{\"version\":1,\"rules\":[],\"x-a\":\"\xc0\xaf\"}");
    QTest::newRow("utf-8 surrogate") << QByteArray("{\"version\":1,\"rules\":[],\"x-a\":\"\xed\xa0\x80\"}");
    QTest::newRow("truncated utf-8") << QByteArray("{\"version\":1,\"rules\":[],\"x-a\":\"\xe2\x82");
    QTest::newRow("unpaired surrogate escape") << QByteArray(R"({"version":1,"rules":[],"bad":"\ud800"})");
    QTest::newRow("numbers as strings") << QByteArray(
        R"({"version":"1","rules":[{"name":"a","listen":"127.0.0.1:1","backends":[{"address":)"
        R"("127.0.0.1:2","weight":"1"}],"retries":"2","health_check":{"rise":"2"}}]})");
    QTest::newRow("negatives") << doc(
        with(with(withHealth(rule(), u"interval_ms"_s, -1), u"retries"_s, -5), u"max_connections"_s, -1));
    QTest::newRow("1e300 everywhere") << QByteArray(R"({"version":1e300,"rules":[]})");
    QTest::newRow("1e300 fields") << doc(
        with(with(withBackend(rule(), u"weight"_s, 1e300), u"retries"_s, -1e300), u"idle_timeout_ms"_s, 1e300));
    QTest::newRow("1e400") << QByteArray(R"({"version":1,"rules":[{"name":"a","listen":"127.0.0.1:1","backends":[],)"
                                         R"("retries":1e400}]})");
    QTest::newRow("huge rules array of numbers") << [] {
        QByteArray json = R"({"version":1,"rules":[)";
        json += QByteArray("1,").repeated(500000);
        json += "1]}";
        return json;
    }();
    QTest::newRow("huge backends array") << [] {
        QByteArray json = R"({"version":1,"rules":[{"name":"a","listen":"127.0.0.1:1","backends":[)";
        json += QByteArray(R"({"address":"127.0.0.1:2"},)").repeated(200000);
        json += R"({"address":"127.0.0.1:2"}]}]})";
        return json;
    }();
    QTest::newRow("huge allow array") << [] {
        QByteArray json = R"({"version":1,"rules":[{"name":"a","listen":"127.0.0.1:1","backends":[)"
                          R"({"address":"127.0.0.1:2"}],"allow":[)";
        json += QByteArray(R"("10.0.0.1/8",)").repeated(200000);
        json += R"("x"]}]})";
        return json;
    }();
    QTest::newRow("huge hops array") << [] {
        QByteArray json = R"({"version":1,"hops":[)";
        json += QByteArray(R"({"name":"h","type":"ssh","address":"h"},)").repeated(200000);
        json += R"({"name":"h"}],"rules":[]})";
        return json;
    }();
    QTest::newRow("hops in a cycle, rules through them") << [] {
        const auto name = [](int i) { return QString(QString(60, QChar(u'a' + i % 26)) + QString::number(i)); };
        QJsonArray hops;
        for (int i = 0; i < Hop::MaxHops; ++i)
            hops.append(with(hop(name(i)), u"via"_s, name((i + 1) % Hop::MaxHops)));
        QJsonArray rules;
        for (int i = 0; i < 2000; ++i)
            rules.append(
                withBackend(rule(u"r%1"_s.arg(i), u"127.0.0.1:%1"_s.arg(10000 + i)), u"via"_s, QString(1000, u'v')));
        return doc(hops, rules);
    }();
    QTest::newRow("huge key") << QByteArray(R"({"version":1,"rules":[],")") + QByteArray(1000000, 'k') + "\":1}";
    QTest::newRow("huge string value") << QByteArray(R"({"version":1,"rules":[{"name":")") + QByteArray(1000000, 'n') +
                                              R"(","listen":")" + QByteArray(1000000, '1') +
                                              R"(","backends":[{"address":"a:)" + QByteArray(1000000, '9') + "\"}]}]}";
    QTest::newRow("huge send and expect")
        << doc(withHealth(withHealth(withHealth(rule(), u"type"_s, u"none"_s), u"send"_s, QString(1000000, u's')),
                          u"expect"_s, QString(1000000, QChar(0xd800))));
    QTest::newRow("many unknown keys") << [] {
        QJsonObject r = rule();
        for (int i = 0; i < 5000; ++i)
            r.insert(u"key%1"_s.arg(i), i);
        return doc(r);
    }();
}

void TestRuleSetParser::hostile()
{
    QFETCH(QByteArray, json);
    QElapsedTimer timer;
    timer.start();
    const RuleSetParser::Result result = RuleSetParser::parse(json);
    QVERIFY(!result.ok());
    QVERIFY(result.issues.size() <= RuleSetParser::MaxIssues + 1);
    for (const RuleSetIssue &issue : result.issues) {
        QVERIFY(!issue.message.isEmpty());
        QVERIFY2(issue.toString().size() < 1000, qPrintable(issue.toString().left(200)));
    }
    QVERIFY2(timer.elapsed() < 5000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
}

void TestRuleSetParser::partialImportWithHops()
{
    const QJsonArray hops{hop(u"bastion"_s), with(hop(u"inner"_s, u"10.0.0.5"_s), u"via"_s, u"bastion"_s),
                          hop(u"spare"_s)};
    const QJsonArray rules{withBackend(rule(u"db"_s, u"127.0.0.1:15432"_s), u"via"_s, u"inner"_s),
                           with(rule(u"lost"_s, u"127.0.0.1:15433"_s), u"via"_s, u"outer"_s),
                           rule(u"direct"_s, u"127.0.0.1:15434"_s)};

    // A rule whose "via" names no hop is not taken; the others come with every hop of the file.
    const RuleSetParser::PartialResult partial = RuleSetParser::parseValidRules(doc(hops, rules));
    QVERIFY2(partial.ok(), qPrintable(issueStrings(partial.documentIssues).join(u'\n')));
    QCOMPARE(partial.ruleSet.names(), (QStringList{u"db"_s, u"direct"_s}));
    QCOMPARE(partial.ruleSet.hops.size(), 3);
    QCOMPARE(partial.ruleSet.hops.at(1).address.toString(), u"10.0.0.5:22"_s);
    QCOMPARE(partial.rejected.size(), 1);
    QCOMPARE(partial.rejected.first().index, 1);
    QCOMPARE(partial.rejected.first().name, u"lost"_s);
    QCOMPARE(issueStrings(partial.rejected.first().issues),
             QStringList{u"rules[1].via: unknown hop \"outer\" (hops: bastion, inner, spare)"_s});
    QCOMPARE(RuleValidator::validate(partial.ruleSet), RuleSetIssues());

    // An issue inside "hops" is the document's: nothing is taken.
    QJsonArray broken = hops;
    broken[2] = with(hop(u"spare"_s), u"via"_s, u"spare"_s);
    const RuleSetParser::PartialResult refused = RuleSetParser::parseValidRules(doc(broken, rules));
    QVERIFY(!refused.ok());
    QCOMPARE(issueStrings(refused.documentIssues),
             QStringList{u"hops[2].via: a hop cannot be reached through itself"_s});
    QVERIFY(refused.ruleSet.rules.isEmpty());
    QVERIFY(refused.ruleSet.hops.isEmpty());
    QVERIFY(refused.rejected.isEmpty());
}

QTEST_GUILESS_MAIN(TestRuleSetParser)

#include "tst_rulesetparser.moc"
