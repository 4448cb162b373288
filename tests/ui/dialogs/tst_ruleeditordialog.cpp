// The rule editor offscreen: a new rule's defaults, every field's messages where they show and
// what they block, a full rule in and out unchanged, the backends table and its buttons, and the
// keyboard (mnemonics, focus, Escape, Ctrl+PageDown).

#include "core/ruleset/rulevalidator.h"
#include "ruleeditorfixture.h"
#include "ui/dialogs/backendtablemodel.h"
#include "ui/dialogs/errorframe.h"
#include "ui/dialogs/ruleeditordialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace PortRelay;
using namespace PortRelay::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

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

} // namespace

class TestRuleEditorDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newRuleDefaults();
    void validation_data();
    void validation();
    void minimalValidRule_data();
    void minimalValidRule();
    void fullRuleRoundTrip();
    void advancedMessages_data();
    void advancedMessages();
    void loadedValueOutOfRange();
    void typingInTable();
    void backendButtons();
    void mnemonics();
    void nameFollowsThePort();
    void focusStartsOnName();
    void messagesDoNotMoveTheFields();
    void escapeAsksBeforeDiscarding();
    void ctrlPageDownSwitchesTabs();
};

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
    rule.backends.append(Backend{endpoint(u"db.internal.example:5432"_s), 5, false, true, u"inner"_s, {}});
    Backend second{endpoint(u"[::1]:5433"_s), 1, true, false, {}, {}};
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
    rule.via = u"bastion"_s; // hops are not edited here, but an edit keeps them
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
