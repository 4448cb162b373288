#include "ui/dialogs/ruleeditordialog.h"

#include "ui/dialogs/advancedpage.h"
#include "ui/dialogs/backendlisteditor.h"
#include "ui/dialogs/balancestrategytext.h"
#include "ui/dialogs/healthcheckpage.h"
#include "ui/dialogs/listenportnotice.h"
#include "ui/dialogs/noticerow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

enum Tab
{
    GeneralTab,
    HealthTab,
    AdvancedTab
};

// The editor's field for a location: the rule's key, or for the health check its key one level down
// ("health_check.rise"), as the fields are laid out.
QString fieldKeyOf(const RuleSetLocation &location)
{
    if (location.field == u"health_check" && !location.key.isEmpty())
        return location.field + u'.' + location.key.section(u'.', 0, 0);
    return location.field;
}

} // namespace

RuleEditorDialog::RuleEditorDialog(const Rule &initial, const RuleSet &otherRules, QWidget *parent)
    : QDialog(parent)
    , m_initial(initial)
    , m_others(otherRules)
    , m_isNew(initial.name.isEmpty())
{
    setWindowTitle(m_isNew ? tr("New Rule") : tr("Edit Rule “%1”").arg(initial.name));

    m_tabs = new QTabWidget;
    m_display = std::make_unique<FieldIssueDisplay>(m_tabs);
    buildGeneralTab(m_tabs);
    m_health = new HealthCheckPage(*m_display, HealthTab, m_numbers);
    m_tabs->addTab(m_health, tr("Health Check"));
    m_advanced = new AdvancedPage(*m_display, AdvancedTab, m_numbers);
    m_tabs->addTab(m_advanced, tr("Advanced"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_isNew ? tr("Create") : tr("Save"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_display->summary());
    layout->addWidget(m_buttons);

    // Shortcuts come before the focused widget: a combo box or spin box never takes these keys.
    const auto switchTab = [this](int delta) {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + delta + m_tabs->count()) % m_tabs->count());
    };
    auto *nextTab = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown), this);
    connect(nextTab, &QShortcut::activated, this, [switchTab] { switchTab(+1); });
    auto *previousTab = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp), this);
    connect(previousTab, &QShortcut::activated, this, [switchTab] { switchTab(-1); });

    populate(initial);
    connect(m_backends, &BackendListEditor::testRequested, this, [this] { m_backends->test(rule()); });
    revalidate();
    const RuleDraft pristine = build();
    m_pristineRule = pristine.rule;
    m_pristineParseIssues = pristine.parseIssues;

    // The first field first, as in any form; a new rule's name still follows the port until typed.
    m_name->setFocus();
    resize(sizeHint().expandedTo(QSize(640, 560)));
}

RuleEditorDialog::~RuleEditorDialog() = default;

void RuleEditorDialog::buildGeneralTab(QTabWidget *tabs)
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_name = new QLineEdit;
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setPlaceholderText(tr("e.g. api or postgres-dev"));
    m_name->setToolTip(tr("Shown in the rules list and in logs; unique among the rules."));
    m_display->addRow(form, u"name"_s, tr("&Name:"), GeneralTab, m_name);

    m_description = new QPlainTextEdit;
    m_description->setObjectName(u"descriptionEdit"_s);
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("Optional: what it is for, whom to ask"));
    m_description->setToolTip(tr("A note for people; shown when the pointer rests on the rule."));
    // Two lines, and no more when the tab has room: the backends table takes that.
    m_description->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 2 +
                                  2 * (m_description->frameWidth() + int(m_description->document()->documentMargin())));
    m_display->addRow(form, u"description"_s, tr("Descr&iption:"), GeneralTab, m_description);

    m_group = new QComboBox;
    m_group->setObjectName(u"groupCombo"_s);
    m_group->setEditable(true);
    m_group->setInsertPolicy(QComboBox::NoInsert);
    QStringList groups;
    for (const Rule &rule : m_others.rules) {
        if (!rule.group.isEmpty() && !groups.contains(rule.group))
            groups.append(rule.group);
    }
    groups.sort(Qt::CaseInsensitive);
    m_group->addItems(groups);
    m_group->lineEdit()->setPlaceholderText(tr("None"));
    m_group->setToolTip(tr("Rules of one group can be started and stopped together."));
    m_group->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_display->addRow(form, u"group"_s, tr("&Group:"), GeneralTab, m_group);

    m_enabled = new QCheckBox(tr("&Enabled"));
    m_enabled->setObjectName(u"enabledCheck"_s);
    m_enabled->setToolTip(tr("A disabled rule is kept but does not listen."));
    form->addRow(QString(), m_enabled);

    // Listen: host, port, then what is wrong or worth knowing about them.
    m_listenHost = new QComboBox;
    m_listenHost->setObjectName(u"listenHostCombo"_s);
    m_listenHost->setEditable(true);
    m_listenHost->setInsertPolicy(QComboBox::NoInsert);
    const std::pair<QString, QString> hosts[] = {
        {u"127.0.0.1"_s, tr("This computer only (IPv4 loopback)")},
        {u"::1"_s, tr("This computer only (IPv6 loopback)")},
        {u"0.0.0.0"_s, tr("Every IPv4 interface: reachable from other machines")},
        {u"::"_s, tr("Every IPv6 interface: reachable from other machines")},
    };
    for (const auto &[host, help] : hosts) {
        m_listenHost->addItem(host);
        m_listenHost->setItemData(m_listenHost->count() - 1, help, Qt::ToolTipRole);
    }
    m_listenHost->setToolTip(tr("The address to accept connections on: an IP address, localhost or *."));
    m_listenHost->setMinimumContentsLength(15);

    m_listenPort = new QLineEdit;
    m_listenPort->setObjectName(u"listenPortEdit"_s);
    m_listenPort->setPlaceholderText(tr("1-65535"));
    m_listenPort->setToolTip(tr("The port clients connect to."));
    m_listenPort->setMaxLength(10);
    m_listenPort->setMaximumWidth(m_listenPort->fontMetrics().horizontalAdvance(u"0000000000"_s) + 16);

    auto *listenRow = new QWidget;
    auto *listenLayout = new QHBoxLayout(listenRow);
    listenLayout->setContentsMargins(0, 0, 0, 0);
    listenLayout->addWidget(m_listenHost, 1);
    auto *portLabel = new QLabel(tr("&Port:"));
    portLabel->setBuddy(m_listenPort);
    listenLayout->addWidget(portLabel);
    listenLayout->addWidget(m_listenPort);

    m_exposureWarning = new NoticeRow(QStyle::SP_MessageBoxWarning,
                                      tr("Reachable from other machines. Listen on a loopback address (127.0.0.1) "
                                         "unless other machines must connect, and then restrict the clients with "
                                         "an allow list (Advanced tab)."));
    m_exposureWarning->setObjectName(u"exposureWarning"_s);

    m_portNotice = new ListenPortNotice(m_others, m_isNew ? std::nullopt : std::optional(m_initial.listen));
    connect(m_portNotice, &ListenPortNotice::portChosen, this, [this](quint16 port) {
        m_listenPort->setText(QString::number(port));
        m_listenPort->setFocus();
    });

    auto *listenBox =
        m_display->addRow(form, u"listen"_s, tr("&Listen on:"), GeneralTab, listenRow, {m_listenHost, m_listenPort});
    auto *listenBoxLayout = qobject_cast<QVBoxLayout *>(listenBox->layout());
    listenBoxLayout->addWidget(m_portNotice);
    listenBoxLayout->addWidget(m_exposureWarning);

    m_protocol = new QComboBox;
    m_protocol->setObjectName(u"protocolCombo"_s);
    m_protocol->addItem(tr("TCP"), int(Protocol::Tcp));
    m_protocol->setToolTip(tr("TCP is the only protocol so far."));
    auto *protocolRow = new QWidget;
    auto *protocolLayout = new QHBoxLayout(protocolRow);
    protocolLayout->setContentsMargins(0, 0, 0, 0);
    protocolLayout->addWidget(m_protocol);
    protocolLayout->addStretch(1);
    m_display->addRow(form, u"protocol"_s, tr("P&rotocol:"), GeneralTab, protocolRow, {m_protocol});

    m_balance = new QComboBox;
    m_balance->setObjectName(u"balanceCombo"_s);
    for (BalanceStrategy strategy : {BalanceStrategy::RoundRobin, BalanceStrategy::LeastConnections,
                                     BalanceStrategy::SourceHash, BalanceStrategy::Random}) {
        m_balance->addItem(BalanceStrategyText::label(strategy), int(strategy));
        m_balance->setItemData(m_balance->count() - 1, BalanceStrategyText::help(strategy), Qt::ToolTipRole);
    }
    m_balanceHelp = new QLabel;
    m_balanceHelp->setWordWrap(true);
    m_balanceHelp->setForegroundRole(QPalette::PlaceholderText);
    connect(m_balance, &QComboBox::currentIndexChanged, this, [this] {
        const auto strategy = BalanceStrategy(m_balance->currentData().toInt());
        m_balanceHelp->setText(BalanceStrategyText::help(strategy));
        m_balance->setToolTip(BalanceStrategyText::help(strategy));
    });
    // The combo keeps its natural width; the explanation below it takes the whole row.
    auto *balanceRow = new QWidget;
    auto *balanceRowLayout = new QHBoxLayout(balanceRow);
    balanceRowLayout->setContentsMargins(0, 0, 0, 0);
    balanceRowLayout->addWidget(m_balance);
    balanceRowLayout->addStretch(1);
    auto *balanceBox = m_display->addRow(form, u"balance"_s, tr("&Strategy:"), GeneralTab, balanceRow, {m_balance});
    qobject_cast<QVBoxLayout *>(balanceBox->layout())->addWidget(m_balanceHelp);

    m_backends = new BackendListEditor;
    auto *backendsBox =
        m_display->addRow(form, u"backends"_s, tr("&Backends:"), GeneralTab, m_backends, {m_backends->view()});
    backendsBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);

    tabs->addTab(page, tr("General"));
}

void RuleEditorDialog::populate(const Rule &rule)
{
    m_populating = true;
    m_name->setText(rule.name);
    m_description->setPlainText(rule.description);
    m_group->setCurrentText(rule.group);
    m_enabled->setChecked(rule.enabled);
    m_listenHost->setCurrentText(rule.listen.host.isEmpty() ? u"127.0.0.1"_s : rule.listen.host);
    m_listenPort->setText(rule.listen.port == 0 ? QString() : QString::number(rule.listen.port));
    m_protocol->setCurrentIndex(m_protocol->findData(int(rule.protocol)));
    m_balance->setCurrentIndex(m_balance->findData(int(rule.balance)));
    m_balanceHelp->setText(BalanceStrategyText::help(rule.balance));
    m_balance->setToolTip(BalanceStrategyText::help(rule.balance));

    m_backends->setBackends(rule.backends);
    QStringList hops;
    for (const Hop &hop : m_others.hops)
        hops.append(hop.name);
    m_backends->setHopChoices(hops, rule.via);

    m_health->populate(rule.healthCheck);
    m_numbers.populate(rule);
    m_advanced->populate(rule);
    m_populating = false;

    m_nameIsSuggested = m_isNew && rule.name.isEmpty();
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        if (!m_populating)
            m_nameIsSuggested = false;
    });
    watch(u"name"_s, m_name);
    watch(u"description"_s, m_description);
    watch(u"group"_s, m_group);
    watch(u"enabled"_s, m_enabled);
    watch(u"listen"_s, m_listenHost);
    watch(u"listen"_s, m_listenPort);
    watch(u"protocol"_s, m_protocol);
    watch(u"balance"_s, m_balance);
    watch(u"backends"_s, m_backends);
    connect(m_health, &HealthCheckPage::edited, this, &RuleEditorDialog::onEdited);
    for (const NumberFields::Entry &entry : m_numbers.entries())
        watch(entry.key, entry.spin);
    connect(m_advanced, &AdvancedPage::edited, this, &RuleEditorDialog::onEdited);
}

void RuleEditorDialog::watch(const QString &key, QObject *sender)
{
    const auto changed = [this, key] { onEdited(key); };
    if (auto *line = qobject_cast<QLineEdit *>(sender))
        connect(line, &QLineEdit::textChanged, this, changed);
    else if (auto *combo = qobject_cast<QComboBox *>(sender); combo && combo->isEditable())
        connect(combo, &QComboBox::currentTextChanged, this, changed);
    else if (combo)
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    else if (auto *spin = qobject_cast<QSpinBox *>(sender))
        connect(spin, &QSpinBox::valueChanged, this, changed);
    else if (auto *check = qobject_cast<QCheckBox *>(sender))
        connect(check, &QCheckBox::toggled, this, changed);
    else if (auto *text = qobject_cast<QPlainTextEdit *>(sender))
        connect(text, &QPlainTextEdit::textChanged, this, changed);
    else if (auto *backends = qobject_cast<BackendListEditor *>(sender))
        connect(backends, &BackendListEditor::backendsEdited, this, changed);
}

void RuleEditorDialog::onEdited(const QString &key)
{
    if (m_populating)
        return;
    m_display->touch(key);
    revalidate();
}

Rule RuleEditorDialog::rule() const
{
    return build().rule;
}

RuleDraft RuleEditorDialog::build() const
{
    RuleDraft draft;
    Rule &rule = draft.rule;
    rule = m_initial;
    rule.name = m_name->text();
    rule.description = m_description->toPlainText();
    rule.group = m_group->currentText();
    rule.enabled = m_enabled->isChecked();
    rule.protocol = Protocol(m_protocol->currentData().toInt());
    rule.balance = BalanceStrategy(m_balance->currentData().toInt());
    draft.parseListen(m_listenHost->currentText().trimmed(), m_listenPort->text().trimmed());
    draft.parseBackends(m_backends->rows());
    m_health->apply(draft);
    m_numbers.apply(rule);
    m_advanced->apply(draft);
    return draft;
}

void RuleEditorDialog::revalidate()
{
    updateNameSuggestion();
    const RuleDraft draft = build();

    // In the order of the fields on screen.
    QList<FieldIssueDisplay::Placed> placed;
    for (const RuleSetIssue &issue : draft.issues(m_others))
        placed.append(place(issue, draft));
    std::stable_sort(placed.begin(), placed.end(), [this](const auto &a, const auto &b) {
        return m_display->rank(a.fieldKey) < m_display->rank(b.fieldKey);
    });
    m_issues.clear();
    for (const FieldIssueDisplay::Placed &p : std::as_const(placed))
        m_issues.append(p.issue);

    // What is worth knowing about the listen address, beyond errors.
    const Endpoint &listen = draft.rule.listen;
    m_exposureWarning->setVisible(draft.listenParsed && listen.literalAddress() && !listen.isLoopback());
    m_portNotice->check(draft.rule.protocol, draft.listenParsed ? std::optional(listen) : std::nullopt,
                        draft.rule.enabled);

    // Show it: untouched empty fields only as what is missing.
    QList<FieldIssueDisplay::Placed> loud;
    RuleSetIssues loudIssues;
    QStringList missing;
    for (const FieldIssueDisplay::Placed &p : std::as_const(placed)) {
        if (isQuiet(p)) {
            const QString what = p.fieldKey == u"name"     ? tr("a name")
                                 : p.fieldKey == u"listen" ? tr("a listen port")
                                                           : tr("the address to forward to");
            // A name follows from the port by itself.
            if (!missing.contains(what) && !(p.fieldKey == u"name" && m_nameIsSuggested))
                missing.append(what);
            continue;
        }
        loud.append(p);
        loudIssues.append(p.issue);
    }
    m_backends->showIssues(loudIssues);
    m_display->show(loud, missing);

    const bool valid = m_issues.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    if (m_lastValid != valid) {
        m_lastValid = valid;
        Q_EMIT validityChanged(valid);
    }
}

void RuleEditorDialog::updateNameSuggestion()
{
    if (!m_nameIsSuggested)
        return;
    bool ok = false;
    const int port = m_listenPort->text().trimmed().toInt(&ok);
    // No port, no name: a name left from an earlier port ("Port 7000" for 70000) would be wrong.
    QString name;
    if (ok && port >= 1 && port <= 65535) {
        const QString base = tr("Port %1").arg(port);
        name = base;
        for (int n = 2; m_others.find(name); ++n)
            name = u"%1 (%2)"_s.arg(base).arg(n);
    }
    if (m_name->text() == name)
        return;
    m_populating = true;
    m_name->setText(name);
    m_populating = false;
}

FieldIssueDisplay::Placed RuleEditorDialog::place(const RuleSetIssue &issue, const RuleDraft &draft) const
{
    FieldIssueDisplay::Placed placed{issue, fieldKeyOf(issue), nullptr};
    if (issue.field == u"listen") {
        if (issue.key == u"host" || issue.key == u"port") {
            placed.input = issue.key == u"host" ? static_cast<QWidget *>(m_listenHost) : m_listenPort;
        } else {
            const bool hostProblem = draft.rule.listen.host.isEmpty() || !draft.rule.listen.literalAddress();
            placed.input = hostProblem ? static_cast<QWidget *>(m_listenHost) : m_listenPort;
        }
        return placed;
    }
    if (issue.field == u"backends") {
        placed.input = m_backends->view();
        return placed;
    }
    const QList<QWidget *> inputs = m_display->inputs(placed.fieldKey);
    if (inputs.isEmpty())
        placed.fieldKey.clear();
    placed.input = inputs.value(0);
    return placed;
}

bool RuleEditorDialog::isQuiet(const FieldIssueDisplay::Placed &placed) const
{
    // Nobody has typed here yet: an empty required field is a hint, not an error.
    const QString &key = placed.fieldKey;
    const RuleSetIssue &issue = placed.issue;
    if (key == u"name")
        return !m_display->isTouched(key) && m_name->text().isEmpty();
    if (key == u"listen")
        return !m_display->isTouched(key) && issue.key == u"port" && m_listenPort->text().isEmpty();
    if (key == u"backends") {
        const int row = issue.backend();
        const QList<BackendTableModel::Row> rows = m_backends->rows();
        return row >= 0 && row < rows.size() && issue.key == u"address" && rows.at(row).address.trimmed().isEmpty();
    }
    return false;
}

void RuleEditorDialog::setRuleStatus(const RuleStatus &status)
{
    m_portNotice->setRuleStatus(status);
}

bool RuleEditorDialog::hasChanges() const
{
    const RuleDraft draft = build();
    return draft.rule != m_pristineRule || draft.parseIssues != m_pristineParseIssues;
}

void RuleEditorDialog::reject()
{
    if (!hasChanges()) {
        QDialog::reject();
        return;
    }
    // Escape, Cancel and the window's close button all come here: edits are not thrown away unasked.
    auto *box = new QMessageBox(QMessageBox::Question, m_isNew ? tr("Discard New Rule?") : tr("Discard Changes?"),
                                m_isNew ? tr("The new rule has not been created. Discard it?")
                                        : tr("Your changes to this rule have not been saved. Discard them?"),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(u"discardChangesBox"_s);
    box->button(QMessageBox::Cancel)->setText(tr("&Keep Editing"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() != box->button(QMessageBox::Discard))
            return;
        QDialog::reject();
    });
    box->open();
}

} // namespace PortRelay
