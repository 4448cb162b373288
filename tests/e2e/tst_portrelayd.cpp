// portrelayd as a user runs it: a real process, real rules files, real servers (redis-server, and
// loopback echo servers), signals for reload and shutdown.

#include "daemonprocess.h"
#include "loopbackserver.h"
#include "rulefiles.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/socket.h>

using namespace PortRelay;
using namespace PortRelay::Test;

class tst_Portrelayd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void checkAcceptsTheExamples_data();
    void checkAcceptsTheExamples();
    void checkReportsEveryError();
    void invalidConfigStartsNothing();
    void forwardsRedisAndStopsOnSigterm();
    void portInUseNamesTheRule();
    void sighupReloadKeepsUnchangedRules();
    void sigtermWaitsForOpenConnections();
    void logsBackendStateChangesAsJson_data();
    void logsBackendStateChangesAsJson();
    void secondSigtermSkipsTheGracePeriod();
    void secretsFileMustBePrivate();

private:
    QTemporaryDir m_dir;
};

void tst_Portrelayd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PORTRELAYD_PATH)), PORTRELAYD_PATH);
}

void tst_Portrelayd::checkAcceptsTheExamples_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name : {"dev-tunnels.json", "minimal.json", "full.json"})
        QTest::newRow(name) << QStringLiteral(PORTRELAY_SOURCE_DIR "/docs/examples/") + QLatin1String(name);
}

void tst_Portrelayd::checkAcceptsTheExamples()
{
    QFETCH(QString, file);
    QProcess check;
    check.start(QStringLiteral(PORTRELAYD_PATH), {QStringLiteral("--check"), file});
    QVERIFY(check.waitForFinished(10000));
    QCOMPARE(check.exitCode(), 0);
    QVERIFY(check.readAllStandardOutput().contains("OK"));
}

void tst_Portrelayd::checkReportsEveryError()
{
    const QString path = m_dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeFile(path, R"({"version": 1, "rules": [
        {"name": "a", "listen": "127.0.0.1:70000", "backends": [{"address": "127.0.0.1:8080"}]},
        {"name": "b", "listen": "127.0.0.1:18081", "backends": [{"address": "127.0.0.1:8080", "weight": "5"}]}
    ]})"));
    QProcess check;
    check.start(QStringLiteral(PORTRELAYD_PATH), {QStringLiteral("--check"), path});
    QVERIFY(check.waitForFinished(10000));
    QCOMPARE(check.exitCode(), 1);
    const QString errors = QString::fromUtf8(check.readAllStandardError());
    QVERIFY2(errors.contains(QStringLiteral("rules[0].listen: port 70000 out of range 1-65535")), qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("rules[1].backends[0].weight: expected an integer, got string \"5\"")),
             qPrintable(errors));
}

void tst_Portrelayd::invalidConfigStartsNothing()
{
    const quint16 port = freeLoopbackPort();
    const QString path = m_dir.filePath(QStringLiteral("half-bad.json"));
    QVERIFY(writeFile(path, R"({"version": 1, "rules": [)" + ruleJson(QStringLiteral("good"), port, 9) +
                                R"(, {"name": "bad", "listen": "127.0.0.1:1", "backendz": []}]})"));
    DaemonProcess daemon;
    daemon.start(QStringLiteral(PORTRELAYD_PATH), {QStringLiteral("--config"), path});
    QVERIFY(daemon.finished(10000));
    QCOMPARE(daemon.process.exitCode(), 1);
    QVERIFY2(daemon.log.contains("rules[1].backendz: unknown key"), daemon.log.constData());
    int error = 0;
    QVERIFY(!connectToLoopback(port, 1000, &error).isValid());
    QCOMPARE(error, ECONNREFUSED);
}

void tst_Portrelayd::forwardsRedisAndStopsOnSigterm()
{
    const QString redisServer = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    const QString redisCli = QStandardPaths::findExecutable(QStringLiteral("redis-cli"));
    QVERIFY2(!redisServer.isEmpty() && !redisCli.isEmpty(),
             "redis-server and redis-cli are needed (apt-get install redis-server redis-tools; .ci/run does)");

    const quint16 redisPort = freeLoopbackPort();
    QProcess redis;
    redis.start(redisServer, {QStringLiteral("--port"), QString::number(redisPort), QStringLiteral("--bind"),
                              QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                              QStringLiteral("--appendonly"), QStringLiteral("no")});
    QVERIFY(redis.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(connectToLoopback(redisPort, 200).isValid(), 10000);

    const quint16 port = freeLoopbackPort();
    const QString path = m_dir.filePath(QStringLiteral("redis.json"));
    QVERIFY(writeFile(path, ruleSetJson({ruleJson(QStringLiteral("redis"), port, redisPort)})));
    DaemonProcess daemon;
    daemon.start(QStringLiteral(PORTRELAYD_PATH),
                 {QStringLiteral("--config"), path, QStringLiteral("--log-format"), QStringLiteral("json")});
    QTRY_VERIFY_WITH_TIMEOUT(daemon.log.contains("rule_started"), 10000);

    auto cli = [&](const QStringList &command) {
        QProcess p;
        p.start(redisCli, QStringList{QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                      QString::number(port)} +
                              command);
        p.waitForFinished(10000);
        return p.readAllStandardOutput().trimmed();
    };
    QCOMPARE(cli({QStringLiteral("PING")}), QByteArray("PONG"));
    QCOMPARE(cli({QStringLiteral("SET"), QStringLiteral("relay"), QStringLiteral("works")}), QByteArray("OK"));
    QCOMPARE(cli({QStringLiteral("GET"), QStringLiteral("relay")}), QByteArray("works"));

    daemon.signal(SIGTERM);
    QVERIFY(daemon.finished(10000));
    QCOMPARE(daemon.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.process.exitCode(), 0);

    // Every log line is one JSON object with the fields a log shipper keys on.
    const QList<QByteArray> lines = daemon.log.trimmed().split('\n');
    QVERIFY(lines.size() >= 3);
    for (const QByteArray &line : lines) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        for (const char *key : {"time", "level", "event", "rule"})
            QVERIFY2(object.contains(QLatin1String(key)), line.constData());
    }
    QVERIFY(daemon.log.contains(R"("event":"rule_stopped")"));

    redis.terminate();
    QVERIFY(redis.waitForFinished(5000));
}

void tst_Portrelayd::portInUseNamesTheRule()
{
    LoopbackServer occupant(echo);
    const QString path = m_dir.filePath(QStringLiteral("busy.json"));
    QVERIFY(writeFile(path, ruleSetJson({ruleJson(QStringLiteral("free"), freeLoopbackPort(), occupant.port()),
                                         ruleJson(QStringLiteral("api"), occupant.port(), occupant.port())})));
    DaemonProcess daemon;
    daemon.start(QStringLiteral(PORTRELAYD_PATH), {QStringLiteral("--config"), path});
    QVERIFY(daemon.finished(10000));
    QCOMPARE(daemon.process.exitCode(), 1);
    const QByteArray expected =
        "rule \"api\": cannot listen on 127.0.0.1:" + QByteArray::number(occupant.port()) + ": address already in use";
    QVERIFY2(daemon.log.contains(expected), daemon.log.constData());
}

void tst_Portrelayd::sighupReloadKeepsUnchangedRules()
{
    LoopbackServer first(echo);
    LoopbackServer second(echo);
    const quint16 keepPort = freeLoopbackPort();
    const quint16 changePort = freeLoopbackPort();
    const quint16 addedPort = freeLoopbackPort();
    const QString path = m_dir.filePath(QStringLiteral("reload.json"));
    QVERIFY(writeFile(path, ruleSetJson({ruleJson(QStringLiteral("keep"), keepPort, first.port()),
                                         ruleJson(QStringLiteral("change"), changePort, first.port())})));
    DaemonProcess daemon;
    daemon.start(QStringLiteral(PORTRELAYD_PATH), {QStringLiteral("--config"), path});
    QTRY_VERIFY_WITH_TIMEOUT(daemon.log.contains("ruleset_loaded"), 10000);

    UniqueFd open = connectToLoopback(keepPort);
    QVERIFY(echoRoundTrip(open.get(), "before reload"));

    QVERIFY(writeFile(path, ruleSetJson({ruleJson(QStringLiteral("keep"), keepPort, first.port()),
                                         ruleJson(QStringLiteral("change"), changePort, second.port()),
                                         ruleJson(QStringLiteral("added"), addedPort, second.port())})));
    daemon.signal(SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(daemon.log.contains("reloaded"), 10000);
    QVERIFY(echoRoundTrip(open.get(), "after reload"));
    const int secondBefore = second.accepted();
    UniqueFd viaChanged = connectToLoopback(changePort);
    QVERIFY(echoRoundTrip(viaChanged.get(), "changed"));
    UniqueFd viaAdded = connectToLoopback(addedPort);
    QVERIFY(echoRoundTrip(viaAdded.get(), "added"));
    QCOMPARE(second.accepted(), secondBefore + 2);

    // A broken file is refused; the running rules stay as they were.
    QVERIFY(writeFile(path, "{\"version\": 1, \"rules\": [ {\"name\": 5} ]}"));
    daemon.signal(SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(daemon.log.contains("reload of"), 10000);
    QVERIFY2(daemon.log.contains("rules[0].name"), daemon.log.constData());
    QVERIFY(echoRoundTrip(open.get(), "after a refused reload"));
    UniqueFd stillAdded = connectToLoopback(addedPort);
    QVERIFY(echoRoundTrip(stillAdded.get(), "still here"));

    daemon.signal(SIGTERM);
    open.reset();
    viaChanged.reset();
    viaAdded.reset();
    stillAdded.reset();
    QVERIFY(daemon.finished(10000));
    QCOMPARE(daemon.process.exitCode(), 0);
}

void tst_Portrelayd::sigtermWaitsForOpenConnections()
{
    LoopbackServer backend(echo);
    const quint16 port = freeLoopbackPort();
    const QString path = m_dir.filePath(QStringLiteral("grace.json"));
    QVERIFY(writeFile(path, ruleSetJson({ruleJson(QStringLiteral("grace"), port, backend.port())})));
    DaemonProcess daemon;
    daemon.start(QStringLiteral(PORTRELAYD_PATH),
                 {QStringLiteral("--config"), path, QStringLiteral("--grace-ms"), QStringLiteral("400")});
    QTRY_VERIFY_WITH_TIMEOUT(daemon.log.contains("ruleset_loaded"), 10000);
    UniqueFd open = connectToLoopback(port);
    QVERIFY(echoRoundTrip(open.get(), "hold"));

    QElapsedTimer clock;
    clock.start();
    daemon.signal(SIGTERM);
    // New clients are turned away at once, the open connection still works during the grace period.
    QTRY_VERIFY_WITH_TIMEOUT(!connectToLoopback(port, 200).isValid(), 2000);
    QVERIFY(echoRoundTrip(open.get(), "still served"));
    QVERIFY(daemon.finished(10000));
    QVERIFY(clock.elapsed() >= 350);
    QCOMPARE(daemon.process.exitCode(), 0);
    QVERIFY2(daemon.log.contains("closing 1 connection"), daemon.log.constData());
}

void tst_Portrelayd::logsBackendStateChangesAsJson_data()
{
    // The log is for pipelines that match on it: English and the same under every LANG, while
    // --help and the window follow the locale (the Chinese catalogue is compiled in).
    QTest::addColumn<QString>("lang");
    QTest::newRow("C") << QStringLiteral("C.UTF-8");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN.UTF-8");
}

void tst_Portrelayd::logsBackendStateChangesAsJson()
{
    QFETCH(QString, lang);
    LoopbackServer alive(echo);
    const quint16 deadPort = freeLoopbackPort();
    const QString path = m_dir.filePath(QStringLiteral("health.json"));
    QVERIFY(writeFile(path, QStringLiteral(R"({"version": 1, "rules": [{"name": "web", "listen": "127.0.0.1:%1",
        "backends": [{"address": "127.0.0.1:%2"}, {"address": "127.0.0.1:%3"}],
        "health_check": {"type": "tcp", "interval_ms": 200, "timeout_ms": 100, "rise": 1, "fall": 2}}]})")
                                .arg(freeLoopbackPort())
                                .arg(alive.port())
                                .arg(deadPort)
                                .toUtf8()));
    DaemonProcess daemon;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LANG"), lang);
    environment.insert(QStringLiteral("LC_ALL"), lang);
    environment.remove(QStringLiteral("LANGUAGE"));
    daemon.process.setProcessEnvironment(environment);
    daemon.start(QStringLiteral(PORTRELAYD_PATH),
                 {QStringLiteral("--config"), path, QStringLiteral("--log-format"), QStringLiteral("json")});
    QTRY_VERIFY_WITH_TIMEOUT(daemon.log.contains(R"("to":"down")"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(daemon.log.contains(R"("to":"up")"), 10000);

    QJsonObject down;
    QJsonObject up;
    QHash<QString, QString> reasons;
    for (const QByteArray &line : daemon.log.trimmed().split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        reasons.insert(object.value(QLatin1String("event")).toString(),
                       object.value(QLatin1String("reason")).toString());
        if (object.value(QLatin1String("event")) != QLatin1String("backend_state_changed"))
            continue;
        (object.value(QLatin1String("to")) == QLatin1String("down") ? down : up) = object;
    }
    QCOMPARE(down.value(QLatin1String("rule")).toString(), QStringLiteral("web"));
    QCOMPARE(down.value(QLatin1String("backend")).toString(), QStringLiteral("127.0.0.1:%1").arg(deadPort));
    QCOMPARE(down.value(QLatin1String("from")).toString(), QStringLiteral("unknown"));
    QCOMPARE(down.value(QLatin1String("level")).toString(), QStringLiteral("warning"));
    QCOMPARE(down.value(QLatin1String("reason")).toString(), QStringLiteral("connection refused (2/2 checks)"));
    QCOMPARE(up.value(QLatin1String("backend")).toString(), QStringLiteral("127.0.0.1:%1").arg(alive.port()));
    QCOMPARE(up.value(QLatin1String("from")).toString(), QStringLiteral("unknown"));
    QVERIFY(!up.value(QLatin1String("time")).toString().isEmpty());
    // Plural forms from the English catalogue, not "rule(s)".
    QVERIFY2(reasons.value(QStringLiteral("ruleset_loaded")).startsWith(path + QStringLiteral(": 1 rule, ")),
             qPrintable(reasons.value(QStringLiteral("ruleset_loaded"))));
    QVERIFY2(reasons.value(QStringLiteral("rule_started")).startsWith(QStringLiteral("listening on 127.0.0.1:")),
             qPrintable(reasons.value(QStringLiteral("rule_started"))));

    daemon.signal(SIGTERM);
    QVERIFY(daemon.finished(10000));
    QCOMPARE(daemon.process.exitCode(), 0);
}

void tst_Portrelayd::secondSigtermSkipsTheGracePeriod()
{
    LoopbackServer backend(echo);
    const quint16 port = freeLoopbackPort();
    const QString path = m_dir.filePath(QStringLiteral("impatient.json"));
    QVERIFY(writeFile(path, ruleSetJson({ruleJson(QStringLiteral("hold"), port, backend.port())})));
    DaemonProcess daemon;
    daemon.start(QStringLiteral(PORTRELAYD_PATH),
                 {QStringLiteral("--config"), path, QStringLiteral("--grace-ms"), QStringLiteral("60000")});
    QTRY_VERIFY_WITH_TIMEOUT(daemon.log.contains("ruleset_loaded"), 10000);
    UniqueFd open = connectToLoopback(port);
    QVERIFY(echoRoundTrip(open.get(), "hold"));
    daemon.signal(SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(!connectToLoopback(port, 200).isValid(), 2000);
    QVERIFY(!daemon.finished(300)); // waiting for the open connection...
    daemon.signal(SIGHUP);          // ...ignoring reloads meanwhile...
    QVERIFY(!daemon.finished(300));
    QVERIFY(!connectToLoopback(port, 200).isValid());
    daemon.signal(SIGTERM); // ...until asked again
    QVERIFY(daemon.finished(5000));
    QCOMPARE(daemon.process.exitCode(), 0);
}

void tst_Portrelayd::secretsFileMustBePrivate()
{
    LoopbackServer backend(echo);
    const QString config = m_dir.filePath(QStringLiteral("with-secrets.json"));
    QVERIFY(writeFile(config, ruleSetJson({ruleJson(QStringLiteral("s"), freeLoopbackPort(), backend.port())})));
    const QString secrets = m_dir.filePath(QStringLiteral("secrets.json"));
    QVERIFY(writeFile(secrets, R"({"bastion-key": "correct horse battery"})"));
    QVERIFY(QFile::setPermissions(secrets, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));

    DaemonProcess refused;
    refused.start(QStringLiteral(PORTRELAYD_PATH),
                  {QStringLiteral("--config"), config, QStringLiteral("--secrets"), secrets});
    QVERIFY(refused.finished(10000));
    QCOMPARE(refused.process.exitCode(), 2);
    const QByteArray expected = "secrets file " + secrets.toUtf8() +
                                " has mode 0644, which lets other users read or "
                                "change it: chmod 600 " +
                                secrets.toUtf8();
    QVERIFY2(refused.log.contains(expected), refused.log.constData());
    QVERIFY(!refused.log.contains("correct horse"));

    QVERIFY(QFile::setPermissions(secrets, QFile::ReadOwner | QFile::WriteOwner));
    DaemonProcess started;
    started.start(QStringLiteral(PORTRELAYD_PATH),
                  {QStringLiteral("--config"), config, QStringLiteral("--secrets"), secrets});
    QTRY_VERIFY_WITH_TIMEOUT(started.log.contains("ruleset_loaded"), 10000);
    started.signal(SIGTERM);
    QVERIFY(started.finished(10000));
    QCOMPARE(started.process.exitCode(), 0);
    QVERIFY(!started.log.contains("correct horse"));
}

QTEST_GUILESS_MAIN(tst_Portrelayd)
#include "tst_portrelayd.moc"
