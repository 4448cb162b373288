#pragma once

#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetparser.h"
#include "ui/dialogs/rulesetimport.h"

#include <QDialog>

#include <functional>
#include <optional>

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

    // Shows a QMessageBox; tests pass their own to look at it without a modal loop.
    using MessageBoxRunner = std::function<void(QMessageBox &box)>;
    // Reads a rules file with RuleSetParser. On failure shows every issue with its path (the
    // message box's details) and returns nullopt: a failing import changes nothing. With rejected,
    // a file whose problems are all inside some of its rules gives the other rules, and the ones
    // left out with their problems; only a file with no valid rule (or a broken document) fails.
    static std::optional<RuleSet> readFile(const QString &path, QWidget *parent, const MessageBoxRunner &run = {},
                                           QList<RuleSetParser::RejectedRule> *rejected = nullptr);

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
