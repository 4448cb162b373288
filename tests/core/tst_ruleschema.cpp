// The schema tables are the format: every key they list is read, written and compared, and a change
// of any one of them is a change of the rule or hop (Engine::apply restarts only changed rules).

#include "core/ruleset/ruleschema.h"
#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulesetwriter.h"
#include "core/ruleset/rulevalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <functional>

using namespace PortRelay;
using namespace Qt::StringLiterals;

namespace {

Rule baseRule()
{
    Rule rule;
    rule.name = u"base"_s;
    rule.listen = *Endpoint::parse(u"127.0.0.1:40000");
    rule.backends = {Backend{*Endpoint::parse(u"127.0.0.1:40001"), 1, false, true, {}, {}}};
    return rule;
}

QStringList issueStrings(const RuleSetIssues &issues)
{
    QStringList out;
    for (const RuleSetIssue &issue : issues)
        out.append(issue.toString());
    return out;
}

// Another enumerator than value, if the enumeration has one.
template<typename Enum>
bool nextEnumerator(Enum &value)
{
    const auto &names = EnumSchema<Enum>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].first == value && names.size() > 1) {
            value = names[(i + 1) % names.size()].first;
            return true;
        }
    }
    return false;
}

// Gives the member another value that the validator accepts in the object built by valid(); false
// for a member that has no other value (an enumeration of one).
template<typename Object>
bool changeMember(const SchemaField<Object> &field, Object &object, const std::function<bool()> &valid)
{
    if (int *value = field.template get<int>(object)) {
        const int before = *value;
        const qint64 candidates[] = {field.range.min, field.range.min + 1, before + 1, before * 2, field.range.max};
        for (qint64 candidate : candidates) {
            if (candidate == before || !field.range.contains(candidate))
                continue;
            *value = int(candidate);
            if (valid())
                return true;
        }
        *value = before;
        return false;
    }
    if (bool *value = field.template get<bool>(object)) {
        *value = !*value;
        return true;
    }
    if (QString *value = field.template get<QString>(object)) {
        *value = value->isEmpty() ? u"changed"_s : *value + u"-changed"_s; // not "-changed": an option to ssh
        return true;
    }
    if (Endpoint *value = field.template get<Endpoint>(object)) {
        value->port = quint16(value->port + 100);
        return true;
    }
    if (QByteArray *value = field.template get<QByteArray>(object)) {
        *value += "PING\r\n";
        return true;
    }
    if (Protocol *value = field.template get<Protocol>(object))
        return nextEnumerator(*value);
    if (BalanceStrategy *value = field.template get<BalanceStrategy>(object))
        return nextEnumerator(*value);
    if (OnDown *value = field.template get<OnDown>(object))
        return nextEnumerator(*value);
    if (HealthCheck::Type *value = field.template get<HealthCheck::Type>(object))
        return nextEnumerator(*value);
    if (Hop::Type *value = field.template get<Hop::Type>(object))
        return nextEnumerator(*value);
    if (QList<Backend> *value = field.template get<QList<Backend>>(object)) {
        value->append(Backend{*Endpoint::parse(u"127.0.0.1:40002"), 2, true, true, {}, {}});
        return true;
    }
    if (HealthCheck *value = field.template get<HealthCheck>(object)) {
        value->rise += 1;
        return true;
    }
    if (QList<Subnet> *value = field.template get<QList<Subnet>>(object)) {
        value->append(*Subnet::parse(u"10.0.0.0/8"));
        return true;
    }
    qFatal("tst_RuleSchema: a member type the test does not know; teach changeMember()");
    return false;
}

// A hop for the "via" keys to name.
Hop jumpHop()
{
    Hop hop;
    hop.name = u"jump"_s;
    hop.address = *Endpoint::parse(u"jump.example.com:22");
    return hop;
}

RuleSet setOf(const Rule &rule)
{
    RuleSet set;
    set.hops = {jumpHop()};
    set.rules = {rule};
    return set;
}

// Another value for the key, which for "via" must name a hop of setOf().
template<typename Object>
bool changeKey(const SchemaField<Object> &field, Object &object, const std::function<bool()> &valid)
{
    if (field.key == u"via") {
        QString *via = field.template get<QString>(object);
        *via = u"jump"_s;
        return true;
    }
    return changeMember(field, object, valid);
}

} // namespace

class tst_RuleSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tablesHaveUniqueKeys();
    void everyRuleKeyIsReadWrittenAndCompared_data();
    void everyRuleKeyIsReadWrittenAndCompared();
    void everyBackendKeyIsReadWrittenAndCompared_data();
    void everyBackendKeyIsReadWrittenAndCompared();
    void everyHealthCheckKeyIsReadWrittenAndCompared_data();
    void everyHealthCheckKeyIsReadWrittenAndCompared();
    void everyHopKeyIsReadWrittenAndCompared_data();
    void everyHopKeyIsReadWrittenAndCompared();
    void writerWritesTheTablesKeys();
    void enumerationNamesRoundTrip();
    void description_data();
    void description();
    void descriptionOmittedWhenEmpty();

private:
    // Shared by the four data-driven tests: one row per key of the table.
    template<typename Object>
    static void addKeys(SchemaFields<Object> fields)
    {
        QTest::addColumn<QString>("key");
        for (const SchemaField<Object> &field : fields)
            QTest::newRow(field.key.toString().toUtf8()) << field.key.toString();
    }
    static void checkChangedRule(const Rule &base, const Rule &changed, const QString &jsonKeyPath);
};

void tst_RuleSchema::tablesHaveUniqueKeys()
{
    auto check = [](auto fields) {
        QSet<QString> seen;
        for (const auto &field : fields) {
            QVERIFY2(!seen.contains(field.key.toString()), qPrintable(field.key.toString()));
            seen.insert(field.key.toString());
            QCOMPARE(fields.find(field.key), &field);
        }
        QCOMPARE(fields.find(u"no_such_key"), nullptr);
        QCOMPARE(fields.rank(u"no_such_key"), int(fields.size()));
    };
    check(RuleSchema::rule());
    check(RuleSchema::backend());
    check(RuleSchema::healthCheck());
    check(RuleSchema::hop());
}

// The rule with the changed key differs from the base, is valid, and comes back from the file as it
// went in, the key written.
void tst_RuleSchema::checkChangedRule(const Rule &base, const Rule &changed, const QString &jsonKeyPath)
{
    QVERIFY2(changed != base, "operator== misses the key");
    QVERIFY(!(changed == base));
    QCOMPARE(RuleValidator::validate(setOf(changed)), RuleSetIssues());

    const QJsonObject json = RuleSetWriter::toJson(changed);
    QJsonValue value = json;
    for (const QString &part : jsonKeyPath.split(u'.')) {
        QVERIFY2(value.toObject().contains(part), qPrintable(u"not written: "_s + jsonKeyPath));
        value = value.toObject().value(part);
    }

    const RuleSetParser::Result read = RuleSetParser::parse(RuleSetWriter::serialize(setOf(changed)));
    QVERIFY2(read.ok(), qPrintable(issueStrings(read.issues).join(u'\n')));
    QCOMPARE(read.ruleSet.rules.size(), 1);
    QVERIFY2(read.ruleSet.rules.first() == changed, "read back differently");
}

void tst_RuleSchema::everyRuleKeyIsReadWrittenAndCompared_data()
{
    addKeys(RuleSchema::rule());
}

void tst_RuleSchema::everyRuleKeyIsReadWrittenAndCompared()
{
    QFETCH(QString, key);
    const SchemaField<Rule> *field = RuleSchema::rule().find(key);
    QVERIFY(field);
    const Rule base = baseRule();
    Rule changed = base;
    if (!changeKey<Rule>(*field, changed, [&] { return RuleValidator::validate(setOf(changed)).isEmpty(); }))
        QSKIP("the key has a single value so far");
    checkChangedRule(base, changed, key);
}

void tst_RuleSchema::everyBackendKeyIsReadWrittenAndCompared_data()
{
    addKeys(RuleSchema::backend());
}

void tst_RuleSchema::everyBackendKeyIsReadWrittenAndCompared()
{
    QFETCH(QString, key);
    const SchemaField<Backend> *field = RuleSchema::backend().find(key);
    QVERIFY(field);
    const Rule base = baseRule();
    Rule changed = base;
    // A second backend, so that "backup" and "enabled" leave one primary in use.
    changed.backends.append(Backend{*Endpoint::parse(u"127.0.0.1:40003"), 1, false, true, {}, {}});
    const Rule withTwo = changed;
    Backend &backend = changed.backends.first();
    QVERIFY(changeKey<Backend>(*field, backend, [&] { return RuleValidator::validate(setOf(changed)).isEmpty(); }));
    QVERIFY(backend != withTwo.backends.first());
    checkChangedRule(withTwo, changed, u"backends"_s);
    QVERIFY(RuleSetWriter::toJson(changed).value(u"backends").toArray().first().toObject().contains(key));
}

void tst_RuleSchema::everyHealthCheckKeyIsReadWrittenAndCompared_data()
{
    addKeys(RuleSchema::healthCheck());
}

void tst_RuleSchema::everyHealthCheckKeyIsReadWrittenAndCompared()
{
    QFETCH(QString, key);
    const SchemaField<HealthCheck> *field = RuleSchema::healthCheck().find(key);
    QVERIFY(field);
    const Rule base = baseRule();
    Rule changed = base;
    QVERIFY(changeMember<HealthCheck>(*field, changed.healthCheck,
                                      [&] { return RuleValidator::validate(setOf(changed)).isEmpty(); }));
    QVERIFY(changed.healthCheck != base.healthCheck);
    checkChangedRule(base, changed, u"health_check."_s + key);
}

void tst_RuleSchema::everyHopKeyIsReadWrittenAndCompared_data()
{
    addKeys(RuleSchema::hop());
}

void tst_RuleSchema::everyHopKeyIsReadWrittenAndCompared()
{
    QFETCH(QString, key);
    const SchemaField<Hop> *field = RuleSchema::hop().find(key);
    QVERIFY(field);
    RuleSet base = setOf(baseRule());
    Hop plain;
    plain.name = u"base"_s;
    plain.address = *Endpoint::parse(u"10.0.0.5:22");
    base.hops.append(plain);
    RuleSet changed = base;
    Hop &hop = changed.hops.last();
    if (key == u"ssh_config_host") { // one or the other
        hop.address = Endpoint();
        hop.sshConfigHost = u"jump-alias"_s;
    } else if (key == u"via") {
        hop.via = u"jump"_s;
    } else if (!changeMember<Hop>(*field, hop, [&] { return RuleValidator::validate(changed).isEmpty(); })) {
        QSKIP("the key has a single value so far");
    }
    QVERIFY2(hop != plain, "operator== misses the key");
    QVERIFY(!(hop == plain));
    QCOMPARE(RuleValidator::validate(changed), RuleSetIssues());

    const QJsonObject json = RuleSetWriter::toJson(changed);
    QVERIFY2(json.value(u"hops")[1].toObject().contains(key), qPrintable(u"not written: "_s + key));
    const RuleSetParser::Result read = RuleSetParser::parse(RuleSetWriter::serialize(changed));
    QVERIFY2(read.ok(), qPrintable(issueStrings(read.issues).join(u'\n')));
    QVERIFY2(read.ruleSet.hops == changed.hops, "read back differently");
    QVERIFY(read.ruleSet == changed);
}

// No key is written that the tables do not list (and so the parser would refuse): a rule with every
// optional text filled in writes exactly the tables' keys.
void tst_RuleSchema::writerWritesTheTablesKeys()
{
    Rule rule = baseRule();
    rule.description = u"what it is for"_s;
    rule.group = u"shop"_s;
    rule.allow = {*Subnet::parse(u"127.0.0.0/8")};
    rule.healthCheck.send = "PING\r\n";
    rule.healthCheck.expect = "+PONG";
    rule.via = u"jump"_s;
    rule.backends.first().via = u"jump"_s;
    const QJsonObject json = RuleSetWriter::toJson(rule);

    auto keysOf = [](auto fields) {
        QStringList keys;
        for (const auto &field : fields)
            keys.append(field.key.toString());
        keys.sort();
        return keys;
    };
    QStringList written = json.keys();
    written.sort();
    QCOMPARE(written, keysOf(RuleSchema::rule()));
    written = json.value(u"backends").toArray().first().toObject().keys();
    written.sort();
    QCOMPARE(written, keysOf(RuleSchema::backend()));
    written = json.value(u"health_check").toObject().keys();
    written.sort();
    QCOMPARE(written, keysOf(RuleSchema::healthCheck()));

    // Every key of a hop (address and ssh_config_host together only here: one excludes the other).
    Hop hop = jumpHop();
    hop.sshConfigHost = u"jump-alias"_s;
    hop.user = u"dev"_s;
    hop.identityFile = u"~/.ssh/id_ed25519"_s;
    hop.knownHostsFile = u"~/.ssh/known_hosts.portrelay"_s;
    hop.passphraseSecret = u"jump-key"_s;
    hop.passwordSecret = u"jump-password"_s;
    hop.via = u"outer"_s;
    written = RuleSetWriter::toJson(hop).keys();
    written.sort();
    QCOMPARE(written, keysOf(RuleSchema::hop()));

    // The document's keys, "hops" when there are some.
    RuleSet set = setOf(rule);
    written = RuleSetWriter::toJson(set).keys();
    QStringList top;
    for (QStringView key : RuleSchema::top())
        top.append(key.toString());
    top.sort();
    QCOMPARE(written, top);
    set.hops.clear();
    QVERIFY(!RuleSetWriter::toJson(set).contains(u"hops"));
}

void tst_RuleSchema::enumerationNamesRoundTrip()
{
    auto check = [](auto enumSchema) {
        using Enum = std::decay_t<decltype(enumSchema.names[0].first)>;
        for (const auto &[value, name] : enumSchema.names) {
            QCOMPARE(RuleSchema::name(value), name.toString());
            QCOMPARE(RuleSchema::fromName<Enum>(name), std::optional<Enum>(value));
            QVERIFY(RuleSchema::names<Enum>().contains(name.toString()));
        }
        QCOMPARE(RuleSchema::fromName<Enum>(u"no_such_name"), std::nullopt);
    };
    check(EnumSchema<Protocol>());
    check(EnumSchema<BalanceStrategy>());
    check(EnumSchema<OnDown>());
    check(EnumSchema<HealthCheck::Type>());
    check(EnumSchema<Hop::Type>());
    QCOMPARE(RuleSchema::names<BalanceStrategy>(), u"round_robin, least_connections, source_hash, random"_s);
}

void tst_RuleSchema::description_data()
{
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("issue"); // empty: accepted

    QTest::newRow("one line") << u"Staging database, ask Ana"_s << QString();
    QTest::newRow("lines and tabs") << u"Staging database\n\tOwner: Ana"_s << QString();
    QTest::newRow("non-ASCII") << u"预发布数据库 — ask Ana"_s << QString();
    QTest::newRow("500 characters") << QString(500, u'x') << QString();
    QTest::newRow("501 characters") << QString(501, u'x')
                                    << u"rules[0].description: 501 characters long; at most 500 are allowed"_s;
    QTest::newRow("bell") << u"ring\u0007"_s << u"rules[0].description: contains a control character (U+0007)"_s;
    QTest::newRow("carriage return") << u"a\r\nb"_s << u"rules[0].description: contains a control character (U+000D)"_s;
}

void tst_RuleSchema::description()
{
    QFETCH(QString, description);
    QFETCH(QString, issue);
    Rule rule = baseRule();
    rule.description = description;
    const QStringList issues = issueStrings(RuleValidator::validate(setOf(rule)));
    if (issue.isEmpty()) {
        QCOMPARE(issues, QStringList());
        const RuleSetParser::Result read = RuleSetParser::parse(RuleSetWriter::serialize(setOf(rule)));
        QVERIFY(read.ok());
        QCOMPARE(read.ruleSet.rules.first().description, description);
    } else {
        QCOMPARE(issues, QStringList{issue});
        // The parser says the same of the file, and keeps nothing of it.
        const RuleSetParser::Result read = RuleSetParser::parse(RuleSetWriter::serialize(setOf(rule)));
        QVERIFY(!read.ok());
        QCOMPARE(issueStrings(read.issues), QStringList{issue});
    }
}

void tst_RuleSchema::descriptionOmittedWhenEmpty()
{
    const QJsonObject json = RuleSetWriter::toJson(baseRule());
    QVERIFY(!json.contains(u"description"));
    // Absent and empty read the same.
    QJsonObject withEmpty = RuleSetWriter::toJson(setOf(baseRule()));
    QJsonArray rules = withEmpty.value(u"rules").toArray();
    QJsonObject first = rules.first().toObject();
    first.insert(u"description", u""_s);
    rules.replace(0, first);
    withEmpty.insert(u"rules", rules);
    const RuleSetParser::Result read = RuleSetParser::parse(QJsonDocument(withEmpty).toJson());
    QVERIFY(read.ok());
    QCOMPARE(read.ruleSet.rules.first(), baseRule());
}

QTEST_GUILESS_MAIN(tst_RuleSchema)
#include "tst_ruleschema.moc"
