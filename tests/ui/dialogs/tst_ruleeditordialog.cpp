#include "core/ruleset/rulevalidator.h"
#include "ui/dialogs/backendtablemodel.h"
#include "ui/dialogs/checkdatatext.h"
#include "ui/dialogs/errorframe.h"
#include "ui/dialogs/ruleeditordialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace PortRelay;
using namespace Qt::Literals::StringLiterals;

namespace {

Backend backendAt(const Endpoint &address)
{
    Backend backend;
    backend.address = address;
    return backend;
}

// Far from the usual development ports, so that the machine running the tests rarely holds it.
constexpr quint16 TestPort = 47231;

Endpoint endpoint(const QString &text)
{
    return Endpoint::parse(text).value();
}

Rule otherRule(const QString &name, const QString &listen)
{
    Rule rule;
    rule.name = name;
    rule.listen = endpoint(listen);
    rule.backends.append(backendAt(endpoint(u"127.0.0.1:9"_s)));
    return rule;
}

// Whether a tab's icon shows anything (tabs without a problem have a clear one).
bool showsMark(const QIcon &icon)
{
    if (icon.isNull())
        return false;
    const QImage image = icon.pixmap(16, 16).toImage().convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) != 0)
                return true;
        }
    }
    return false;
}

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

class Editor
{
public:
    explicit Editor(const Rule &initial = Rule(), const RuleSet &others = RuleSet())
        : dialog(initial, others)
    {}

    template<typename T>
    T *child(const QString &name) const
    {
        return dialog.findChild<T *>(name);
    }
    QLineEdit *name() const { return child<QLineEdit>(u"nameEdit"_s); }
    QComboBox *host() const { return child<QComboBox>(u"listenHostCombo"_s); }
    QLineEdit *port() const { return child<QLineEdit>(u"listenPortEdit"_s); }
    QTableView *view() const { return child<QTableView>(u"backendsView"_s); }
    BackendTableModel *backends() const { return qobject_cast<BackendTableModel *>(view()->model()); }
    QPushButton *ok() const { return child<QDialogButtonBox>(QString())->button(QDialogButtonBox::Ok); }
    QLabel *message(const QString &key) const { return child<QLabel>(u"message:"_s + key); }
    QString summary() const { return child<QLabel>(u"summaryLabel"_s)->text(); }
    bool shown(const QString &name) const
    {
        auto *widget = child<QWidget>(name);
        return widget && widget->isVisibleTo(&dialog);
    }
    void setTarget(int row, const QString &address)
    {
        backends()->setData(backends()->index(row, BackendTableModel::AddressColumn), address);
    }
    QString probeText(int row) const
    {
        return backends()->index(row, BackendTableModel::ProbeColumn).data().toString();
    }

    RuleEditorDialog dialog;
};

} // namespace

class TestRuleEditorDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backendModel();
    void newRuleDefaults();
    void validation_data();
    void validation();
    void minimalValidRule_data();
    void minimalValidRule();
    void fullRuleRoundTrip();
    void advancedMessages_data();
    void advancedMessages();
    void loadedValueOutOfRange();
    void exposureWarning_data();
    void exposureWarning();
    void portTakenByProgram();
    void portHeldByEditedRule();
    void waitingRuleOffersAFreePort();
    void ruleStatusChangesWhileOpen();
    void portTakenByRule();
    void testBackends();
    void testBackendsRunsTheHealthCheck();
    void typingInTable();
    void backendButtons();
    void mnemonics();
    void checkDataText_data();
    void checkDataText();
    void nameFollowsThePort();
    void focusStartsOnName();
    void messagesDoNotMoveTheFields();
    void escapeAsksBeforeDiscarding();
    void ctrlPageDownSwitchesTabs();
};

void TestRuleEditorDialog::backendModel()
{
    BackendTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &BackendTableModel::backendsEdited);

    model.appendRow();
    model.appendRow(BackendTableModel::rowFromBackend(Backend{endpoint(u"10.0.0.1:80"_s), 5, true, false, {}}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, BackendTableModel::AddressColumn).data().toString(), u"10.0.0.1:80"_s);
    QCOMPARE(model.index(1, BackendTableModel::WeightColumn).data().toInt(), 5);
    QCOMPARE(model.index(1, BackendTableModel::BackupColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.index(1, BackendTableModel::EnabledColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

    QVERIFY(model.setData(model.index(0, BackendTableModel::AddressColumn), u"127.0.0.1:1"_s));
    QVERIFY(model.setData(model.index(0, BackendTableModel::WeightColumn), 3));
    QVERIFY(model.setData(model.index(0, BackendTableModel::BackupColumn), int(Qt::Checked), Qt::CheckStateRole));
    QVERIFY(!model.setData(model.index(0, BackendTableModel::ProbeColumn), u"x"_s));
    QCOMPARE(model.row(0).weight, 3);
    QVERIFY(model.row(0).backup);

    QVERIFY(model.moveRowBy(0, 1));
    QCOMPARE(model.row(1).address, u"127.0.0.1:1"_s);
    QVERIFY(model.moveRowBy(1, -1));
    QCOMPARE(model.row(0).address, u"127.0.0.1:1"_s);
    QVERIFY(!model.moveRowBy(0, -1));
    QVERIFY(!model.moveRowBy(1, 1));

    model.setErrors({u"bad"_s}, {QString(), u"heavy"_s});
    QCOMPARE(model.index(0, BackendTableModel::AddressColumn).data(BackendTableModel::ErrorRole).toString(), u"bad"_s);
    QCOMPARE(model.index(1, BackendTableModel::WeightColumn).data(Qt::ToolTipRole).toString(), u"heavy"_s);

    model.setProbeState(0, BackendTableModel::ProbeState::Succeeded, u"0.4 ms"_s);
    QCOMPARE(model.index(0, BackendTableModel::ProbeColumn).data().toString(), u"✓ 0.4 ms"_s);
    // A new address makes the old result meaningless.
    QVERIFY(model.setData(model.index(0, BackendTableModel::AddressColumn), u"127.0.0.1:2"_s));
    QCOMPARE(model.index(0, BackendTableModel::ProbeColumn).data().toString(), QString());

    model.removeRowAt(0);
    QCOMPARE(model.rowCount(), 1);
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(edited.count() >= 10);
}

void TestRuleEditorDialog::newRuleDefaults()
{
    Editor editor;
    QCOMPARE(editor.dialog.windowTitle(), u"New Rule"_s);
    QCOMPARE(editor.host()->currentText(), u"127.0.0.1"_s);
    QCOMPARE(editor.port()->text(), QString());
    QCOMPARE(editor.backends()->rowCount(), 1);
    QCOMPARE(editor.backends()->row(0).address, QString());
    QVERIFY(!editor.ok()->isEnabled());
    QVERIFY(!editor.dialog.isValid());
    // Nothing typed yet: hints, not red messages.
    for (QLabel *label : editor.dialog.findChildren<QLabel *>()) {
        if (label->objectName().startsWith(u"message:"))
            QVERIFY2(!label->isVisibleTo(&editor.dialog), qPrintable(label->objectName()));
    }
    QVERIFY2(editor.summary().startsWith(u"To create the rule, enter"_s), qPrintable(editor.summary()));
    QVERIFY(!editor.shown(u"exposureWarning"_s));
    QVERIFY(!editor.shown(u"portStatusLabel"_s));

    // Every default the rule has, the editor has.
    const Rule rule = editor.dialog.rule();
    Rule expected;
    expected.backends.append(Backend());
    expected.name = rule.name;
    QCOMPARE(rule.healthCheck, expected.healthCheck);
    QCOMPARE(rule.connectTimeoutMs, expected.connectTimeoutMs);
    QCOMPARE(rule.retries, expected.retries);
    QCOMPARE(rule.failWindowMs, expected.failWindowMs);
    QCOMPARE(rule.listen, expected.listen);
}

void TestRuleEditorDialog::validation_data()
{
    QTest::addColumn<QString>("name"); // null: leave the suggested name
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("otherName"); // empty: no other rule
    QTest::addColumn<QString>("otherListen");
    QTest::addColumn<QString>("field"); // empty: valid
    QTest::addColumn<QString>("message");

    const QString port = QString::number(TestPort);
    const QString listen = u"127.0.0.1:"_s + port;
    const QString target = u"127.0.0.1:8081"_s;
    const QString none;
    QTest::newRow("minimal") << none << u"127.0.0.1"_s << port << target << none << none << none << none;
    QTest::newRow("named") << u"api"_s << u"127.0.0.1"_s << port << target << none << none << none << none;
    QTest::newRow("localhost") << u"api"_s << u"localhost"_s << port << target << none << none << none << none;
    QTest::newRow("ipv6") << u"api"_s << u"::1"_s << port << u"[::1]:8081"_s << none << none << none << none;
    QTest::newRow("other rule, other port")
        << u"api"_s << u"127.0.0.1"_s << port << target << u"db"_s << u"127.0.0.1:5432"_s << none << none;

    QTest::newRow("port 70000") << u"api"_s << u"127.0.0.1"_s << u"70000"_s << target << none << none << u"listen"_s
                                << u"port 70000 out of range 1-65535"_s;
    QTest::newRow("port 0") << u"api"_s << u"127.0.0.1"_s << u"0"_s << target << none << none << u"listen"_s
                            << u"port 0 is not allowed: choose a port 1-65535"_s;
    QTest::newRow("port not a number") << u"api"_s << u"127.0.0.1"_s << u"8o"_s << target << none << none << u"listen"_s
                                       << u"port \"8o\" is not a number"_s;
    QTest::newRow("listen on a name")
        << u"api"_s << u"example.com"_s << port << target << none << none << u"listen"_s
        << u"listen host must be an IP address, \"localhost\" or \"*\", got \"example.com\""_s;
    QTest::newRow("bad IPv4") << u"api"_s << u"127.0.0.300"_s << port << target << none << none << u"listen"_s
                              << u"invalid IPv4 address \"127.0.0.300\""_s;
    QTest::newRow("empty name") << u""_s << u"127.0.0.1"_s << port << target << none << none << u"name"_s
                                << u"must not be empty"_s;
    QTest::newRow("long name") << QString(65, u'n') << u"127.0.0.1"_s << port << target << none << none << u"name"_s
                               << u"65 characters long; at most 64 are allowed"_s;
    QTest::newRow("backend port 70000") << u"api"_s << u"127.0.0.1"_s << port << u"127.0.0.1:70000"_s << none << none
                                        << u"backends"_s << u"Backend 1: port 70000 out of range 1-65535"_s;
    QTest::newRow("backend without port")
        << u"api"_s << u"127.0.0.1"_s << port << u"db"_s << none << none << u"backends"_s
        << u"Backend 1: missing port in \"db\": expected host:port, e.g. \"127.0.0.1:8080\""_s;
    QTest::newRow("backend wildcard")
        << u"api"_s << u"127.0.0.1"_s << port << u"0.0.0.0:80"_s << none << none << u"backends"_s
        << u"Backend 1: 0.0.0.0 is not an address to connect to: name the backend's host"_s;
    QTest::newRow("duplicate name") << u"api"_s << u"127.0.0.1"_s << port << target << u"api"_s << u"127.0.0.1:5432"_s
                                    << u"name"_s << u"duplicate name \"api\" (also rules[0])"_s;
    QTest::newRow("listen conflict") << u"api"_s << u"127.0.0.1"_s << port << target << u"other"_s << listen
                                     << u"listen"_s
                                     << u"%1 conflicts with rules[0] (\"other\"), which listens on %1"_s.arg(listen);
    QTest::newRow("wildcard conflict") << u"api"_s << u"0.0.0.0"_s << port << target << u"other"_s << listen
                                       << u"listen"_s
                                       << u"0.0.0.0:%1 conflicts with rules[0] (\"other\"), which listens on %2"_s.arg(
                                              port, listen);
}

void TestRuleEditorDialog::validation()
{
    QFETCH(QString, name);
    QFETCH(QString, host);
    QFETCH(QString, port);
    QFETCH(QString, target);
    QFETCH(QString, otherName);
    QFETCH(QString, otherListen);
    QFETCH(QString, field);
    QFETCH(QString, message);

    RuleSet others;
    if (!otherName.isEmpty())
        others.rules.append(otherRule(otherName, otherListen));
    Editor editor(Rule(), others);
    QSignalSpy validity(&editor.dialog, &RuleEditorDialog::validityChanged);
    editor.host()->setCurrentText(host);
    editor.port()->setText(port);
    editor.setTarget(0, target);
    if (!name.isNull()) {
        editor.name()->setText(u"typed"_s); // the user was here
        editor.name()->setText(name);
    }

    if (field.isEmpty()) {
        QVERIFY2(editor.dialog.isValid(), qPrintable(editor.summary()));
        QVERIFY(editor.ok()->isEnabled());
        QVERIFY(!editor.child<QLabel>(u"summaryLabel"_s)->isVisibleTo(&editor.dialog));
        QVERIFY(RuleValidator::validate(editor.dialog.rule(), 0).isEmpty());
        QCOMPARE(validity.count(), 1);
        QCOMPARE(validity.first().first().toBool(), true);
        return;
    }
    QVERIFY(!editor.dialog.isValid());
    QVERIFY(!editor.ok()->isEnabled());
    QLabel *label = editor.message(field);
    QVERIFY(label);
    QVERIFY(label->isVisibleTo(&editor.dialog));
    QVERIFY2(label->text().split(u'\n').contains(message), qPrintable(label->text()));
    QVERIFY2(editor.summary().contains(message), qPrintable(editor.summary()));
    // The offending input carries the message too (tooltip and red frame).
    const QList<ErrorFrame *> frames = editor.dialog.findChildren<ErrorFrame *>();
    QVERIFY(std::any_of(frames.begin(), frames.end(), [](ErrorFrame *frame) { return frame->isActive(); }));
    if (field == u"backends") {
        const QString cellError =
            editor.backends()->index(0, BackendTableModel::AddressColumn).data(BackendTableModel::ErrorRole).toString();
        QVERIFY2(message.endsWith(cellError) && !cellError.isEmpty(), qPrintable(cellError));
    } else {
        QWidget *input = field == u"name" ? static_cast<QWidget *>(editor.name())
                         : message.startsWith(u"port") || message.contains(u"conflicts")
                             ? static_cast<QWidget *>(editor.port())
                             : editor.host();
        QVERIFY2(input->toolTip().contains(message), qPrintable(input->toolTip()));
    }
}

void TestRuleEditorDialog::minimalValidRule_data()
{
    QTest::addColumn<QString>("typedName");
    QTest::addColumn<QString>("expectedName");
    QTest::newRow("suggested name") << QString() << u"Port %1"_s.arg(TestPort);
    QTest::newRow("typed name") << u"api"_s << u"api"_s;
}

void TestRuleEditorDialog::minimalValidRule()
{
    QFETCH(QString, typedName);
    QFETCH(QString, expectedName);

    Editor editor;
    QSignalSpy validity(&editor.dialog, &RuleEditorDialog::validityChanged);
    if (!typedName.isNull())
        QTest::keyClicks(editor.name(), typedName);
    QTest::keyClicks(editor.port(), QString::number(TestPort));
    QVERIFY(!editor.ok()->isEnabled());
    editor.setTarget(0, u"127.0.0.1:8081"_s);
    QVERIFY2(editor.ok()->isEnabled(), qPrintable(editor.summary()));
    QCOMPARE(validity.count(), 1);

    Rule expected;
    expected.name = expectedName;
    expected.listen = Endpoint{u"127.0.0.1"_s, TestPort};
    expected.backends.append(backendAt(Endpoint{u"127.0.0.1"_s, 8081}));
    QCOMPARE(editor.dialog.rule(), expected);
    QCOMPARE(editor.name()->text(), expectedName);

    editor.ok()->click();
    QCOMPARE(editor.dialog.result(), int(QDialog::Accepted));
}

void TestRuleEditorDialog::fullRuleRoundTrip()
{
    Rule rule;
    rule.name = u"shop api"_s;
    rule.group = u"shop"_s;
    rule.enabled = false;
    rule.listen = endpoint(u"[::1]:18443"_s);
    rule.balance = BalanceStrategy::SourceHash;
    rule.backends.append(Backend{endpoint(u"db.internal.example:5432"_s), 5, false, true, {}});
    Backend second{endpoint(u"[::1]:5433"_s), 1, true, false, {}};
    second.extensions.insert(u"x-note"_s, u"kept"_s);
    rule.backends.append(second);
    rule.healthCheck = HealthCheck{HealthCheck::Type::Tcp, 5000, 250, 4, 5, "PING\r\n", "+PONG\\ok"};
    rule.connectTimeoutMs = 1234;
    rule.idleTimeoutMs = 60000;
    rule.retries = 5;
    rule.retryBackoffMs = 0;
    rule.maxConnections = 100;
    rule.maxConnectionsPerClient = 8;
    rule.maxFails = 0;
    rule.failWindowMs = 30000;
    rule.onDown = OnDown::Close;
    rule.slowStartMs = 5000;
    rule.adaptiveWeights = true;
    rule.allow = {Subnet::parse(u"127.0.0.0/8"_s).value(), Subnet::parse(u"::1/128"_s).value()};
    rule.extensions.insert(u"x-comment"_s, u"from the file"_s);
    QVERIFY(RuleValidator::validate(rule, 0).isEmpty());

    RuleSet others;
    others.rules.append(otherRule(u"db"_s, u"127.0.0.1:5432"_s));
    Editor editor(rule, others);
    QCOMPARE(editor.dialog.windowTitle(), u"Edit Rule “shop api”"_s);
    QVERIFY2(editor.ok()->isEnabled(), qPrintable(editor.summary()));
    QCOMPARE(editor.child<QLineEdit>(u"checkSendEdit"_s)->text(), u"PING\\r\\n"_s);
    QCOMPARE(editor.child<QLineEdit>(u"checkExpectEdit"_s)->text(), u"+PONG\\\\ok"_s);
    QCOMPARE(editor.child<QPlainTextEdit>(u"allowEdit"_s)->toPlainText(), u"127.0.0.0/8\n::1/128"_s);
    QCOMPARE(editor.child<QSpinBox>(u"max_connections_per_client"_s)->value(), 8);
    QCOMPARE(editor.dialog.rule(), rule);

    // A change in the field reaches the rule, and only that key changes.
    editor.child<QSpinBox>(u"max_connections_per_client"_s)->setValue(0);
    rule.maxConnectionsPerClient = 0;
    QCOMPARE(editor.dialog.rule(), rule);
}

void TestRuleEditorDialog::advancedMessages_data()
{
    QTest::addColumn<QString>("widget");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("tab");

    QTest::newRow("timeout above interval") << u"health_check.timeout_ms"_s << u"1500"_s << u"health_check.timeout_ms"_s
                                            << u"1500 is longer than interval_ms 1000: a check must end before the "
                                               "next one starts"_s
                                            << 1;
    QTest::newRow("send without a check")
        << u"health_check.send"_s << u"PING"_s << u"health_check.send"_s << u"needs \"type\": \"tcp\""_s << 1;
    QTest::newRow("bad escape") << u"health_check.expect"_s << u"\\q"_s << u"health_check.expect"_s
                                << u"unknown escape \"\\q\": use \\r, \\n, \\t, \\0, \\xHH or \\\\"_s << 1;
    QTest::newRow("max connections too large")
        << u"max_connections"_s << u"1000001"_s << u"max_connections"_s << u"1000001 out of range 0-1000000"_s << 2;
    QTest::newRow("per client too large")
        << u"max_connections_per_client"_s << u"2500000"_s << u"max_connections_per_client"_s
        << u"2500000 out of range 0-1000000"_s << 2;
    QTest::newRow("host bits") << u"allow"_s << u"127.0.0.0/8\n10.0.0.1/8"_s << u"allow"_s
                               << u"line 2: host bits set in 10.0.0.1/8 (did you mean 10.0.0.0/8?)"_s << 2;
    QTest::newRow("not a subnet") << u"allow"_s << u"everyone"_s << u"allow"_s
                                  << u"line 1: invalid subnet \"everyone\": expected address/prefix, e.g. "
                                     "\"192.168.0.0/16\" or \"::1/128\""_s
                                  << 2;
}

void TestRuleEditorDialog::advancedMessages()
{
    QFETCH(QString, widget);
    QFETCH(QString, value);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QFETCH(int, tab);

    Rule rule = otherRule(u"api"_s, u"127.0.0.1:%1"_s.arg(TestPort));
    rule.healthCheck.intervalMs = 1000;
    if (field == u"health_check.send")
        rule.healthCheck.type = HealthCheck::Type::None;
    Editor editor(rule);
    QVERIFY(editor.ok()->isEnabled());

    if (auto *spin = editor.child<QSpinBox>(widget))
        spin->setValue(value.toInt());
    else if (widget == u"allow")
        editor.child<QPlainTextEdit>(u"allowEdit"_s)->setPlainText(value);
    else
        editor.child<QLineEdit>(widget == u"health_check.send" ? u"checkSendEdit"_s : u"checkExpectEdit"_s)
            ->setText(value);

    QVERIFY(!editor.ok()->isEnabled());
    QLabel *label = editor.message(field);
    QVERIFY(label);
    QCOMPARE(label->text(), message);
    QVERIFY(!label->isHidden()); // on a tab that is not showing
    // The tab that holds the problem says so, since it may not be the one showing.
    auto *tabs = editor.child<QTabWidget>(QString());
    QVERIFY(showsMark(tabs->tabIcon(tab)));
    QVERIFY(!showsMark(tabs->tabIcon(0))); // a clear icon keeps the tab's size
}

void TestRuleEditorDialog::loadedValueOutOfRange()
{
    // A rule built elsewhere with a value the core refuses: shown and reported, not clamped unseen.
    Rule rule = otherRule(u"api"_s, u"127.0.0.1:%1"_s.arg(TestPort));
    rule.maxConnectionsPerClient = RuleValidator::MaxConnectionsRange.max + 1;
    Editor editor(rule);
    QVERIFY(!editor.ok()->isEnabled());
    QCOMPARE(editor.dialog.rule().maxConnectionsPerClient, RuleValidator::MaxConnectionsRange.max + 1);
    QCOMPARE(editor.message(u"max_connections_per_client"_s)->text(), u"1000001 out of range 0-1000000"_s);
    QVERIFY(editor.summary().contains(u"Max per client: 1000001 out of range"_s));

    editor.child<QSpinBox>(u"max_connections_per_client"_s)->setValue(RuleValidator::MaxConnectionsRange.max);
    QVERIFY2(editor.ok()->isEnabled(), qPrintable(editor.summary()));
    QVERIFY(editor.message(u"max_connections_per_client"_s)->isHidden());
}

void TestRuleEditorDialog::exposureWarning_data()
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

void TestRuleEditorDialog::exposureWarning()
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

void TestRuleEditorDialog::portTakenByProgram()
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

void TestRuleEditorDialog::portHeldByEditedRule()
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

void TestRuleEditorDialog::waitingRuleOffersAFreePort()
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

void TestRuleEditorDialog::ruleStatusChangesWhileOpen()
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

void TestRuleEditorDialog::portTakenByRule()
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

void TestRuleEditorDialog::testBackends()
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

void TestRuleEditorDialog::testBackendsRunsTheHealthCheck()
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

void TestRuleEditorDialog::typingInTable()
{
    Editor editor;
    editor.dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor.dialog));
    QTest::keyClicks(editor.port(), QString::number(TestPort));

    QTableView *view = editor.view();
    const QModelIndex cell = editor.backends()->index(0, BackendTableModel::AddressColumn);
    view->setCurrentIndex(cell);
    view->edit(cell);
    auto *line = qobject_cast<QLineEdit *>(view->indexWidget(cell) ? view->indexWidget(cell) : view->focusWidget());
    QVERIFY(line);
    QTest::keyClicks(line, u"127.0.0.1:8081"_s);
    // Valid while the editor is still open: the table validates as the user types.
    QVERIFY2(editor.ok()->isEnabled(), qPrintable(editor.summary()));
    QCOMPARE(line->text(), u"127.0.0.1:8081"_s);
    QTest::keyClicks(line, u"00"_s);
    QVERIFY(!editor.ok()->isEnabled());
    QCOMPARE(editor.message(u"backends"_s)->text(), u"Backend 1: port 808100 out of range 1-65535"_s);

    // Escape takes back what was typed since the editor opened.
    QTest::keyClick(line, Qt::Key_Escape);
    QCOMPARE(editor.backends()->row(0).address, QString());
    QVERIFY(!editor.ok()->isEnabled());
    QVERIFY(editor.dialog.isVisible()); // the editor took the Escape, not the dialog

    // The check boxes in the table work from the keyboard too.
    view->setFocus();
    view->setCurrentIndex(editor.backends()->index(0, BackendTableModel::BackupColumn));
    QVERIFY(!editor.backends()->row(0).backup);
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(editor.backends()->row(0).backup);
    QVERIFY(editor.dialog.rule().backends.first().backup);
}

void TestRuleEditorDialog::backendButtons()
{
    Editor editor;
    auto *add = editor.child<QPushButton>(u"addBackendButton"_s);
    auto *remove = editor.child<QPushButton>(u"removeBackendButton"_s);
    auto *up = editor.child<QPushButton>(u"moveUpButton"_s);
    auto *down = editor.child<QPushButton>(u"moveDownButton"_s);
    QVERIFY(!remove->isEnabled()); // a rule needs one backend
    editor.setTarget(0, u"127.0.0.1:1"_s);
    add->click();
    QCOMPARE(editor.backends()->rowCount(), 2);
    QCOMPARE(editor.view()->currentIndex().row(), 1);
    editor.setTarget(1, u"127.0.0.1:2"_s);
    QVERIFY(remove->isEnabled());
    QVERIFY(up->isEnabled());
    QVERIFY(!down->isEnabled());
    up->click();
    QCOMPARE(editor.backends()->row(0).address, u"127.0.0.1:2"_s);
    QCOMPARE(editor.view()->currentIndex().row(), 0);
    remove->click();
    QCOMPARE(editor.backends()->rowCount(), 1);
    QCOMPARE(editor.backends()->row(0).address, u"127.0.0.1:1"_s);
}

void TestRuleEditorDialog::mnemonics()
{
    Editor editor(otherRule(u"api"_s, u"0.0.0.0:%1"_s.arg(TestPort)));
    editor.dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor.dialog));
    auto *tabs = editor.child<QTabWidget>(QString());
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        QHash<QChar, QString> seen;
        const auto claim = [&](const QString &text) {
            const qsizetype at = text.indexOf(u'&');
            if (at < 0 || at + 1 >= text.size())
                return;
            const QChar key = text.at(at + 1).toLower();
            QVERIFY2(!seen.contains(key), qPrintable(u"%1 and %2 on tab %3"_s.arg(seen.value(key), text).arg(tab)));
            seen.insert(key, text);
        };
        for (QLabel *label : editor.dialog.findChildren<QLabel *>()) {
            if (!label->isVisible() || !label->text().contains(u'&'))
                continue;
            QVERIFY2(label->buddy(), qPrintable(label->text()));
            QVERIFY(label->buddy()->focusPolicy() != Qt::NoFocus);
            claim(label->text());
        }
        for (QAbstractButton *button : editor.dialog.findChildren<QAbstractButton *>()) {
            if (button->isVisible())
                claim(button->text());
        }
    }
}

void TestRuleEditorDialog::checkDataText_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("redis") << QByteArray("PING\r\n") << u"PING\\r\\n"_s;
    QTest::newRow("backslash") << QByteArray("a\\b") << u"a\\\\b"_s;
    QTest::newRow("control") << QByteArray("\x1b[0m\t", 5) << u"\\x1b[0m\\t"_s;
    QTest::newRow("zero byte") << QByteArray("a\0b", 3) << u"a\\0b"_s;
    QTest::newRow("utf-8") << QByteArray("é") << u"é"_s;
}

void TestRuleEditorDialog::checkDataText()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, text);
    QCOMPARE(CheckDataText::escape(data), text);
    QCOMPARE(CheckDataText::unescape(text).value(), data);

    QString error;
    QVERIFY(!CheckDataText::unescape(u"\\"_s, &error));
    QVERIFY(!CheckDataText::unescape(u"\\xff"_s, &error));
    QVERIFY(error.startsWith(u"\\xff is not a character on its own"_s));
    QVERIFY(!CheckDataText::unescape(u"\\x1"_s, &error));
}

void TestRuleEditorDialog::nameFollowsThePort()
{
    Editor editor;
    QTest::keyClicks(editor.port(), u"7000"_s);
    QCOMPARE(editor.name()->text(), u"Port 7000"_s);
    // 70000 is no port: the name must not keep saying 7000.
    QTest::keyClick(editor.port(), Qt::Key_0);
    QCOMPARE(editor.name()->text(), QString());
    QVERIFY(!editor.message(u"name"_s)->isVisibleTo(&editor.dialog));
    QTest::keyClick(editor.port(), Qt::Key_Backspace);
    QTest::keyClick(editor.port(), Qt::Key_Backspace);
    QCOMPARE(editor.name()->text(), u"Port 700"_s);

    // A name of the user's own stays.
    editor.name()->selectAll();
    QTest::keyClicks(editor.name(), u"mine"_s);
    QTest::keyClicks(editor.port(), u"1"_s);
    QCOMPARE(editor.name()->text(), u"mine"_s);
}

void TestRuleEditorDialog::focusStartsOnName()
{
    for (const Rule &initial : {Rule(), otherRule(u"api"_s, u"127.0.0.1:%1"_s.arg(TestPort))}) {
        Editor editor(initial);
        editor.dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor.dialog));
        QCOMPARE(QApplication::focusWidget(), editor.name());
    }
}

void TestRuleEditorDialog::messagesDoNotMoveTheFields()
{
    Editor editor;
    editor.dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor.dialog));
    auto *protocol = editor.child<QComboBox>(u"protocolCombo"_s);
    const auto positions = [&] {
        return QList<QPoint>{editor.port()->mapTo(&editor.dialog, QPoint()), protocol->mapTo(&editor.dialog, QPoint()),
                             editor.view()->mapTo(&editor.dialog, QPoint())};
    };
    const QList<QPoint> before = positions();

    // A name message and a port message appear, and go again.
    editor.name()->setText(u"bad name\t"_s);
    editor.port()->setText(u"70000"_s);
    QTRY_VERIFY(editor.message(u"name"_s)->isVisibleTo(&editor.dialog));
    QVERIFY(editor.message(u"listen"_s)->isVisibleTo(&editor.dialog));
    QCoreApplication::processEvents();
    QCOMPARE(positions(), before);
    editor.name()->setText(u"good"_s);
    editor.port()->setText(QString::number(TestPort));
    QVERIFY(!editor.message(u"name"_s)->isVisibleTo(&editor.dialog));
    QCoreApplication::processEvents();
    QCOMPARE(positions(), before);
}

void TestRuleEditorDialog::escapeAsksBeforeDiscarding()
{
    // Unchanged: Escape closes at once.
    {
        Editor editor(otherRule(u"api"_s, u"127.0.0.1:%1"_s.arg(TestPort)));
        editor.dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor.dialog));
        QTest::keyClick(editor.name(), Qt::Key_Escape);
        QVERIFY(!editor.dialog.isVisible());
        QCOMPARE(editor.dialog.result(), int(QDialog::Rejected));
    }
    Editor editor(otherRule(u"api"_s, u"127.0.0.1:%1"_s.arg(TestPort)));
    editor.dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor.dialog));
    QTest::keyClick(editor.name(), Qt::Key_End);
    QTest::keyClicks(editor.name(), u"-v2"_s);
    QVERIFY(editor.dialog.hasChanges());
    const auto box = [&editor] { return editor.child<QMessageBox>(u"discardChangesBox"_s); };

    QTest::keyClick(editor.name(), Qt::Key_Escape);
    QVERIFY(editor.dialog.isVisible());
    QTRY_VERIFY(box() && box()->isVisible());
    box()->button(QMessageBox::Cancel)->click(); // Keep Editing
    QTRY_VERIFY(!box());
    QVERIFY(editor.dialog.isVisible());
    QCOMPARE(editor.name()->text(), u"api-v2"_s);

    QTest::keyClick(editor.name(), Qt::Key_Escape);
    QTRY_VERIFY(box() && box()->isVisible());
    box()->button(QMessageBox::Discard)->click();
    QTRY_VERIFY(!editor.dialog.isVisible());
    QCOMPARE(editor.dialog.result(), int(QDialog::Rejected));
}

void TestRuleEditorDialog::ctrlPageDownSwitchesTabs()
{
    Rule rule = otherRule(u"api"_s, u"127.0.0.1:%1"_s.arg(TestPort));
    rule.healthCheck.type = HealthCheck::Type::Tcp;
    Editor editor(rule);
    editor.dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor.dialog));
    auto *tabs = editor.child<QTabWidget>(QString());
    tabs->setCurrentIndex(1); // Health Check
    auto *type = editor.child<QComboBox>(u"checkTypeCombo"_s);
    QVERIFY(type);
    type->setFocus();
    QTRY_VERIFY(type->hasFocus());
    const int typeIndex = type->currentIndex();

    const auto focused = [&editor]() -> QWidget * {
        QWidget *widget = QApplication::focusWidget();
        return widget ? widget : &editor.dialog;
    };
    QTest::keyClick(type, Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 2);
    QCOMPARE(type->currentIndex(), typeIndex);
    QTest::keyClick(focused(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 1);
    type->setFocus();
    QTest::keyClick(type, Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(type->currentIndex(), typeIndex);
    QTest::keyClick(focused(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 2); // round
    QCOMPARE(editor.dialog.rule().healthCheck.type, HealthCheck::Type::Tcp);
}

QTEST_MAIN(TestRuleEditorDialog)
#include "tst_ruleeditordialog.moc"
