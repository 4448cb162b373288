// The window's import and export, offscreen, with the real engine: export of all rules and of the
// selection, import through the preview (again unchanged, changed in place, undone), broken and
// clashing files refused with the rules untouched, the valid rules of a mixed file taken, and a
// rules file dropped on the window.

#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulesetwriter.h"
#include "loopbackserver.h"
#include "mainwindowfixture.h"
#include "ui/models/ruletablemodel.h"
#include "ui/rulestore.h"
#include "ui/widgets/mainwindow.h"

#include "ui/dialogs/importdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace PortRelay;
using namespace PortRelay::Test;

class tst_MainWindowImport : public MainWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void importExportRoundTrip();
    void brokenImportLeavesRulesUntouched();
    void importTakesTheValidRulesAndSaysSo();
    void droppedRulesFileOpensThePreview();

private:
    bool acceptImport(const QString &path);
};

// File > Import as the user does it: the preview, then Import with its default choices.
bool tst_MainWindowImport::acceptImport(const QString &path)
{
    if (!m_window->importFile(path))
        return false;
    QPointer<ImportDialog> preview = m_window->findChild<ImportDialog *>();
    if (!preview || !QTest::qWaitFor([&preview] { return preview->isVisible(); }, 3000))
        return false;
    preview->accept();
    return QTest::qWaitFor([&preview] { return preview.isNull(); }, 3000);
}

void tst_MainWindowImport::importExportRoundTrip()
{
    QVERIFY(m_window->addRule(makeRule(QStringLiteral("a"), freeLoopbackPort(), {freeLoopbackPort()})));
    Rule b = makeRule(QStringLiteral("b"), freeLoopbackPort(), {freeLoopbackPort(), freeLoopbackPort()});
    b.group = QStringLiteral("tools");
    b.enabled = false;
    QVERIFY(m_window->addRule(b));
    const RuleSet original = m_window->store()->ruleSet();
    QCOMPARE(ruleNames(original), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));

    const QString all = m_dir->filePath(QStringLiteral("all.json"));
    QVERIFY(m_window->exportFile(all));
    QCOMPARE(QFile::permissions(all) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    RuleSetParser::Result parsed = RuleSetParser::parseFile(all);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.ruleSet, original);

    m_window->selectRules({QStringLiteral("b")});
    const QString selected = m_dir->filePath(QStringLiteral("selected.json"));
    QVERIFY(m_window->exportFile(selected, true));
    parsed = RuleSetParser::parseFile(selected);
    QVERIFY(parsed.ok());
    QCOMPARE(ruleNames(parsed.ruleSet), QStringList{QStringLiteral("b")});

    m_window->deleteRules(ruleNames(original));
    QVERIFY(m_window->store()->ruleSet().rules.isEmpty());
    QCOMPARE(m_window->ruleModel()->rowCount(), 0);

    // Through the preview, as File > Import and a drop do it.
    QVERIFY(acceptImport(all));
    QCOMPARE(m_window->store()->ruleSet(), original);
    QCOMPARE(m_window->ruleModel()->rowCount(), 2);
    QCOMPARE(m_window->ruleModel()->index(ruleRow(QStringLiteral("b")), RuleTableModel::GroupColumn).data(),
             QVariant(QStringLiteral("tools")));
    QCOMPARE(m_window->selectedRuleNames(), ruleNames(original));

    // Importing the same rules again finds them unchanged: nothing doubles, nothing to undo.
    const int undoSteps = m_window->store()->undoStack()->count();
    QVERIFY(acceptImport(selected));
    QCOMPARE(m_window->store()->ruleSet(), original);
    QCOMPARE(m_window->store()->undoStack()->count(), undoSteps);

    // A changed rule of the same name replaces the current one (the preview's default), in place.
    RuleSet changed = original.selection({QStringLiteral("b")});
    changed.rules[0].group = QStringLiteral("other");
    QVERIFY(RuleSetWriter::writeFile(selected, changed));
    QVERIFY(acceptImport(selected));
    QCOMPARE(ruleNames(m_window->store()->ruleSet()), ruleNames(original));
    QCOMPARE(m_window->store()->ruleSet().find(QStringLiteral("b"))->group, QStringLiteral("other"));
    m_window->store()->undoStack()->undo();
    QCOMPARE(m_window->store()->ruleSet(), original);
}

void tst_MainWindowImport::brokenImportLeavesRulesUntouched()
{
    const Rule a = makeRule(QStringLiteral("a"), freeLoopbackPort(), {freeLoopbackPort()});
    QVERIFY(m_window->addRule(a));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->ruleModel()->stateAt(0), RuleState::Running, 5000);
    const RuleSet before = m_window->store()->ruleSet();

    const QString broken = m_dir->filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "rules": [{"name": "x", "listen": "127.0.0.1:70000", "backends": []}]})");
    file.close();
    QVERIFY(!m_window->importFile(broken));
    QVERIFY(!m_window->lastIssues().isEmpty());
    QCOMPARE(m_window->lastIssues().constFirst().path(), QStringLiteral("rules[0].listen"));
    QVERIFY(!m_window->findChild<ImportDialog *>());
    auto *box = m_window->findChild<QMessageBox *>();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().startsWith(QStringLiteral("Cannot import “broken.json”")), qPrintable(box->text()));
    box->close();
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>());
    QCOMPARE(m_window->store()->ruleSet(), before);

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{ not json");
    file.close();
    QVERIFY(!m_window->importFile(broken));
    QCOMPARE(m_window->store()->ruleSet(), before);
    m_window->findChild<QMessageBox *>()->close();

    // Valid on its own, but it would listen where "a" already does: the preview shows it and
    // cannot be accepted.
    RuleSet clash;
    clash.rules = {makeRule(QStringLiteral("c"), a.listen.port, {freeLoopbackPort()})};
    QVERIFY(RuleSetWriter::writeFile(broken, clash));
    QVERIFY(m_window->importFile(broken));
    auto *preview = m_window->findChild<ImportDialog *>();
    QVERIFY(preview);
    QVERIFY(!preview->plan().isValid());
    QVERIFY(!preview->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    preview->reject();
    QCOMPARE(m_window->store()->ruleSet(), before);
    QCOMPARE(m_window->ruleModel()->rowCount(), 1);
    QCOMPARE(m_window->ruleModel()->stateAt(0), RuleState::Running);
}

void tst_MainWindowImport::importTakesTheValidRulesAndSaysSo()
{
    Rule a = makeRule(QStringLiteral("a"), freeLoopbackPort(), {freeLoopbackPort()});
    a.enabled = false;
    QVERIFY(m_window->addRule(a));
    const RuleSet before = m_window->store()->ruleSet();

    // Two good rules and one with a misspelt key.
    const QString path = m_dir->filePath(QStringLiteral("mixed.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(R"({"version": 1, "rules": [
        {"name": "x", "enabled": false, "listen": "127.0.0.1:%1", "backends": [{"address": "127.0.0.1:9"}]},
        {"name": "y", "enabled": false, "listen": "127.0.0.1:%2", "backends": [{"address": "127.0.0.1:9"}], "lisen": 1},
        {"name": "z", "enabled": false, "listen": "127.0.0.1:%3", "backends": [{"address": "127.0.0.1:9"}]}
    ]})")
                   .arg(freeLoopbackPort())
                   .arg(freeLoopbackPort())
                   .arg(freeLoopbackPort())
                   .toUtf8());
    file.close();

    // Cancelled preview: nothing changed.
    QVERIFY(m_window->importFile(path));
    auto *preview = m_window->findChild<ImportDialog *>();
    QVERIFY(preview);
    QTRY_VERIFY(preview->isVisible());
    preview->reject();
    QTRY_VERIFY(!m_window->findChild<ImportDialog *>());
    QCOMPARE(m_window->store()->ruleSet(), before);

    QVERIFY(m_window->importFile(path));
    preview = m_window->findChild<ImportDialog *>();
    QVERIFY(preview);
    QTRY_VERIFY(preview->isVisible());
    preview->accept();
    QCOMPARE(ruleNames(m_window->store()->ruleSet()),
             (QStringList{QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("z")}));
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Imported 2 rule(s), skipped 1"));
}

void tst_MainWindowImport::droppedRulesFileOpensThePreview()
{
    const Rule rule = makeRule(QStringLiteral("dropped"), freeLoopbackPort(), {freeLoopbackPort()});
    RuleSet set;
    set.rules.append(rule);
    const QString path = m_dir->filePath(QStringLiteral("dropped.json"));
    QString error;
    QVERIFY2(RuleSetWriter::writeFile(path, set, &error), qPrintable(error));

    const auto dragEnter = [this](const QString &file) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        return enter.isAccepted();
    };
    // Only one local rules file is taken.
    QVERIFY(!dragEnter(m_dir->filePath(QStringLiteral("notes.txt"))));
    QVERIFY(dragEnter(path));

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    // The preview opens after the drop has returned to the drag source.
    QVERIFY(!m_window->findChild<ImportDialog *>());
    QPointer<ImportDialog> preview;
    QVERIFY(QTest::qWaitFor(
        [&] {
            preview = m_window->findChild<ImportDialog *>();
            return preview && preview->isVisible();
        },
        3000));
    preview->accept();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->store()->ruleSet().find(QStringLiteral("dropped")), 3000);
}

QTEST_MAIN(tst_MainWindowImport)
#include "tst_mainwindowimport.moc"
