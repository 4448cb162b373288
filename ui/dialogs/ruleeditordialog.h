#pragma once

#include "core/engine/rulestatus.h"
#include "core/ruleset/rule.h"
#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetissue.h"
#include "ui/dialogs/numberfields.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace PortRelay {

class BackendTest;
class BackendTableModel;
class ErrorFrame;

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
    // What the engine says of the rule being edited. A rule that waits for its port (or failed to
    // listen) holds no socket: the editor shows why, checks the port and offers the nearest free
    // one. Without a status, a rule is taken to hold its own address.
    void setRuleStatus(const RuleStatus &status);

public Q_SLOTS:
    // Asks first when there are changes (a window-modal box named "discardChangesBox").
    void reject() override;

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    struct Field
    {
        QString label; // for the summary, without "&" and ":"
        int tab = 0;
        QLabel *message = nullptr;
        QList<QWidget *> inputs;
    };
    struct Built
    {
        Rule rule;
        RuleSetIssues parseIssues; // text the core cannot even hold, e.g. "127.0.0.1:70000"
        bool listenParsed = false;
        QSet<int> unparsedBackends; // rows whose address did not parse
    };

    void buildGeneralTab(QTabWidget *tabs);
    void buildHealthTab(QTabWidget *tabs);
    void buildAdvancedTab(QTabWidget *tabs);
    QWidget *fieldBox(const QString &key, const QString &label, int tab, QWidget *input,
                      const QList<QWidget *> &inputs = {});
    void addNumberRows(QFormLayout *form, SchemaSection section, int tab);
    void populate(const Rule &rule);
    void watch(const QString &key, QObject *sender);
    Built build() const;
    void revalidate();
    void updatePortCheck(const Built &built);
    void updateNameSuggestion();
    void showIssues();
    QWidget *inputFor(const RuleSetIssue &issue, const Built &built, QString *fieldKey) const;
    bool isQuiet(const QString &fieldKey, const RuleSetIssue &issue) const;
    void setInputInvalid(QWidget *input, bool invalid, const QString &tooltip);
    void updateBackendButtons();
    void onTestBackends();
    void onTested(int backend, bool passed, qint64 micros, const PortRelay::Message &result);

    const Rule m_initial;
    const RuleSet m_others;
    const bool m_isNew;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QComboBox *m_group = nullptr;
    QCheckBox *m_enabled = nullptr;
    QComboBox *m_listenHost = nullptr;
    QLineEdit *m_listenPort = nullptr;
    QWidget *m_exposureWarning = nullptr;
    QWidget *m_portStatus = nullptr;
    QLabel *m_portStatusLabel = nullptr;
    QPushButton *m_usePort = nullptr;
    QComboBox *m_protocol = nullptr;
    QComboBox *m_balance = nullptr;
    QLabel *m_balanceHelp = nullptr;
    BackendTableModel *m_backends = nullptr;
    QTableView *m_backendsView = nullptr;
    QPushButton *m_addBackend = nullptr;
    QPushButton *m_removeBackend = nullptr;
    QPushButton *m_moveUp = nullptr;
    QPushButton *m_moveDown = nullptr;
    QPushButton *m_testBackends = nullptr;
    BackendTest *m_backendTest = nullptr;
    QList<int> m_testedRows; // the table's row of each backend under test

    QComboBox *m_checkType = nullptr;
    QLineEdit *m_checkSend = nullptr;
    QLineEdit *m_checkExpect = nullptr;

    QComboBox *m_onDown = nullptr;
    QCheckBox *m_adaptiveWeights = nullptr;
    QPlainTextEdit *m_allow = nullptr;

    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    NumberFields m_numbers;
    QHash<QString, Field> m_fields;
    QStringList m_fieldOrder;
    QHash<QWidget *, ErrorFrame *> m_frames;
    QSet<QString> m_touched; // fields the user has changed; untouched empty ones are not shown red
    bool m_populating = false;
    bool m_nameIsSuggested = false;
    RuleSetIssues m_issues;
    std::optional<bool> m_lastValid;
    QString m_portCheckKey; // the listen address (and others) the port check last ran for
    std::optional<RuleStatus> m_status;
    Rule m_pristineRule; // as the fields said when the dialog opened
    RuleSetIssues m_pristineParseIssues;
};

} // namespace PortRelay
