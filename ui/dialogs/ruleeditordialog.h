#pragma once

#include "core/engine/rulestatus.h"
#include "core/ruleset/rule.h"
#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetissue.h"
#include "ui/dialogs/fieldissuedisplay.h"
#include "ui/dialogs/numberfields.h"
#include "ui/dialogs/ruledraft.h"

#include <QDialog>
#include <QString>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace PortRelay {

class AdvancedPage;
class BackendListEditor;
class HealthCheckPage;
class ListenPortNotice;

// Edits one rule, every key of the rules-file format, and validates as the user types with the
// core's RuleValidator (and its messages), against the other rules too: duplicate names and
// listen conflicts. OK stays disabled while the rule is invalid. The first tab needs only a listen
// port and a target; the rest have working defaults.
//
// Object names, for tests and the accessibility tree: "nameEdit", "descriptionEdit", "groupCombo", "enabledCheck",
// "listenHostCombo", "listenPortEdit", "protocolCombo", "balanceCombo", "backendsView",
// "addBackendButton", "removeBackendButton", "moveUpButton", "moveDownButton",
// "testBackendsButton", "exposureWarning", "portStatusLabel", "usePortButton", "summaryLabel",
// "checkTypeCombo", "checkSendEdit", "checkExpectEdit", "allowEdit", "discardChangesBox"; each
// spin box is named by its key's JSON path in the rule ("health_check.interval_ms",
// "connect_timeout_ms", ...), and "message:<key>" is the message under a field ("message:name",
// "message:listen", "message:backends", "message:allow").
class RuleEditorDialog final : public QDialog
{
    Q_OBJECT

public:
    // otherRules: every rule of the set except the one being edited (for a new rule: all of them).
    explicit RuleEditorDialog(const Rule &initial, const RuleSet &otherRules, QWidget *parent = nullptr);
    ~RuleEditorDialog() override;
    Q_DISABLE_COPY_MOVE(RuleEditorDialog)

    // The rule as the fields say now; meaningful when isValid().
    Rule rule() const;
    bool isValid() const { return m_issues.isEmpty(); }
    // Every current problem, located inside the rule (rule -1: "listen", "backends[1].address"), in
    // the order of the fields. Includes those of fields not yet touched, which are not shown in red.
    RuleSetIssues issues() const { return m_issues; }
    // Whether the fields say something else than when the dialog opened.
    bool hasChanges() const;
    // What the engine says of the rule being edited, as often as it changes while the dialog is
    // open. A rule that waits for its port (or failed to listen) holds no socket: the editor shows
    // why, checks the port and offers the nearest free one. Without a status, a rule is taken to
    // hold its own address.
    void setRuleStatus(const RuleStatus &status);

public Q_SLOTS:
    // Asks first when there are changes (a window-modal box named "discardChangesBox").
    void reject() override;

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    void buildGeneralTab(QTabWidget *tabs);
    void populate(const Rule &rule);
    void watch(const QString &key, QObject *sender);
    void onEdited(const QString &key);
    RuleDraft build() const;
    void revalidate();
    void updateNameSuggestion();
    // The field an issue is shown on, and which of its inputs is at fault.
    FieldIssueDisplay::Placed place(const RuleSetIssue &issue, const RuleDraft &draft) const;
    bool isQuiet(const FieldIssueDisplay::Placed &placed) const;

    const Rule m_initial;
    const RuleSet m_others;
    const bool m_isNew;

    QTabWidget *m_tabs = nullptr;
    std::unique_ptr<FieldIssueDisplay> m_display;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QComboBox *m_group = nullptr;
    QCheckBox *m_enabled = nullptr;
    QComboBox *m_listenHost = nullptr;
    QLineEdit *m_listenPort = nullptr;
    QWidget *m_exposureWarning = nullptr;
    ListenPortNotice *m_portNotice = nullptr;
    QComboBox *m_protocol = nullptr;
    QComboBox *m_balance = nullptr;
    QLabel *m_balanceHelp = nullptr;
    BackendListEditor *m_backends = nullptr;
    HealthCheckPage *m_health = nullptr;
    AdvancedPage *m_advanced = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    NumberFields m_numbers;
    bool m_populating = false;
    bool m_nameIsSuggested = false;
    RuleSetIssues m_issues;
    std::optional<bool> m_lastValid;
    Rule m_pristineRule; // as the fields said when the dialog opened
    RuleSetIssues m_pristineParseIssues;
};

} // namespace PortRelay
