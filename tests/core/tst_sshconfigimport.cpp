// ~/.ssh/config's LocalForward lines as rules through SSH hops.

#include "core/ruleset/sshconfigimport.h"

#include <QTest>

using namespace PortRelay;
using namespace Qt::Literals::StringLiterals;

class tst_SshConfigImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forwardsBecomeRulesThroughTheirHost();
    void untranslatableLinesAreNamed();
    void recognisesAConfiguration();
};

void tst_SshConfigImport::forwardsBecomeRulesThroughTheirHost()
{
    const QByteArray config = "# work\n"
                              "Host staging staging.example.com\n"
                              "    HostName 203.0.113.7\n"
                              "    User dev\n"
                              "    LocalForward 15432 db.internal:5432\n"
                              "    LocalForward=127.0.0.2:16379 redis.internal:6379\n"
                              "  localforward [::1]:18080 [fd00::5]:80\n"
                              "Host *\n"
                              "    ServerAliveInterval 30\n"
                              "Host bastion\n"
                              "    LocalForward 15432 db/5432\n";
    const SshConfigImport::Result result = SshConfigImport::fromConfig(config);
    QVERIFY(result.notes.isEmpty());
    QCOMPARE(result.ruleSet.hops.size(), 2);
    QCOMPARE(result.ruleSet.hops[0].name, u"staging"_s);
    QCOMPARE(result.ruleSet.hops[0].sshConfigHost, u"staging"_s); // the rest of the block is ssh's
    QVERIFY(result.ruleSet.hops[0].address.host.isEmpty());
    QCOMPARE(result.ruleSet.rules.size(), 4);
    const Rule &db = result.ruleSet.rules[0];
    QCOMPARE(db.name, u"staging-15432"_s);
    QCOMPARE(db.listen.toString(), u"127.0.0.1:15432"_s); // loopback, as ssh -L binds by default
    QCOMPARE(db.via, u"staging"_s);
    QCOMPARE(db.backends[0].address.toString(), u"db.internal:5432"_s);
    QCOMPARE(result.ruleSet.rules[1].listen.toString(), u"127.0.0.2:16379"_s);
    QCOMPARE(result.ruleSet.rules[2].listen.toString(), u"[::1]:18080"_s);
    QCOMPARE(result.ruleSet.rules[2].backends[0].address.toString(), u"[fd00::5]:80"_s);
    // Another host, the same local port: a name of its own (listening twice is the validator's to say).
    QCOMPARE(result.ruleSet.rules[3].name, u"bastion-15432"_s);
    QCOMPARE(result.ruleSet.rules[3].backends[0].address.toString(), u"db:5432"_s);
}

void tst_SshConfigImport::untranslatableLinesAreNamed()
{
    const QByteArray config = "LocalForward 1000 a:1\n"            // 1: outside any Host
                              "Host *.example.com\n"               // 2
                              "  LocalForward 1001 a:1\n"          // 3: a pattern names no host
                              "Host box\n"                         // 4
                              "  LocalForward /tmp/s.sock a:1\n"   // 5
                              "  LocalForward 1002 /run/db.sock\n" // 6
                              "  LocalForward 70000 a:1\n"         // 7
                              "  LocalForward 1003\n"              // 8
                              "Match host box\n"                   // 9
                              "  LocalForward 1004 a:1\n";         // 10
    const SshConfigImport::Result result = SshConfigImport::fromConfig(config);
    QCOMPARE(result.ruleSet.rules.size(), 0);
    QList<int> lines;
    for (const SshConfigImport::Note &note : result.notes)
        lines.append(note.line);
    QCOMPARE(lines, (QList<int>{1, 3, 5, 6, 7, 8, 10}));
    QCOMPARE(result.notes[2].message.english(), u"forwards from a Unix socket (/tmp/s.sock) are not supported"_s);
    QCOMPARE(result.notes[4].message.english(), u"port 70000 out of range 1-65535"_s);
}

void tst_SshConfigImport::recognisesAConfiguration()
{
    QVERIFY(SshConfigImport::looksLikeConfig("Host a\n  LocalForward 1 b:2\n"));
    QVERIFY(!SshConfigImport::looksLikeConfig("Host a\n  HostName b\n"));
    QVERIFY(!SshConfigImport::looksLikeConfig("{\"version\": 1, \"rules\": [], \"x-note\": \"LocalForward 1 b:2\"}"));
}

QTEST_GUILESS_MAIN(tst_SshConfigImport)
#include "tst_sshconfigimport.moc"
