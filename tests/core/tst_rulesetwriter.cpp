// RuleSetWriter and the round trip through it: x- keys and health-check data kept, the shipped
// examples and a rule set using every field (hops included) read back equal, defaults left out
// only where documented, an export of some rules carrying the hops they use, and files written
// atomically with mode 0600.

#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulesetwriter.h"
#include "core/ruleset/rulevalidator.h"
#include "rulesetjson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace PortRelay;
using namespace PortRelay::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

QString sourceDir()
{
    return qEnvironmentVariable("PORTRELAY_SOURCE_DIR");
}

int permissionBits(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

// A rule set that uses every field with a value other than its default.
RuleSet everythingRuleSet()
{
    Hop bastion;
    bastion.name = u"bastion"_s;
    bastion.address = *Endpoint::parse(u"bastion.example.com:2222");
    bastion.user = u"dev"_s;
    bastion.identityFile = u"~/.ssh/id_ed25519"_s;
    bastion.knownHostsFile = u"~/.ssh/known_hosts.portrelay"_s;
    bastion.passphraseSecret = u"bastion-key"_s;
    bastion.extensions.insert(u"x-owner"_s, u"ops"_s);
    Hop inner;
    inner.name = u"inner"_s;
    inner.sshConfigHost = u"inner-jump"_s;
    inner.passwordSecret = u"inner.password"_s;
    inner.via = u"bastion"_s;

    Rule api;
    api.name = u"api"_s;
    api.via = u"inner"_s;
    api.group = u"shop"_s;
    api.enabled = false;
    api.listen = *Endpoint::parse(u"[::1]:18443");
    api.balance = BalanceStrategy::SourceHash;
    Backend first;
    first.address = *Endpoint::parse(u"backend-1.example:8443");
    first.weight = 7;
    first.via = u"bastion"_s;
    first.extensions.insert(u"x-zone"_s, u"eu-1"_s);
    Backend second;
    second.address = *Endpoint::parse(u"10.0.0.2:8443");
    second.backup = true;
    second.enabled = false;
    api.backends = {first, second};
    api.healthCheck.type = HealthCheck::Type::None;
    api.healthCheck.intervalMs = 100;
    api.healthCheck.timeoutMs = 10;
    api.healthCheck.rise = 100;
    api.healthCheck.fall = 1;
    api.connectTimeoutMs = 600000;
    api.idleTimeoutMs = 86400000;
    api.retries = 10;
    api.maxConnections = 1000000;
    api.maxConnectionsPerClient = 8;
    api.onDown = OnDown::Close;
    api.maxFails = 0;
    api.failWindowMs = 3600000;
    api.retryBackoffMs = 60000;
    api.slowStartMs = 3600000;
    api.adaptiveWeights = true;
    api.allow = {*Subnet::parse(u"10.0.0.0/8"), *Subnet::parse(u"fd00::/8")};
    api.extensions.insert(u"x-notes"_s, QJsonArray{1, u"two"_s, QJsonObject{{u"three"_s, true}}});

    Rule all;
    all.name = u"everywhere"_s;
    all.listen = *Endpoint::parse(u"*:8080");
    all.balance = BalanceStrategy::Random;
    Backend only;
    only.address = *Endpoint::parse(u"localhost:80");
    all.backends = {only};

    Rule least = all;
    least.name = u"least"_s;
    least.listen = *Endpoint::parse(u"[::]:8080");
    least.balance = BalanceStrategy::LeastConnections;
    least.healthCheck.send = QByteArray("PING\r\n\0", 7);
    least.healthCheck.expect = "+PONG gr\xc3\xbc\xc3\x9f e \xf0\x9f\x9a\x80";
    least.maxFails = 100;
    least.failWindowMs = 100;
    least.retryBackoffMs = 0;

    RuleSet set;
    set.hops = {bastion, inner};
    set.rules = {api, all, least};
    set.extensions.insert(u"x-generator"_s, u"tst_rulesetparser"_s);
    return set;
}

} // namespace

class tst_RuleSetWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extensionsKept();
    void checkData_data();
    void checkData();
    void examplesRoundTrip_data();
    void examplesRoundTrip();
    void programmaticRoundTrip();
    void writerOmitsDefaultsOnlyWhereDocumented();
    void selectionCarriesHops_data();
    void selectionCarriesHops();
    void writeFileMode();
    void writeFileMissingDirectory();
};

void tst_RuleSetWriter::extensionsKept()
{
    const QJsonObject note{{u"nested"_s, QJsonArray{1, 2.5, u"three"_s, QJsonValue::Null}}};
    QJsonObject r = withBackend(rule(), u"x-zone"_s, u"b"_s);
    r = with(r, u"x-owner"_s, note);
    const QJsonObject document{{u"version"_s, 1}, {u"rules"_s, QJsonArray{r}}, {u"x-top"_s, 42}};

    const RuleSetParser::Result result = RuleSetParser::parse(QJsonDocument(document).toJson());
    QVERIFY2(result.ok(), qPrintable(issueStrings(result.issues).join(u'\n')));
    QCOMPARE(result.ruleSet.extensions, (QJsonObject{{u"x-top"_s, 42}}));
    QCOMPARE(result.ruleSet.rules.first().extensions, (QJsonObject{{u"x-owner"_s, note}}));
    QCOMPARE(result.ruleSet.rules.first().backends.first().extensions, (QJsonObject{{u"x-zone"_s, u"b"_s}}));

    const QJsonObject written = RuleSetWriter::toJson(result.ruleSet);
    QCOMPARE(written.value(u"x-top"), QJsonValue(42));
    QCOMPARE(written.value(u"rules")[0][u"x-owner"], QJsonValue(note));
    QCOMPARE(written.value(u"rules")[0][u"backends"][0][u"x-zone"], QJsonValue(u"b"_s));
}

void tst_RuleSetWriter::checkData_data()
{
    QTest::addColumn<QString>("text"); // as written in the file
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("redis") << u"PING\r\n"_s << QByteArray("PING\r\n");
    QTest::newRow("NUL") << QString(QChar(0)) << QByteArray(1, '\0');
    QTest::newRow("umlaut") << u"grüße"_s
                            << QByteArray("gr\xc3\xbc\xc3\x9f"
                                          "e");
    QTest::newRow("astral") << u"🚀"_s << QByteArray("\xf0\x9f\x9a\x80");
    QTest::newRow("replacement character") << QString(QChar(0xfffd)) << QByteArray("\xef\xbf\xbd");
    QTest::newRow("1024 bytes") << QString(1024, u'x') << QByteArray(1024, 'x');
}

void tst_RuleSetWriter::checkData()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);

    const QByteArray json = doc(withHealth(withHealth(rule(), u"send"_s, text), u"expect"_s, text));
    const RuleSetParser::Result result = RuleSetParser::parse(json);
    QVERIFY2(result.ok(), qPrintable(issueStrings(result.issues).join(u'\n')));
    const HealthCheck &check = result.ruleSet.rules.first().healthCheck;
    QCOMPARE(check.send, bytes);
    QCOMPARE(check.expect, bytes);

    const QByteArray written = RuleSetWriter::serialize(result.ruleSet);
    const RuleSetParser::Result reread = RuleSetParser::parse(written);
    QVERIFY2(reread.ok(), qPrintable(issueStrings(reread.issues).join(u'\n')));
    QCOMPARE(reread.ruleSet, result.ruleSet);
}

void tst_RuleSetWriter::examplesRoundTrip_data()
{
    QTest::addColumn<QString>("path");
    const QString source = sourceDir();
    if (source.isEmpty())
        QSKIP("PORTRELAY_SOURCE_DIR is not set; run through ctest");
    const QDir examples(source + u"/docs/examples"_s);
    const QStringList files = examples.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.contains(u"dev-tunnels.json"_s));
    QVERIFY(files.contains(u"minimal.json"_s));
    QVERIFY(files.contains(u"full.json"_s));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << examples.filePath(file);
}

void tst_RuleSetWriter::examplesRoundTrip()
{
    QFETCH(QString, path);
    const RuleSetParser::Result original = RuleSetParser::parseFile(path);
    QVERIFY2(original.ok(), qPrintable(issueStrings(original.issues).join(u'\n')));
    QVERIFY(!original.ruleSet.rules.isEmpty());

    const QByteArray written = RuleSetWriter::serialize(original.ruleSet);
    const RuleSetParser::Result reread = RuleSetParser::parse(written);
    QVERIFY2(reread.ok(), qPrintable(issueStrings(reread.issues).join(u'\n')));
    QCOMPARE(reread.ruleSet, original.ruleSet);
    QCOMPARE(RuleSetWriter::serialize(reread.ruleSet), written);
}

void tst_RuleSetWriter::programmaticRoundTrip()
{
    const RuleSet set = everythingRuleSet();
    QCOMPARE(RuleValidator::validate(set), RuleSetIssues());
    const QByteArray written = RuleSetWriter::serialize(set);
    QVERIFY(written.contains("\n    ")); // indented
    const RuleSetParser::Result result = RuleSetParser::parse(written);
    QVERIFY2(result.ok(), qPrintable(issueStrings(result.issues).join(u'\n')));
    QCOMPARE(result.ruleSet, set);

    // Defaults survive too.
    RuleSet plain;
    Rule r;
    r.name = u"plain"_s;
    r.listen.port = 1;
    r.backends = {Backend{*Endpoint::parse(u"127.0.0.1:2"), 1, false, true, {}, {}}};
    plain.rules = {r};
    QCOMPARE(RuleSetParser::parse(RuleSetWriter::serialize(plain)).ruleSet, plain);
}

void tst_RuleSetWriter::writerOmitsDefaultsOnlyWhereDocumented()
{
    RuleSet set = everythingRuleSet();
    const QJsonObject everywhere = RuleSetWriter::toJson(set.rules.at(1));
    const QStringList expectedKeys{u"adaptive_weights"_s,
                                   u"backends"_s,
                                   u"balance"_s,
                                   u"connect_timeout_ms"_s,
                                   u"enabled"_s,
                                   u"fail_window_ms"_s,
                                   u"health_check"_s,
                                   u"idle_timeout_ms"_s,
                                   u"listen"_s,
                                   u"max_connections"_s,
                                   u"max_connections_per_client"_s,
                                   u"max_fails"_s,
                                   u"name"_s,
                                   u"on_down"_s,
                                   u"protocol"_s,
                                   u"retries"_s,
                                   u"retry_backoff_ms"_s,
                                   u"slow_start_ms"_s};
    QCOMPARE(everywhere.keys(), expectedKeys);
    QCOMPARE(everywhere.value(u"backends")[0].toObject().keys(),
             (QStringList{u"address"_s, u"backup"_s, u"enabled"_s, u"weight"_s}));
    QCOMPARE(everywhere.value(u"health_check").toObject().keys(),
             (QStringList{u"fall"_s, u"interval_ms"_s, u"rise"_s, u"timeout_ms"_s, u"type"_s}));

    // send and expect only when set.
    const QJsonObject least = RuleSetWriter::toJson(set.rules.at(2));
    QCOMPARE(least.value(u"health_check").toObject().keys(),
             (QStringList{u"expect"_s, u"fall"_s, u"interval_ms"_s, u"rise"_s, u"send"_s, u"timeout_ms"_s, u"type"_s}));
    QCOMPARE(least.value(u"health_check")[u"send"], QJsonValue(QString::fromUtf8("PING\r\n\0", 7)));

    const QJsonObject api = RuleSetWriter::toJson(set.rules.at(0));
    QCOMPARE(api.value(u"on_down"), QJsonValue(u"close"_s));
    QCOMPARE(api.value(u"adaptive_weights"), QJsonValue(true));
    QCOMPARE(everywhere.value(u"on_down"), QJsonValue(u"keep"_s));
    QCOMPARE(everywhere.value(u"max_fails"), QJsonValue(3));
    QCOMPARE(api.value(u"group"), QJsonValue(u"shop"_s));
    QCOMPARE(api.value(u"allow"), QJsonValue(QJsonArray{u"10.0.0.0/8"_s, u"fd00::/8"_s}));
    QCOMPARE(api.value(u"listen"), QJsonValue(u"[::1]:18443"_s));
    QCOMPARE(api.value(u"via"), QJsonValue(u"inner"_s));
    QCOMPARE(api.value(u"backends")[0][u"via"], QJsonValue(u"bastion"_s));
    QVERIFY(!api.value(u"backends")[1].toObject().contains(u"via"));
    QVERIFY(!everywhere.contains(u"via"));

    // Hops: every key that holds something, "address" only when the hop has one.
    const QJsonObject document = RuleSetWriter::toJson(set);
    QCOMPARE(document.keys(), (QStringList{u"hops"_s, u"rules"_s, u"version"_s, u"x-generator"_s}));
    const QJsonArray hops = document.value(u"hops").toArray();
    QCOMPARE(hops.size(), 2);
    QCOMPARE(hops[0].toObject().keys(), (QStringList{u"address"_s, u"identity_file"_s, u"known_hosts_file"_s, u"name"_s,
                                                     u"passphrase_secret"_s, u"type"_s, u"user"_s, u"x-owner"_s}));
    QCOMPARE(hops[0][u"address"], QJsonValue(u"bastion.example.com:2222"_s));
    QCOMPARE(hops[0][u"type"], QJsonValue(u"ssh"_s));
    QCOMPARE(hops[1].toObject().keys(),
             (QStringList{u"name"_s, u"password_secret"_s, u"ssh_config_host"_s, u"type"_s, u"via"_s}));

    // No hops, no "hops".
    set.hops.clear();
    for (Rule &rule : set.rules) {
        rule.via.clear();
        for (Backend &backend : rule.backends)
            backend.via.clear();
    }
    QCOMPARE(RuleSetWriter::toJson(set).keys(), (QStringList{u"rules"_s, u"version"_s, u"x-generator"_s}));
}

void tst_RuleSetWriter::selectionCarriesHops_data()
{
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QStringList>("hops"); // that come along, in the set's order

    QTest::newRow("through a chain") << QStringList{u"db"_s} << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("rule's via") << QStringList{u"web"_s} << QStringList{u"d"_s, u"e"_s};
    QTest::newRow("directly") << QStringList{u"direct"_s} << QStringList();
    QTest::newRow("two rules") << QStringList{u"web"_s, u"db"_s} << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s};
    QTest::newRow("a cycle ends") << QStringList{u"loop"_s} << QStringList{u"x"_s, u"y"_s};
    QTest::newRow("all") << QStringList{u"db"_s, u"web"_s, u"direct"_s}
                         << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s};
}

void tst_RuleSetWriter::selectionCarriesHops()
{
    QFETCH(QStringList, rules);
    QFETCH(QStringList, hops);

    // a <- b <- c (c is reached through b, b through a), d <- e, and one hop no rule uses.
    const QJsonArray fileHops{hop(u"a"_s),      with(hop(u"b"_s), u"via"_s, u"a"_s),
                              hop(u"unused"_s), with(hop(u"c"_s), u"via"_s, u"b"_s),
                              hop(u"d"_s),      with(hop(u"e"_s), u"via"_s, u"d"_s)};
    const QJsonObject db = with(rule(u"db"_s, u"127.0.0.1:1"_s), u"backends"_s,
                                QJsonArray{QJsonObject{{u"address"_s, u"db-1:5432"_s}, {u"via"_s, u"c"_s}},
                                           QJsonObject{{u"address"_s, u"db-2:5432"_s}, {u"via"_s, u"b"_s}}});
    const QJsonArray fileRules{db, with(rule(u"web"_s, u"127.0.0.1:2"_s), u"via"_s, u"e"_s),
                               rule(u"direct"_s, u"127.0.0.1:3"_s)};
    const RuleSetParser::Result read = RuleSetParser::parse(doc(fileHops, fileRules));
    QVERIFY2(read.ok(), qPrintable(issueStrings(read.issues).join(u'\n')));
    RuleSet set = read.ruleSet;
    // A cycle, which the validator refuses, must not keep selection() from ending.
    Hop x = set.hops.first();
    x.name = u"x"_s;
    x.via = u"y"_s;
    Hop y = x;
    y.name = u"y"_s;
    y.via = u"x"_s;
    set.hops.append({x, y});
    Rule loop = set.rules.last();
    loop.name = u"loop"_s;
    loop.via = u"x"_s;
    set.rules.append(loop);

    const RuleSet selected = set.selection(rules);
    QStringList inOrder;
    for (const QString &name : set.names()) {
        if (rules.contains(name))
            inOrder.append(name);
    }
    QCOMPARE(selected.names(), inOrder);
    QStringList carried;
    for (const Hop &h : selected.hops) {
        carried.append(h.name);
        QVERIFY(h == *set.findHop(h.name));
    }
    QCOMPARE(carried, hops);

    // An export of the selection loads on its own.
    if (!rules.contains(u"loop"_s)) {
        const RuleSetParser::Result exported = RuleSetParser::parse(RuleSetWriter::serialize(selected));
        QVERIFY2(exported.ok(), qPrintable(issueStrings(exported.issues).join(u'\n')));
        QVERIFY(exported.ruleSet == selected);
    }
}

void tst_RuleSetWriter::writeFileMode()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"rules.json"_s);

    // An older file, readable by everyone, is replaced as a whole and loses its loose mode.
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old contents");
    old.close();
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                            QFileDevice::ReadOther));
    QCOMPARE(permissionBits(path), 0644);

    const RuleSet set = everythingRuleSet();
    QString error;
    QVERIFY2(RuleSetWriter::writeFile(path, set, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(permissionBits(path), 0600);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"rules.json"_s});

    const RuleSetParser::Result reread = RuleSetParser::parseFile(path);
    QVERIFY2(reread.ok(), qPrintable(issueStrings(reread.issues).join(u'\n')));
    QCOMPARE(reread.ruleSet, set);

    // A new file gets 0600 too.
    const QString fresh = dir.filePath(u"fresh.json"_s);
    QVERIFY(RuleSetWriter::writeFile(fresh, set));
    QCOMPARE(permissionBits(fresh), 0600);
}

void tst_RuleSetWriter::writeFileMissingDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"missing/rules.json"_s);
    QString error;
    QVERIFY(!RuleSetWriter::writeFile(path, everythingRuleSet(), &error));
    QVERIFY(error.startsWith(u"cannot write "_s + path + u": "_s));
    QVERIFY(error.size() > path.size() + 16); // QSaveFile's reason follows
    QVERIFY(!QFileInfo::exists(dir.filePath(u"missing"_s)));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
}

QTEST_GUILESS_MAIN(tst_RuleSetWriter)

#include "tst_rulesetwriter.moc"
