#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulesetwriter.h"
#include "core/ruleset/rulevalidator.h"
#include "ui/dialogs/importdialog.h"
#include "ui/dialogs/importpreviewmodel.h"
#include "ui/dialogs/rulesetimport.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
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

using Status = RuleSetImport::Status;
using Resolution = RuleSetImport::Resolution;
using Mode = RuleSetImport::Mode;

Rule makeRule(const QString &name, quint16 listenPort, quint16 backendPort = 9000)
{
    Rule rule;
    rule.name = name;
    rule.listen = Endpoint{u"127.0.0.1"_s, listenPort};
    rule.backends.append(backendAt(Endpoint{u"127.0.0.1"_s, backendPort}));
    return rule;
}

RuleSet makeSet(const QList<Rule> &rules)
{
    RuleSet set;
    set.rules = rules;
    return set;
}

QStringList names(const RuleSet &set)
{
    QStringList out;
    for (const Rule &rule : set.rules)
        out.append(rule.name);
    return out;
}

// The current rules of most tests: a on 1001, b on 1002.
RuleSet current()
{
    return makeSet({makeRule(u"a"_s, 1001), makeRule(u"b"_s, 1002)});
}

QPushButton *okButton(const QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergeAddsAndReplaces();
    void renameOnClash();
    void renameKeepsConflict();
    void skipOnClash();
    void unchangedRule();
    void replaceMode();
    void conflictingImport();
    void hopsComeWithTheirRules();
    void clashingHopIsRenamedWithItsRules();
    void uniqueName_data();
    void uniqueName();
    void previewModel();
    void dialogMergeAndReplace();
    void dialogConflictKeepsImportDisabled();
    void dialogPerRowResolution();
    void readFileBroken();
    void readFileMissing();
    void readFileGood();
    void readSshConfigForwards();
    void readFileTakesTheValidRules();
    void readFileRefusesABrokenDocument_data();
    void readFileRefusesABrokenDocument();
    void dialogImportsTheValidRules();
    void exportWrites();
};

void TestImportDialog::mergeAddsAndReplaces()
{
    const Rule newB = makeRule(u"b"_s, 1002, 9100);
    const Rule c = makeRule(u"c"_s, 1003);
    RuleSetImport plan(current(), makeSet({newB, c}));
    QCOMPARE(plan.mode(), Mode::Merge);
    QCOMPARE(plan.entries().size(), 2);
    QCOMPARE(plan.entries().at(0).status, Status::NameClash);
    QCOMPARE(plan.entries().at(0).resolution, Resolution::Replace);
    QCOMPARE(plan.entries().at(1).status, Status::New);
    QVERIFY(plan.isValid());

    const RuleSet result = plan.result();
    QCOMPARE(names(result), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(result.rules.at(1), newB); // in place
    QCOMPARE(result.rules.at(2), c);
    QVERIFY(plan.removedNames().isEmpty());
    QVERIFY(RuleValidator::validate(result).isEmpty());
}

void TestImportDialog::renameOnClash()
{
    RuleSet now = current();
    now.rules.append(makeRule(u"b (2)"_s, 1004));
    RuleSetImport plan(now, makeSet({makeRule(u"b"_s, 1012, 9100)}));
    plan.setResolution(Resolution::Rename);
    QCOMPARE(plan.entries().at(0).rule.name, u"b (3)"_s);
    QCOMPARE(plan.entries().at(0).originalName, u"b"_s);
    QVERIFY(plan.isValid());
    QCOMPARE(names(plan.result()), (QStringList{u"a"_s, u"b"_s, u"b (2)"_s, u"b (3)"_s}));
    QCOMPARE(plan.result().rules.at(1), now.rules.at(1)); // the current b stays as it was
}

void TestImportDialog::renameKeepsConflict()
{
    // Renamed, the imported b still listens where the current b does.
    RuleSetImport plan(current(), makeSet({makeRule(u"b"_s, 1002, 9100)}));
    plan.setResolution(0, Resolution::Rename);
    QVERIFY(!plan.isValid());
    const RuleSetIssues problems = plan.entries().at(0).problems;
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().pathInRule(), u"listen"_s);
    QCOMPARE(problems.first().text().english(),
             u"127.0.0.1:1002 conflicts with rules[1] (\"b\"), which listens on 127.0.0.1:1002"_s);
    QVERIFY(plan.otherProblems().isEmpty());
}

void TestImportDialog::skipOnClash()
{
    RuleSetImport plan(current(), makeSet({makeRule(u"b"_s, 1002, 9100), makeRule(u"c"_s, 1003)}));
    plan.setResolution(Resolution::Skip);
    QVERIFY(!plan.entries().at(0).included);
    QVERIFY(plan.entries().at(1).included);
    QCOMPARE(names(plan.result()), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(plan.result().rules.at(1), current().rules.at(1));
}

void TestImportDialog::unchangedRule()
{
    RuleSetImport plan(current(), makeSet({makeRule(u"a"_s, 1001)}));
    QCOMPARE(plan.entries().at(0).status, Status::Unchanged);
    QVERIFY(!plan.entries().at(0).included);
    QCOMPARE(plan.result(), current());
}

void TestImportDialog::replaceMode()
{
    RuleSet incoming = makeSet({makeRule(u"b"_s, 1002, 9100), makeRule(u"z"_s, 1001)});
    incoming.extensions.insert(u"x-origin"_s, u"laptop"_s);
    RuleSetImport plan(current(), incoming);
    // In Merge, z would take a's port.
    QVERIFY(!plan.isValid());
    plan.setMode(Mode::Replace);
    QVERIFY(plan.isValid());
    QCOMPARE(plan.result().rules, incoming.rules);
    QCOMPARE(plan.result().extensions, incoming.extensions);
    QCOMPARE(plan.removedNames(), QStringList{u"a"_s});
    QCOMPARE(plan.entries().at(0).status, Status::NameClash);
    plan.setMode(Mode::Merge);
    QVERIFY(!plan.isValid());
}

void TestImportDialog::conflictingImport()
{
    Rule c = makeRule(u"c"_s, 1001); // a listens there
    Rule d = makeRule(u"d"_s, 1005);
    d.backends.first().weight = 0; // invalid on its own
    RuleSetImport plan(current(), makeSet({c, d}));
    QVERIFY(!plan.isValid());
    QCOMPARE(plan.entries().at(0).problems.size(), 1);
    QCOMPARE(plan.entries().at(0).problems.first().toString(RuleSetIssue::Scope::Rule),
             u"listen: 127.0.0.1:1001 conflicts with rules[0] (\"a\"), which listens on 127.0.0.1:1001"_s);
    QCOMPARE(plan.entries().at(1).problems.size(), 1);
    QCOMPARE(plan.entries().at(1).problems.first().pathInRule(), u"backends[0].weight"_s);

    // A disabled rule does not listen, so it conflicts with nobody.
    c.enabled = false;
    d.backends.first().weight = 1;
    RuleSetImport fixed(current(), makeSet({c, d}));
    QVERIFY(fixed.isValid());
}

namespace {

Hop hopNamed(const QString &name, const QString &host, const QString &via = QString())
{
    Hop hop;
    hop.name = name;
    hop.address = Endpoint{host, 22};
    hop.via = via;
    return hop;
}

} // namespace

void TestImportDialog::hopsComeWithTheirRules()
{
    RuleSet file = makeSet({makeRule(u"c"_s, 1003), makeRule(u"d"_s, 1004)});
    file.hops = {hopNamed(u"bastion"_s, u"bastion.example.com"_s), hopNamed(u"inner"_s, u"10.0.0.5"_s, u"bastion"_s),
                 hopNamed(u"unused"_s, u"other.example.com"_s)};
    file.rules[0].backends[0].via = u"inner"_s;

    RuleSetImport merge(current(), file);
    QVERIFY(merge.isValid());
    const RuleSet merged = merge.result();
    // The hop the rule names and the one it is reached through; not the one no rule uses.
    QCOMPARE(merged.hops.size(), 2);
    QVERIFY(merged.findHop(u"inner"_s) && merged.findHop(u"bastion"_s));
    QCOMPARE(merged.find(u"c"_s)->backends[0].via, u"inner"_s);

    RuleSetImport replace(current(), file);
    replace.setMode(RuleSetImport::Mode::Replace);
    QCOMPARE(replace.result().hops, file.hops); // the file as it is
}

void TestImportDialog::clashingHopIsRenamedWithItsRules()
{
    RuleSet now = current();
    now.hops = {hopNamed(u"bastion"_s, u"bastion.example.com"_s)};
    now.rules[0].via = u"bastion"_s;
    RuleSet file = makeSet({makeRule(u"c"_s, 1003), makeRule(u"d"_s, 1004)});
    file.hops = {hopNamed(u"bastion"_s, u"staging-bastion.example.com"_s), // another machine, same name
                 hopNamed(u"inner"_s, u"10.0.0.5"_s, u"bastion"_s)};
    file.rules[0].via = u"bastion"_s;
    file.rules[1].backends[0].via = u"inner"_s;

    RuleSetImport merge(now, file);
    QVERIFY(merge.isValid());
    const RuleSet merged = merge.result();
    QCOMPARE(merged.hops.size(), 3);
    QCOMPARE(merged.findHop(u"bastion"_s)->address.host, u"bastion.example.com"_s); // the current one stays
    QCOMPARE(merged.findHop(u"bastion (2)"_s)->address.host, u"staging-bastion.example.com"_s);
    QCOMPARE(merged.findHop(u"inner"_s)->via, u"bastion (2)"_s);
    QCOMPARE(merged.find(u"a"_s)->via, u"bastion"_s);
    QCOMPARE(merged.find(u"c"_s)->via, u"bastion (2)"_s);
    QCOMPARE(merged.find(u"d"_s)->backends[0].via, u"inner"_s);

    // The same hop in both is one hop.
    file.hops[0] = now.hops[0];
    RuleSetImport same(now, file);
    QCOMPARE(same.result().hops.size(), 2);
    QCOMPARE(same.result().find(u"c"_s)->via, u"bastion"_s);
}

void TestImportDialog::uniqueName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<QString>("expected");
    QTest::newRow("free") << u"api"_s << QStringList{u"web"_s} << u"api"_s;
    QTest::newRow("first") << u"api"_s << QStringList{u"api"_s} << u"api (2)"_s;
    QTest::newRow("next") << u"api"_s << QStringList{u"api"_s, u"api (2)"_s, u"api (3)"_s} << u"api (4)"_s;
    QTest::newRow("longest name") << QString(64, u'n') << QStringList{QString(64, u'n')}
                                  << QString(60, u'n') + u" (2)"_s;
    QTest::newRow("too long, free") << QString(70, u'n') << QStringList{} << QString(64, u'n');
}

void TestImportDialog::uniqueName()
{
    QFETCH(QString, name);
    QFETCH(QStringList, taken);
    QFETCH(QString, expected);
    const QString unique = RuleSet::uniqueName(name, taken);
    QCOMPARE(unique, expected);
    QVERIFY(unique.size() <= RuleValidator::MaxNameLength);
}

void TestImportDialog::previewModel()
{
    RuleSetImport plan(current(), makeSet({makeRule(u"b"_s, 1012, 9100), makeRule(u"c"_s, 1001)}));
    ImportPreviewModel model(&plan);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &ImportPreviewModel::planEdited);

    QCOMPARE(model.rowCount(), 2);
    const auto cell = [&model](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(0, ImportPreviewModel::StatusColumn), u"replaces existing"_s);
    QCOMPARE(cell(1, ImportPreviewModel::StatusColumn), u"new"_s);
    QCOMPARE(cell(1, ImportPreviewModel::ListenColumn), u"127.0.0.1:1001"_s);
    QVERIFY(cell(1, ImportPreviewModel::ProblemsColumn).startsWith(u"listen: 127.0.0.1:1001 conflicts"_s));
    QVERIFY(model.flags(model.index(0, ImportPreviewModel::ActionColumn)) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(1, ImportPreviewModel::ActionColumn)) & Qt::ItemIsEditable));

    QVERIFY(model.setData(model.index(0, ImportPreviewModel::ActionColumn), int(Resolution::Rename)));
    QCOMPARE(edited.count(), 1);
    QCOMPARE(cell(0, ImportPreviewModel::NameColumn), u"b (2)"_s);
    QCOMPARE(cell(0, ImportPreviewModel::StatusColumn), u"name clash: added as “b (2)”"_s);
    QVERIFY(!model.setData(model.index(1, ImportPreviewModel::ActionColumn), int(Resolution::Rename)));
    QVERIFY(!model.setData(model.index(0, ImportPreviewModel::ActionColumn), 7));

    plan.setMode(Mode::Replace);
    model.refresh();
    QCOMPARE(cell(0, ImportPreviewModel::StatusColumn), u"replaces existing"_s);
    QCOMPARE(cell(0, ImportPreviewModel::NameColumn), u"b"_s);
    QCOMPARE(cell(1, ImportPreviewModel::ProblemsColumn), QString());
    QVERIFY(!(model.flags(model.index(0, ImportPreviewModel::ActionColumn)) & Qt::ItemIsEditable));
}

void TestImportDialog::dialogMergeAndReplace()
{
    const RuleSet incoming = makeSet({makeRule(u"b"_s, 1002, 9100), makeRule(u"c"_s, 1003)});
    ImportDialog dialog(current(), incoming);
    dialog.setSourceName(u"tunnels.json"_s);
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(names(dialog.result()), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QVERIFY(!dialog.findChild<QLabel *>(u"removedLabel"_s)->isVisibleTo(&dialog));

    dialog.findChild<QRadioButton *>(u"replaceRadio"_s)->click();
    QCOMPARE(dialog.mode(), Mode::Replace);
    QCOMPARE(dialog.result().rules, incoming.rules);
    QVERIFY(!dialog.findChild<QComboBox *>(u"clashCombo"_s)->isEnabled());
    auto *removed = dialog.findChild<QLabel *>(u"removedLabel"_s);
    QVERIFY(removed->isVisibleTo(&dialog));
    QVERIFY2(removed->text().contains(u": a."_s), qPrintable(removed->text()));

    dialog.findChild<QRadioButton *>(u"mergeRadio"_s)->click();
    QCOMPARE(dialog.mode(), Mode::Merge);
    auto *clash = dialog.findChild<QComboBox *>(u"clashCombo"_s);
    clash->setCurrentIndex(clash->findData(int(Resolution::Skip)));
    Q_EMIT clash->activated(clash->currentIndex());
    QCOMPARE(dialog.result().rules.at(1), current().rules.at(1));
    okButton(dialog)->click();
    QCOMPARE(dialog.result(), dialog.plan().result());
    QVERIFY(RuleValidator::validate(dialog.result()).isEmpty());
}

void TestImportDialog::dialogConflictKeepsImportDisabled()
{
    ImportDialog dialog(current(), makeSet({makeRule(u"c"_s, 1002)}));
    QVERIFY(!okButton(dialog)->isEnabled());
    auto *problems = dialog.findChild<QLabel *>(u"problemsLabel"_s);
    QVERIFY(problems->isVisibleTo(&dialog));
    QVERIFY2(problems->text().contains(u"“c”: listen: 127.0.0.1:1002 conflicts with rules[1] (\"b\")"_s),
             qPrintable(problems->text()));
    // OK cannot be forced through.
    QMetaObject::invokeMethod(dialog.findChild<QDialogButtonBox *>(), "accepted");
    QCOMPARE(dialog.result(), dialog.plan().result());
    QVERIFY(dialog.isVisible() || dialog.QDialog::result() != QDialog::Accepted);

    dialog.setMode(Mode::Replace);
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY(!problems->isVisibleTo(&dialog));
    QCOMPARE(dialog.findChild<QRadioButton *>(u"replaceRadio"_s)->isChecked(), true);
}

void TestImportDialog::dialogPerRowResolution()
{
    ImportDialog dialog(current(), makeSet({makeRule(u"a"_s, 1011, 9100), makeRule(u"b"_s, 1012, 9100)}));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *view = dialog.findChild<QTableView *>(u"previewView"_s);
    // Each clash offers its choices right in its row.
    const QModelIndex action = view->model()->index(1, ImportPreviewModel::ActionColumn);
    QVERIFY(view->isPersistentEditorOpen(action));
    auto *combo = qobject_cast<QComboBox *>(view->indexWidget(action));
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(int(Resolution::Rename)));
    Q_EMIT combo->activated(combo->currentIndex());
    QCOMPARE(names(dialog.result()), (QStringList{u"a"_s, u"b"_s, u"b (2)"_s}));
    QVERIFY(okButton(dialog)->isEnabled());
}

void TestImportDialog::readFileBroken()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "rules": [
        {"name": "api", "listen": "127.0.0.1:8080", "backends": [{"address": "127.0.0.1:70000"}]},
        {"name": "api", "listen": "127.0.0.1:8081", "backends": [{"address": "127.0.0.1:1"}], "retriez": 1}
    ]})");
    file.close();

    const RuleSetImport::Source source = RuleSetImport::read(path);
    QVERIFY(!source.ok);
    const std::unique_ptr<QMessageBox> box(ImportDialog::failureBox(path, source.issues, nullptr));
    const QString text = box->text();
    const QString details = box->detailedText();
    const QMessageBox::Icon icon = box->icon();
    QCOMPARE(icon, QMessageBox::Warning);
    QVERIFY2(text.startsWith(u"Cannot import “broken.json”"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Nothing was changed"_s), qPrintable(text));
    const QStringList lines = details.split(u'\n');
    QVERIFY2(lines.contains(u"rules[0].backends[0].address: port 70000 out of range 1-65535"_s), qPrintable(details));
    QVERIFY2(lines.contains(u"rules[1].name: duplicate name \"api\" (also rules[0])"_s), qPrintable(details));
    QVERIFY2(std::any_of(lines.begin(), lines.end(),
                         [](const QString &line) { return line.startsWith(u"rules[1].retriez: unknown key"_s); }),
             qPrintable(details));
}

void TestImportDialog::readFileMissing()
{
    const RuleSetImport::Source source = RuleSetImport::read(u"/nonexistent/rules.json"_s);
    QVERIFY(!source.ok);
    QVERIFY(!source.issues.isEmpty());
    const std::unique_ptr<QMessageBox> box(
        ImportDialog::failureBox(u"/nonexistent/rules.json"_s, source.issues, nullptr));
    QVERIFY(box->detailedText().contains(u"/nonexistent/rules.json"_s));
}

void TestImportDialog::readFileGood()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"good.json"_s);
    const RuleSet set = current();
    QVERIFY(RuleSetWriter::writeFile(path, set));
    const RuleSetImport::Source source = RuleSetImport::read(path);
    QVERIFY(source.ok);
    QVERIFY(source.issues.isEmpty());
    QVERIFY(source.rejected.isEmpty());
    QCOMPARE(source.ruleSet, set);
}

void TestImportDialog::readSshConfigForwards()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Host staging\n  LocalForward 15432 db.internal:5432\n  LocalForward 16379 redis.internal:6379\n"
               "  LocalForward /tmp/a.sock db:1\n");
    file.close();
    const RuleSetImport::Source source = RuleSetImport::read(path);
    QVERIFY(source.ok);
    QCOMPARE(source.ruleSet.rules.size(), 2);
    QCOMPARE(source.ruleSet.hops.size(), 1);
    QCOMPARE(source.ruleSet.hops[0].sshConfigHost, u"staging"_s);
    QCOMPARE(source.rejected.size(), 1); // the Unix socket, shown with its line
    QCOMPARE(source.rejected[0].name, u"line 4"_s);

    RuleSetImport merge(current(), source.ruleSet);
    QVERIFY(merge.isValid());
    QCOMPARE(merge.result().rules.size(), 4);
    QCOMPARE(merge.result().hops.size(), 1);
}

namespace {

// Three good rules around one with a misspelt key and one that repeats a name.
QString writeMixedFile(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(u"mixed.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(R"({"version": 1, "rules": [
        {"name": "c", "listen": "127.0.0.1:1003", "backends": [{"address": "127.0.0.1:9000"}]},
        {"name": "typo", "listen": "127.0.0.1:1004", "backends": [{"address": "127.0.0.1:9000"}], "retriez": 1},
        {"name": "d", "listen": "127.0.0.1:1005", "backends": [{"address": "127.0.0.1:9000", "weight": 3}]},
        {"name": "c", "listen": "127.0.0.1:1006", "backends": [{"address": "127.0.0.1:9000"}]},
        {"name": "e", "listen": "127.0.0.1:1007", "backends": [{"address": "127.0.0.1:9000"}]}
    ]})");
    return path;
}

} // namespace

void TestImportDialog::readFileTakesTheValidRules()
{
    QTemporaryDir dir;
    const QString path = writeMixedFile(dir);
    QVERIFY(!path.isEmpty());

    // The valid rules, each read as strictly as a file of it alone, and the others with their problems.
    const RuleSetImport::Source source = RuleSetImport::read(path);
    QVERIFY(source.ok);
    QVERIFY(source.issues.isEmpty());
    const RuleSet *result = &source.ruleSet;
    const QList<RuleSetParser::RejectedRule> &rejected = source.rejected;
    QCOMPARE(names(*result), (QStringList{u"c"_s, u"d"_s, u"e"_s}));
    QCOMPARE(result->rules.at(1).backends.at(0).weight, 3);
    QCOMPARE(result->rules.at(0).listen.port, quint16(1003));
    QVERIFY(RuleValidator::validate(*result).isEmpty());
    QCOMPARE(rejected.size(), 2);
    QCOMPARE(rejected.at(0).index, 1);
    QCOMPARE(rejected.at(0).name, u"typo"_s);
    QCOMPARE(rejected.at(0).issues.size(), 1);
    QCOMPARE(rejected.at(0).issues.at(0).path(), u"rules[1].retriez"_s);
    QVERIFY2(rejected.at(0).issues.at(0).message.english().startsWith(u"unknown key"_s),
             qPrintable(rejected.at(0).issues.at(0).toString()));
    QCOMPARE(rejected.at(1).index, 3);
    QCOMPARE(rejected.at(1).issues.at(0).toString(RuleSetIssue::Scope::Rule),
             u"name: duplicate name \"c\" (also rules[0])"_s);
}

void TestImportDialog::readFileRefusesABrokenDocument_data()
{
    QTest::addColumn<QByteArray>("json");
    const QByteArray good = R"({"name": "c", "listen": "127.0.0.1:1003", "backends": [{"address": "127.0.0.1:9000"}]})";
    QTest::newRow("unknown top-level key") << QByteArray(R"({"version": 1, "rulez": [], "rules": [)" + good + "]}");
    QTest::newRow("future version") << QByteArray(R"({"version": 2, "rules": [)" + good + "]}");
    QTest::newRow("not JSON") << QByteArray(R"({"version": 1, "rules": [)" + good);
    QTest::newRow("no valid rule") << QByteArray(
        R"({"version": 1, "rules": [{"name": "x", "listen": "127.0.0.1:70000", "backends": []}]})");
}

void TestImportDialog::readFileRefusesABrokenDocument()
{
    QFETCH(QByteArray, json);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    const RuleSetImport::Source source = RuleSetImport::read(path);
    QVERIFY(!source.ok);
    QVERIFY(!source.issues.isEmpty());
    QVERIFY(source.rejected.isEmpty());
    QVERIFY(source.ruleSet.rules.isEmpty());
}

void TestImportDialog::dialogImportsTheValidRules()
{
    QTemporaryDir dir;
    const QString path = writeMixedFile(dir);
    const RuleSetImport::Source source = RuleSetImport::read(path);
    QVERIFY(source.ok);
    const RuleSet *incoming = &source.ruleSet;
    const QList<RuleSetParser::RejectedRule> &rejected = source.rejected;
    ImportDialog dialog(current(), *incoming);
    QCOMPARE(okButton(dialog)->text(), u"Import"_s);
    dialog.setRejectedRules(rejected);
    auto *label = dialog.findChild<QLabel *>(u"rejectedLabel"_s);
    QVERIFY(label && !label->isHidden());
    const QString text = label->text();
    QVERIFY2(text.startsWith(u"Not imported, 2 rule(s) with problems:"_s), qPrintable(text));
    QVERIFY2(text.contains(u"“typo” (rule 2): retriez: unknown key"_s), qPrintable(text));
    QVERIFY2(text.contains(u"“c” (rule 4): name: duplicate name"_s), qPrintable(text));
    // The choice is explicit: the button says that only the valid rules go in. (Plurals read "(s)"
    // here: no English translation is loaded in the test.)
    QCOMPARE(okButton(dialog)->text(), u"Import 3 Valid Rule(s)"_s);
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(names(dialog.result()), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s}));
    QCOMPARE(dialog.outcomeText(), u"Imported 3 rule(s), skipped 2"_s);

    // One of them clashes with a current rule's name and is skipped: said so too.
    ImportDialog clashing(current(), makeSet({makeRule(u"a"_s, 1011), makeRule(u"f"_s, 1012)}));
    clashing.setClashResolution(Resolution::Skip);
    QCOMPARE(clashing.outcomeText(), u"Imported 1 rule(s), skipped 1"_s);
    QCOMPARE(okButton(clashing)->text(), u"Import"_s);
    // With rejected rules as well, the button counts what will go in, not what was read.
    clashing.setRejectedRules(rejected);
    QCOMPARE(okButton(clashing)->text(), u"Import 1 Valid Rule(s)"_s);

    // A valid rule that would take a current rule's port: nothing can be imported until resolved.
    ImportDialog conflicting(current(), makeSet({makeRule(u"g"_s, 1001)}));
    conflicting.setRejectedRules(rejected);
    QVERIFY(!okButton(conflicting)->isEnabled());
}

void TestImportDialog::exportWrites()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"export.json"_s);
    RuleSet set = makeSet({makeRule(u"a"_s, 1001), makeRule(u"b"_s, 1002), makeRule(u"c"_s, 1003)});
    set.extensions.insert(u"x-by"_s, u"test"_s);
    const RuleSet selected = set.selection({u"c"_s, u"a"_s});
    QCOMPARE(names(selected), (QStringList{u"a"_s, u"c"_s}));
    QCOMPARE(selected.extensions, set.extensions);

    QString error;
    QVERIFY2(RuleSetWriter::writeFile(path, selected, &error), qPrintable(error));
    // 0600: nobody but the owner (who is also the current user here) may read it.
    QCOMPARE(QFile::permissions(path),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    const RuleSetParser::Result read = RuleSetParser::parseFile(path);
    QVERIFY(read.ok());
    QCOMPARE(read.ruleSet, selected);

    QVERIFY(!RuleSetWriter::writeFile(dir.filePath(u"missing/dir/x.json"_s), set, &error));
    QVERIFY(error.startsWith(u"cannot write"_s));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
