#pragma once

#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetparser.h"
#include "ui/dialogs/rulesetimport.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QMessageBox;
class QRadioButton;
class QTableView;

namespace PortRelay {

class ImportPreviewModel;

// Shows what importing a rule set would do before it is done: each incoming rule as new,
// replacing an existing one, unchanged, or clashing by name (replace, rename to "name (2)" or
// skip), in Merge or Replace mode. Import stays disabled while the outcome would not be a valid
// rule set (e.g. an imported rule listens where a current one does), and the problems are shown.
// Rules of the file that could not be read (setRejectedRules) are listed with their problems and
// left out; Import then says "Import N valid rules", so that taking part of a file is a choice.
//
// Object names: "mergeRadio", "replaceRadio", "clashCombo", "previewView", "problemsLabel",
// "removedLabel", "rejectedLabel".
class ImportDialog final : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(const RuleSet &current, const RuleSet &incoming, QWidget *parent = nullptr);
    ~ImportDialog() override;
    Q_DISABLE_COPY_MOVE(ImportDialog)

    // Shown in the introduction, e.g. the file name.
    void setSourceName(const QString &name);

    RuleSetImport::Mode mode() const { return m_plan.mode(); }
    void setMode(RuleSetImport::Mode mode);
    // For every name clash; each can still be changed in its row.
    void setClashResolution(RuleSetImport::Resolution resolution);
    const RuleSetImport &plan() const { return m_plan; }
    ImportPreviewModel *previewModel() const { return m_model; }
    // The rule set to use once accepted; valid (RuleValidator) whenever Import is enabled.
    RuleSet result() const { return m_plan.result(); }
    // Rules of the file left out because they have problems; shown, never imported.
    void setRejectedRules(const QList<RuleSetParser::RejectedRule> &rejected);
    // What accepting does, for the window to say once done: "Imported 3 rules, skipped 1".
    QString outcomeText() const;

    // The message for a file RuleSetImport::read() refused: the first problems inline and every
    // one with its path in the details. Not shown: the caller opens it (or a test reads it).
    static QMessageBox *failureBox(const QString &path, const RuleSetIssues &issues, QWidget *parent);

Q_SIGNALS:
    void planChanged();

private:
    void onPlanChanged(bool reopenEditors);
    void syncEditors(bool reopen);

    RuleSetImport m_plan;
    ImportPreviewModel *m_model = nullptr;
    QLabel *m_intro = nullptr;
    QRadioButton *m_merge = nullptr;
    QRadioButton *m_replace = nullptr;
    QLabel *m_clashLabel = nullptr;
    QComboBox *m_clash = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_removed = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_rejectedLabel = nullptr;
    QList<RuleSetParser::RejectedRule> m_rejected;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace PortRelay
