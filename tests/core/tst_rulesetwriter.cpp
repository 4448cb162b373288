// RuleSetWriter and the round trip through it: x- keys and health-check data kept, the shipped
// examples and a rule set using every field read back equal, defaults left out only where
// documented, and files written atomically with mode 0600.

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
    Rule api;
    api.name = u"api"_s;
    api.group = u"shop"_s;
    api.enabled = false;
    api.listen = *Endpoint::parse(u"[::1]:18443");
    api.balance = BalanceStrategy::SourceHash;
    Backend first;
    first.address = *Endpoint::parse(u"backend-1.example:8443");
    first.weight = 7;
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
