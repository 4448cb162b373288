// The rule editor against real loopback sockets: the warning for a listen address other machines
// reach, a port taken by another program or rule (with a free one offered), the engine's status
// of the edited rule while the editor is open, and Test backends with the rule's health check.

#include "ruleeditorfixture.h"
#include "ui/dialogs/backendtablemodel.h"
#include "ui/dialogs/ruleeditordialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <cerrno>

using namespace PortRelay;
using namespace PortRelay::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

// A port nobody listens on: bound for a moment, then released.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class tst_RuleEditorProbes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exposureWarning_data();
    void exposureWarning();
    void portTakenByProgram();
    void portHeldByEditedRule();
    void waitingRuleOffersAFreePort();
    void ruleStatusChangesWhileOpen();
    void portTakenByRule();
    void testBackends();
    void testBackendsRunsTheHealthCheck();
};

void tst_RuleEditorProbes::exposureWarning_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("exposed");
    QTest::newRow("IPv4 loopback") << u"127.0.0.1"_s << false;
    QTest::newRow("other loopback") << u"127.0.0.2"_s << false;
    QTest::newRow("IPv6 loopback") << u"::1"_s << false;
    QTest::newRow("localhost") << u"localhost"_s << false;
    QTest::newRow("any IPv4") << u"0.0.0.0"_s << true;
    QTest::newRow("star") << u"*"_s << true;
    QTest::newRow("any IPv6") << u"::"_s << true;
    QTest::newRow("LAN address") << u"192.168.1.5"_s << true;
}

void tst_RuleEditorProbes::exposureWarning()
{
    QFETCH(QString, host);
    QFETCH(bool, exposed);

    Editor editor;
    editor.port()->setText(QString::number(TestPort));
    editor.host()->setCurrentText(host);
    QCOMPARE(editor.shown(u"exposureWarning"_s), exposed);
    if (exposed) {
        const QList<QLabel *> labels = editor.child<QWidget>(u"exposureWarning"_s)->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *label) {
            return label->text().startsWith(u"Reachable from other machines"_s);
        }));
    }
    // Back to loopback: the warning goes.
    editor.host()->setCurrentText(u"127.0.0.1"_s);
    QVERIFY(!editor.shown(u"exposureWarning"_s));
}

void tst_RuleEditorProbes::portTakenByProgram()
{
    QTcpServer program;
    QVERIFY(program.listen(QHostAddress::LocalHost, 0));
    const quint16 taken = program.serverPort();

    Editor editor;
    editor.setTarget(0, u"127.0.0.1:8081"_s);
    QTest::keyClicks(editor.port(), QString::number(taken));
    QVERIFY(editor.shown(u"portStatusLabel"_s));
    const QString status = editor.child<QLabel>(u"portStatusLabel"_s)->text();
    QCOMPARE(status, u"Cannot listen on 127.0.0.1:%1: in use by another program."_s.arg(taken));
    // Another program may go away before the rule starts: a warning, not an error.
    QVERIFY(editor.ok()->isEnabled());

    auto *usePort = editor.child<QPushButton>(u"usePortButton"_s);
    QVERIFY(usePort->isVisibleTo(&editor.dialog));
    QVERIFY2(usePort->text().startsWith(u"Use port "_s), qPrintable(usePort->text()));
    usePort->click();
    const int suggested = editor.port()->text().toInt();
    QVERIFY(suggested > taken);
    QCOMPARE(usePort->text(), u"Use port %1"_s.arg(suggested));
    QVERIFY(!editor.shown(u"portStatusLabel"_s));
    QCOMPARE(editor.dialog.rule().listen.port, quint16(suggested));
}

void tst_RuleEditorProbes::portHeldByEditedRule()
{
    // The running rule holds its own address; that is no reason to warn.
    QTcpServer running;
    QVERIFY(running.listen(QHostAddress::LocalHost, 0));
    const Rule rule = otherRule(u"api"_s, u"127.0.0.1:%1"_s.arg(running.serverPort()));
    Editor editor(rule);
    QVERIFY(!editor.shown(u"portStatusLabel"_s));
    QVERIFY(editor.ok()->isEnabled());
    QCOMPARE(editor.dialog.rule(), rule);
}

void tst_RuleEditorProbes::waitingRuleOffersAFreePort()
{
    // Another program holds the port; the engine made the rule wait.
    QTcpServer program;
    QVERIFY(program.listen(QHostAddress::LocalHost, 0));
    const quint16 taken = program.serverPort();
    const Rule rule = otherRule(u"api"_s, u"127.0.0.1:%1"_s.arg(taken));
    Editor editor(rule);
    QVERIFY(!editor.shown(u"portStatusLabel"_s)); // as if it held the port itself
    RuleStatus status{u"api"_s, RuleState::Waiting,
                      Message::verbatim(u"cannot listen on 127.0.0.1:%1: address already in use"_s.arg(taken)),
                      EADDRINUSE, QDateTime::currentMSecsSinceEpoch() + 8000};
    editor.dialog.setRuleStatus(status);

    QVERIFY(editor.shown(u"portStatusLabel"_s));
    const QString text = editor.child<QLabel>(u"portStatusLabel"_s)->text();
    QVERIFY2(
        text.startsWith(u"This rule is waiting: cannot listen on 127.0.0.1:%1: address already in use."_s.arg(taken)),
        qPrintable(text));
    auto *usePort = editor.child<QPushButton>(u"usePortButton"_s);
    QVERIFY(usePort->isVisibleTo(&editor.dialog));
    const int offered = usePort->property("port").toInt();
    QVERIFY(offered > taken);
    QVERIFY2(text.endsWith(u"Port %1 is free."_s.arg(offered)), qPrintable(text));
    QCOMPARE(usePort->text(), u"Use port %1"_s.arg(offered));
    // Free indeed: it can be listened on.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, quint16(offered)));
    probe.close();

    usePort->click();
    QCOMPARE(editor.dialog.rule().listen.port, quint16(offered));
    QVERIFY(!editor.shown(u"portStatusLabel"_s));

    // Back on the taken port, the failure is shown again; a rule that runs shows nothing there.
    editor.port()->setText(QString::number(taken));
    QVERIFY(editor.shown(u"portStatusLabel"_s));
    status.state = RuleState::Running;
    status.reason = Message();
    editor.dialog.setRuleStatus(status);
    QVERIFY(!editor.shown(u"portStatusLabel"_s));
}

void tst_RuleEditorProbes::ruleStatusChangesWhileOpen()
{
    // The window forwards every status change of the edited rule: each one is shown as it comes.
    QTcpServer program;
    QVERIFY(program.listen(QHostAddress::LocalHost, 0));
    const quint16 taken = program.serverPort();
    const Rule rule = otherRule(u"api"_s, u"127.0.0.1:%1"_s.arg(taken));
    Editor editor(rule);
    auto *label = editor.child<QLabel>(u"portStatusLabel"_s);
    auto *usePort = editor.child<QPushButton>(u"usePortButton"_s);

    RuleStatus status{u"api"_s, RuleState::Running, Message(), 0, 0};
    editor.dialog.setRuleStatus(status);
    QVERIFY(!editor.shown(u"portStatusLabel"_s)); // running: the port is its own

    const Message inUse = Message::verbatim(u"cannot listen on 127.0.0.1:%1: address already in use"_s.arg(taken));
    status = RuleStatus{u"api"_s, RuleState::Waiting, inUse, EADDRINUSE, QDateTime::currentMSecsSinceEpoch() + 8000};
    editor.dialog.setRuleStatus(status);
    QVERIFY(editor.shown(u"portStatusLabel"_s));
    QVERIFY2(label->text().startsWith(u"This rule is waiting: %1. It tries again on its own."_s.arg(inUse.english())),
             qPrintable(label->text()));
    QVERIFY(usePort->isVisibleTo(&editor.dialog));
    QVERIFY2(label->text().endsWith(u"Port %1 is free."_s.arg(usePort->property("port").toInt())),
             qPrintable(label->text()));

    status = RuleStatus{u"api"_s, RuleState::Running, Message(), 0, 0};
    editor.dialog.setRuleStatus(status);
    QVERIFY(!editor.shown(u"portStatusLabel"_s));

    // And again, another way: the engine gave up on it.
    status = RuleStatus{u"api"_s, RuleState::Failed, inUse, EADDRINUSE, 0};
    editor.dialog.setRuleStatus(status);
    QVERIFY(editor.shown(u"portStatusLabel"_s));
    QVERIFY2(label->text().startsWith(u"This rule could not start: %1."_s.arg(inUse.english())),
             qPrintable(label->text()));

    // What the engine says is a notice, not a change: the rule and its validity stay as they were.
    QVERIFY(editor.ok()->isEnabled());
    QVERIFY(!editor.dialog.hasChanges());
    QCOMPARE(editor.dialog.rule(), rule);
}

void tst_RuleEditorProbes::portTakenByRule()
{
    RuleSet others;
    others.rules.append(otherRule(u"other"_s, u"127.0.0.1:%1"_s.arg(TestPort)));
    Rule disabled = otherRule(u"sleeping"_s, u"127.0.0.1:%1"_s.arg(TestPort + 1));
    disabled.enabled = false; // a disabled rule holds no port
    others.rules.append(disabled);

    Editor editor(Rule(), others);
    editor.setTarget(0, u"127.0.0.1:8081"_s);
    editor.port()->setText(QString::number(TestPort));
    QVERIFY(!editor.ok()->isEnabled());
    QVERIFY(editor.message(u"listen"_s)->text().contains(u"conflicts with rules[0] (\"other\")"_s));
    auto *usePort = editor.child<QPushButton>(u"usePortButton"_s);
    QVERIFY(usePort->isVisibleTo(&editor.dialog));
    usePort->click();
    QVERIFY(editor.port()->text().toInt() > TestPort);
    QVERIFY2(editor.ok()->isEnabled(), qPrintable(editor.summary()));
    QVERIFY(!editor.message(u"listen"_s)->isVisibleTo(&editor.dialog));

    // A disabled rule being edited conflicts with nobody.
    editor.port()->setText(QString::number(TestPort));
    editor.child<QCheckBox>(u"enabledCheck"_s)->setChecked(false);
    QVERIFY2(editor.ok()->isEnabled(), qPrintable(editor.summary()));
}

void tst_RuleEditorProbes::testBackends()
{
    QTcpServer live;
    QVERIFY(live.listen(QHostAddress::LocalHost, 0));
    const quint16 closed = closedPort();
    QVERIFY(closed != 0);

    Rule rule = otherRule(u"api"_s, u"127.0.0.1:%1"_s.arg(TestPort));
    rule.backends = {backendAt(Endpoint{u"127.0.0.1"_s, live.serverPort()}),
                     backendAt(Endpoint{u"127.0.0.1"_s, closed})};
    Editor editor(rule);
    auto *test = editor.child<QPushButton>(u"testBackendsButton"_s);
    test->click();
    // The click returns at once; the answers come later.
    QCOMPARE(editor.probeText(0), u"Testing…"_s);
    QVERIFY(!test->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(editor.probeText(0).startsWith(u"✓ "_s), 5000);
    QVERIFY2(editor.probeText(0).endsWith(u" ms"_s), qPrintable(editor.probeText(0)));
    QTRY_COMPARE_WITH_TIMEOUT(editor.probeText(1), u"✗ connection refused"_s, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 5000);

    // Editing an address drops its stale result.
    editor.setTarget(0, u"127.0.0.1:%1"_s.arg(closed));
    QCOMPARE(editor.probeText(0), QString());
    QCOMPARE(editor.probeText(1), u"✗ connection refused"_s);
}

void tst_RuleEditorProbes::testBackendsRunsTheHealthCheck()
{
    // A backend that answers anything with an error: the rule's send/expect catches it, in the
    // health checker's words, where a bare connect would have passed.
    QTcpServer wrong;
    QVERIFY(wrong.listen(QHostAddress::LocalHost, 0));
    connect(&wrong, &QTcpServer::newConnection, this, [&wrong] {
        while (QTcpSocket *socket = wrong.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("-ERR unknown command\r\n");
            });
        }
    });
    Rule rule = otherRule(u"redis"_s, u"127.0.0.1:%1"_s.arg(TestPort));
    rule.backends = {backendAt(Endpoint{u"127.0.0.1"_s, wrong.serverPort()})};
    rule.healthCheck.send = "PING\r\n";
    rule.healthCheck.expect = "+PONG";
    Editor editor(rule);
    editor.child<QPushButton>(u"testBackendsButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(editor.probeText(0), u"✗ expected \"+PONG\", got \"-ERR unknown command\""_s, 5000);
}

QTEST_MAIN(tst_RuleEditorProbes)
#include "tst_ruleeditorprobes.moc"
