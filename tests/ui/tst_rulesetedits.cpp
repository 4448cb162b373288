// The window's edits without the window: RuleSetEdits over a RuleStore with no engine.
#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulevalidator.h"
#include "ui/dialogs/rulesetimport.h"
#include "ui/rulesetedits.h"
#include "ui/rulestore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace PortRelay;
using namespace Qt::Literals::StringLiterals;

namespace {

Rule makeRule(const QString &name, quint16 listenPort, quint16 backendPort = 9000)
{
    Rule rule;
    rule.name = name;
    rule.listen = Endpoint{u"127.0.0.1"_s, listenPort};
    Backend backend;
    backend.address = Endpoint{u"127.0.0.1"_s, backendPort};
    rule.backends.append(backend);
    return rule;
}

} // namespace

class TestRuleSetEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addAndReplace();
    void refusedEditChangesNothing();
    void duplicateNamesPortsAndStops();
    void removeIsUndoable();
    void backendEnabled();
    void importAppliesThePlan();
    void startingIsRefusedOnASharedPort();
    void unusedPort();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RuleStore> m_store;
    std::unique_ptr<RuleSetEdits> m_edits;
};

void TestRuleSetEdits::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<RuleStore>(nullptr, m_dir->filePath(u"rules.json"_s));
    m_edits = std::make_unique<RuleSetEdits>(m_store.get());
}

void TestRuleSetEdits::cleanup()
{
    m_edits.reset();
    m_store.reset();
    m_dir.reset();
}

void TestRuleSetEdits::addAndReplace()
{
    QSignalSpy changed(m_store.get(), &RuleStore::ruleSetChanged);
    RuleSetEdits::Outcome outcome = m_edits->add(makeRule(u"api"_s, 1001));
    QVERIFY(outcome);
    QCOMPARE(outcome.names, QStringList{u"api"_s});
    QCOMPARE(m_store->ruleSet().names(), QStringList{u"api"_s});
    QCOMPARE(m_store->undoStack()->undoText(), u"New rule api"_s);
    QCOMPARE(changed.size(), 1);

    // A new name is part of the edit: the rule keeps its place.
    QVERIFY(m_edits->add(makeRule(u"web"_s, 1002)));
    Rule renamed = makeRule(u"api-v2"_s, 1003);
    outcome = m_edits->replace(u"api"_s, renamed);
    QVERIFY(outcome);
    QCOMPARE(outcome.names, QStringList{u"api-v2"_s});
    QCOMPARE(m_store->ruleSet().names(), (QStringList{u"api-v2"_s, u"web"_s}));
    QCOMPARE(m_store->ruleSet().rules.at(0).listen.port, quint16(1003));
    QCOMPARE(m_store->undoStack()->undoText(), u"Edit rule api-v2"_s);
    m_store->undoStack()->undo();
    QCOMPARE(m_store->ruleSet().names(), (QStringList{u"api"_s, u"web"_s}));

    // What is saved reads back as the same set.
    QVERIFY(m_store->saveNow());
    const RuleSetParser::Result read = RuleSetParser::parseFile(m_store->path());
    QVERIFY(read.ok());
    QCOMPARE(read.ruleSet, m_store->ruleSet());
}

void TestRuleSetEdits::refusedEditChangesNothing()
{
    QVERIFY(m_edits->add(makeRule(u"api"_s, 1001)));
    const RuleSet before = m_store->ruleSet();
    const int steps = m_store->undoStack()->count();

    RuleSetEdits::Outcome outcome = m_edits->add(makeRule(u"other"_s, 1001)); // the same port
    QVERIFY(!outcome);
    QCOMPARE(outcome.title, u"Rule not added"_s);
    QCOMPARE(outcome.text, u"The rule other cannot be added:"_s);
    QVERIFY(!outcome.issues.isEmpty());
    QCOMPARE(outcome.issues.constFirst().rule, 1);
    QVERIFY(outcome.names.isEmpty());

    outcome = m_edits->add(makeRule(u"api"_s, 1002)); // the same name
    QVERIFY(!outcome);
    outcome = m_edits->replace(u"api"_s, makeRule(QString(), 1001));
    QVERIFY(!outcome);
    QCOMPARE(outcome.title, u"Rule not changed"_s);
    QCOMPARE(m_store->ruleSet(), before);
    QCOMPARE(m_store->undoStack()->count(), steps);
}

void TestRuleSetEdits::duplicateNamesPortsAndStops()
{
    QVERIFY(m_edits->add(makeRule(u"api"_s, 1001)));
    QVERIFY(m_edits->add(makeRule(u"web"_s, 1002)));
    RuleSetEdits::Outcome outcome = m_edits->duplicate({u"api"_s, u"web"_s, u"gone"_s});
    QVERIFY(outcome);
    QCOMPARE(outcome.names, (QStringList{u"api copy"_s, u"web copy"_s}));
    const RuleSet &set = m_store->ruleSet();
    QCOMPARE(set.rules.size(), 4);
    // 1002 is web's, so api's copy takes 1003, and web's the next free one after its own.
    QCOMPARE(set.find(u"api copy")->listen.port, quint16(1003));
    QCOMPARE(set.find(u"web copy")->listen.port, quint16(1004));
    QVERIFY(!set.find(u"api copy")->enabled);
    QCOMPARE(set.find(u"api copy")->backends, set.find(u"api")->backends);
    QCOMPARE(m_store->undoStack()->undoText(), u"Duplicate 2 rule(s)"_s);

    // Copying again does not take a name twice.
    outcome = m_edits->duplicate({u"api"_s});
    QVERIFY(outcome);
    QCOMPARE(outcome.names, QStringList{u"api copy (2)"_s});
    QVERIFY(RuleValidator::validate(m_store->ruleSet()).isEmpty());
}

void TestRuleSetEdits::removeIsUndoable()
{
    QVERIFY(m_edits->add(makeRule(u"a"_s, 1001)));
    QVERIFY(m_edits->add(makeRule(u"b"_s, 1002)));
    QVERIFY(m_edits->add(makeRule(u"c"_s, 1003)));
    const RuleSet before = m_store->ruleSet();
    QVERIFY(m_edits->remove({u"a"_s, u"c"_s}));
    QCOMPARE(m_store->ruleSet().names(), QStringList{u"b"_s});
    QCOMPARE(m_store->undoStack()->undoText(), u"Delete 2 rule(s)"_s);
    QVERIFY(m_edits->remove({u"b"_s}));
    QCOMPARE(m_store->undoStack()->undoText(), u"Delete rule b"_s);
    m_store->undoStack()->undo();
    m_store->undoStack()->undo();
    QCOMPARE(m_store->ruleSet(), before);
}

void TestRuleSetEdits::backendEnabled()
{
    Rule rule = makeRule(u"api"_s, 1001);
    Backend second;
    second.address = Endpoint{u"127.0.0.1"_s, 9001};
    rule.backends.append(second);
    QVERIFY(m_edits->add(rule));

    RuleSetEdits::Outcome outcome = m_edits->setBackendEnabled(u"api"_s, 1, false);
    QVERIFY(outcome);
    QVERIFY(m_store->ruleSet().rules.at(0).backends.at(0).enabled);
    QVERIFY(!m_store->ruleSet().rules.at(0).backends.at(1).enabled);
    QCOMPARE(m_store->undoStack()->undoText(), u"Disable backend 127.0.0.1:9001"_s);
    QVERIFY(m_edits->setBackendEnabled(u"api"_s, 1, true));
    QVERIFY(m_store->ruleSet().rules.at(0).backends.at(1).enabled);

    const RuleSet before = m_store->ruleSet();
    outcome = m_edits->setBackendEnabled(u"api"_s, 2, false);
    QVERIFY(!outcome);
    QCOMPARE(outcome.text, u"The rule api has no backend 3."_s);
    QVERIFY(!m_edits->setBackendEnabled(u"nope"_s, 0, false));
    QCOMPARE(m_store->ruleSet(), before);
}

void TestRuleSetEdits::importAppliesThePlan()
{
    QVERIFY(m_edits->add(makeRule(u"a"_s, 1001)));
    QVERIFY(m_edits->add(makeRule(u"b"_s, 1002)));
    RuleSet incoming;
    incoming.rules = {makeRule(u"b"_s, 1012), makeRule(u"c"_s, 1003), makeRule(u"a"_s, 1001)};

    RuleSetImport plan(m_store->ruleSet(), incoming);
    plan.setResolution(0, RuleSetImport::Resolution::Rename);
    RuleSetEdits::Outcome outcome = m_edits->import(plan, u"team.json"_s);
    QVERIFY(outcome);
    // "a" is the same as the current one: not part of what was imported.
    QCOMPARE(outcome.names, (QStringList{u"b (2)"_s, u"c"_s}));
    QCOMPARE(m_store->ruleSet().names(), (QStringList{u"a"_s, u"b"_s, u"b (2)"_s, u"c"_s}));
    QCOMPARE(m_store->undoStack()->undoText(), u"Import team.json"_s);
    m_store->undoStack()->undo();
    QCOMPARE(m_store->ruleSet().names(), (QStringList{u"a"_s, u"b"_s}));

    // A plan whose result is not a valid rule set is refused whole.
    incoming.rules = {makeRule(u"d"_s, 1004), makeRule(u"e"_s, 1001)};
    const RuleSet before = m_store->ruleSet();
    RuleSetImport clashing(m_store->ruleSet(), incoming);
    QVERIFY(!clashing.isValid());
    outcome = m_edits->import(clashing, u"bad.json"_s);
    QVERIFY(!outcome);
    QCOMPARE(outcome.title, u"Rules not imported"_s);
    QCOMPARE(m_store->ruleSet(), before);
}

void TestRuleSetEdits::startingIsRefusedOnASharedPort()
{
    Rule a = makeRule(u"a"_s, 1001);
    Rule b = makeRule(u"b"_s, 1001);
    b.enabled = false; // stopped rules may share a port; running ones may not
    QVERIFY(m_edits->add(a));
    QVERIFY(m_edits->add(b));
    const int steps = m_store->undoStack()->count();
    RuleSetEdits::Outcome outcome = m_edits->setRunning({u"b"_s}, true);
    QVERIFY(!outcome);
    QCOMPARE(outcome.title, u"Rules not started"_s);
    QVERIFY(!m_store->ruleSet().find(u"b")->enabled);
    QVERIFY(m_edits->setRunning({u"a"_s}, false));
    QVERIFY(m_edits->setRunning({u"b"_s}, true));
    QVERIFY(m_store->ruleSet().find(u"b")->enabled);
    QVERIFY(!m_store->ruleSet().find(u"a")->enabled);
    QCOMPARE(m_store->undoStack()->count(), steps); // not undo steps
}

void TestRuleSetEdits::unusedPort()
{
    RuleSet set;
    set.rules = {makeRule(u"a"_s, 1001), makeRule(u"b"_s, 1002), makeRule(u"c"_s, 65535)};
    QCOMPARE(RuleSetEdits::unusedPort(1000, set), quint16(1000));
    QCOMPARE(RuleSetEdits::unusedPort(1001, set), quint16(1003));
    QCOMPARE(RuleSetEdits::unusedPort(65535, set), quint16(65535)); // nothing above: the editor says so
}

QTEST_GUILESS_MAIN(TestRuleSetEdits)
#include "tst_rulesetedits.moc"
