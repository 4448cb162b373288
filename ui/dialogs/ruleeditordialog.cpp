#include "ui/dialogs/ruleeditordialog.h"

#include "core/health/backendtest.h"
#include "core/ruleset/rulevalidator.h"
#include "ui/dialogs/backendtablemodel.h"
#include "ui/dialogs/checkdatatext.h"
#include "ui/dialogs/errorframe.h"
#include "ui/dialogs/listenportcheck.h"
#include "ui/mnemonictext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QStyle>
#include <QStyledItemDelegate>
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

constexpr char OriginalTextProperty[] = "portrelayOriginalText";
constexpr char IndexProperty[] = "portrelayIndex";

// Address cells commit on every keystroke, so the rule validates as the user types in the table too.
class BackendDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() == BackendTableModel::WeightColumn) {
            auto *spin = new QSpinBox(parent);
            spin->setRange(RuleValidator::WeightRange.min, RuleValidator::WeightRange.max);
            spin->setFrame(false);
            return spin;
        }
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            line->setPlaceholderText(BackendTableModel::tr("host:port"));
            auto *self = const_cast<BackendDelegate *>(this);
            QObject::connect(line, &QLineEdit::textEdited, self, [self, line] { Q_EMIT self->commitData(line); });
            // Escape still means "as it was": keystrokes are already in the model, so put that back.
            line->setProperty(OriginalTextProperty, index.data(Qt::EditRole));
            line->setProperty(IndexProperty, QVariant::fromValue(QPersistentModelIndex(index)));
        }
        return editor;
    }

    bool eventFilter(QObject *object, QEvent *event) override
    {
        auto *line = qobject_cast<QLineEdit *>(object);
        if (line && event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            const auto index = line->property(IndexProperty).value<QPersistentModelIndex>();
            if (index.isValid()) {
                auto *model = const_cast<QAbstractItemModel *>(index.model());
                model->setData(index, line->property(OriginalTextProperty), Qt::EditRole);
            }
        }
        return QStyledItemDelegate::eventFilter(object, event);
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        // The model echoes each committed keystroke back; resetting the text would move the cursor.
        if (auto *line = qobject_cast<QLineEdit *>(editor); line && line->text() == index.data(Qt::EditRole).toString())
            return;
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        if (index.data(BackendTableModel::ErrorRole).toString().isEmpty())
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(ErrorFrame::errorColor(option.palette), 1.5));
        painter->drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 2, 2);
        painter->restore();
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != BackendTableModel::ProbeColumn)
            return;
        const auto state = BackendTableModel::ProbeState(index.data(BackendTableModel::RawValueRole).toInt());
        if (state == BackendTableModel::ProbeState::Succeeded)
            option->palette.setColor(QPalette::Text, ErrorFrame::successColor(option->palette));
        else if (state == BackendTableModel::ProbeState::Failed)
            option->palette.setColor(QPalette::Text, ErrorFrame::errorColor(option->palette));
    }
};

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

// An icon and a wrapped sentence, for notices under a field.
QWidget *noticeRow(QStyle::StandardPixmap icon, QLabel *text, QWidget *trailing = nullptr)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *iconLabel = new QLabel;
    const int size = row->style()->pixelMetric(QStyle::PM_SmallIconSize);
    iconLabel->setPixmap(row->style()->standardIcon(icon).pixmap(size, size));
    iconLabel->setAlignment(Qt::AlignTop);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(iconLabel, 0, Qt::AlignTop);
    layout->addWidget(text, 1);
    if (trailing)
        layout->addWidget(trailing, 0, Qt::AlignTop);
    return row;
}

QString balanceLabel(BalanceStrategy strategy)
{
    switch (strategy) {
    case BalanceStrategy::RoundRobin:
        return RuleEditorDialog::tr("Round robin");
    case BalanceStrategy::LeastConnections:
        return RuleEditorDialog::tr("Least connections");
    case BalanceStrategy::SourceHash:
        return RuleEditorDialog::tr("Source hash (sticky clients)");
    case BalanceStrategy::Random:
        return RuleEditorDialog::tr("Power of two random choices");
    }
    return {};
}

QString balanceHelp(BalanceStrategy strategy)
{
    switch (strategy) {
    case BalanceStrategy::RoundRobin:
        return RuleEditorDialog::tr("Takes the backends in turn, in proportion to their weights.");
    case BalanceStrategy::LeastConnections:
        return RuleEditorDialog::tr("Picks the backend with the fewest open connections for its weight.");
    case BalanceStrategy::SourceHash:
        return RuleEditorDialog::tr("Keeps sending each client address to the same backend; when a backend "
                                    "leaves, only its own clients move.");
    case BalanceStrategy::Random:
        return RuleEditorDialog::tr("Draws two backends at random by weight and takes the less loaded one.");
    }
    return {};
}

// Locations in the editor are inside the rule: rule -1, field "listen", key "port".
RuleSetLocation inRule(const QString &field, int index = -1, const QString &key = QString())
{
    return {-1, field, index, key};
}

RuleSetIssue issueAt(const RuleSetLocation &location, const Message &message)
{
    RuleSetIssue issue;
    static_cast<RuleSetLocation &>(issue) = location;
    issue.message = message;
    return issue;
}

// The editor's field for a location: the rule's key, or for the health check its key one level down
// ("health_check.rise"), as the fields are laid out.
QString fieldKeyOf(const RuleSetLocation &location)
{
    if (location.field == u"health_check" && !location.key.isEmpty())
        return location.field + u'.' + location.key.section(u'.', 0, 0);
    return location.field;
}

QString formatMilliseconds(double ms)
{
    return RuleEditorDialog::tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 1 : 0));
}

} // namespace

RuleEditorDialog::RuleEditorDialog(const Rule &initial, const RuleSet &otherRules, QWidget *parent)
    : QDialog(parent)
    , m_initial(initial)
    , m_others(otherRules)
    , m_isNew(initial.name.isEmpty())
{
    setWindowTitle(m_isNew ? tr("New Rule") : tr("Edit Rule “%1”").arg(initial.name));
    m_backends = new BackendTableModel(this);
    m_backendTest = new BackendTest(this);

    m_tabs = new QTabWidget;
    buildGeneralTab(m_tabs);
    buildHealthTab(m_tabs);
    buildAdvancedTab(m_tabs);

    m_summary = new QLabel;
    m_summary->setObjectName(u"summaryLabel"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_isNew ? tr("Create") : tr("Save"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_summary);
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
    connect(m_backendTest, &BackendTest::tested, this, &RuleEditorDialog::onTested);
    connect(m_backendTest, &BackendTest::finished, this, [this] { m_testBackends->setEnabled(true); });
    revalidate();
    const Built pristine = build();
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
    form->addRow(buddyLabel(tr("&Name:"), m_name), fieldBox(u"name"_s, tr("&Name:"), GeneralTab, m_name));

    m_description = new QPlainTextEdit;
    m_description->setObjectName(u"descriptionEdit"_s);
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("Optional: what it is for, whom to ask"));
    m_description->setToolTip(tr("A note for people; shown when the pointer rests on the rule."));
    // Two lines, and no more when the tab has room: the backends table takes that.
    m_description->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 2 +
                                  2 * (m_description->frameWidth() + int(m_description->document()->documentMargin())));
    form->addRow(buddyLabel(tr("Descr&iption:"), m_description),
                 fieldBox(u"description"_s, tr("Descr&iption:"), GeneralTab, m_description));

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
    form->addRow(buddyLabel(tr("&Group:"), m_group), fieldBox(u"group"_s, tr("&Group:"), GeneralTab, m_group));

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
    listenLayout->addWidget(buddyLabel(tr("&Port:"), m_listenPort));
    listenLayout->addWidget(m_listenPort);

    auto *exposureText = new QLabel(tr("Reachable from other machines. Listen on a loopback address (127.0.0.1) "
                                       "unless other machines must connect, and then restrict the clients with "
                                       "an allow list (Advanced tab)."));
    m_exposureWarning = noticeRow(QStyle::SP_MessageBoxWarning, exposureText);
    m_exposureWarning->setObjectName(u"exposureWarning"_s);

    m_portStatusLabel = new QLabel;
    m_portStatusLabel->setObjectName(u"portStatusLabel"_s);
    m_usePort = new QPushButton;
    m_usePort->setObjectName(u"usePortButton"_s);
    m_usePort->setAutoDefault(false);
    m_portStatus = noticeRow(QStyle::SP_MessageBoxWarning, m_portStatusLabel, m_usePort);
    // It comes and goes as a port is typed: its place is kept, so the fields below stay put.
    QSizePolicy portStatusPolicy = m_portStatus->sizePolicy();
    portStatusPolicy.setRetainSizeWhenHidden(true);
    m_portStatus->setSizePolicy(portStatusPolicy);
    connect(m_usePort, &QPushButton::clicked, this, [this] {
        const QVariant port = m_usePort->property("port");
        if (port.isValid()) {
            m_listenPort->setText(QString::number(port.toInt()));
            m_listenPort->setFocus();
        }
    });

    auto *listenBox = fieldBox(u"listen"_s, tr("&Listen on:"), GeneralTab, listenRow, {m_listenHost, m_listenPort});
    auto *listenBoxLayout = qobject_cast<QVBoxLayout *>(listenBox->layout());
    listenBoxLayout->addWidget(m_portStatus);
    listenBoxLayout->addWidget(m_exposureWarning);
    form->addRow(buddyLabel(tr("&Listen on:"), m_listenHost), listenBox);

    m_protocol = new QComboBox;
    m_protocol->setObjectName(u"protocolCombo"_s);
    m_protocol->addItem(tr("TCP"), int(Protocol::Tcp));
    m_protocol->setToolTip(tr("TCP is the only protocol so far."));
    auto *protocolRow = new QWidget;
    auto *protocolLayout = new QHBoxLayout(protocolRow);
    protocolLayout->setContentsMargins(0, 0, 0, 0);
    protocolLayout->addWidget(m_protocol);
    protocolLayout->addStretch(1);
    form->addRow(buddyLabel(tr("P&rotocol:"), m_protocol),
                 fieldBox(u"protocol"_s, tr("P&rotocol:"), GeneralTab, protocolRow, {m_protocol}));

    m_balance = new QComboBox;
    m_balance->setObjectName(u"balanceCombo"_s);
    for (BalanceStrategy strategy : {BalanceStrategy::RoundRobin, BalanceStrategy::LeastConnections,
                                     BalanceStrategy::SourceHash, BalanceStrategy::Random}) {
        m_balance->addItem(balanceLabel(strategy), int(strategy));
        m_balance->setItemData(m_balance->count() - 1, balanceHelp(strategy), Qt::ToolTipRole);
    }
    m_balanceHelp = new QLabel;
    m_balanceHelp->setWordWrap(true);
    m_balanceHelp->setForegroundRole(QPalette::PlaceholderText);
    connect(m_balance, &QComboBox::currentIndexChanged, this, [this] {
        const auto strategy = BalanceStrategy(m_balance->currentData().toInt());
        m_balanceHelp->setText(balanceHelp(strategy));
        m_balance->setToolTip(balanceHelp(strategy));
    });
    // The combo keeps its natural width; the explanation below it takes the whole row.
    auto *balanceRow = new QWidget;
    auto *balanceRowLayout = new QHBoxLayout(balanceRow);
    balanceRowLayout->setContentsMargins(0, 0, 0, 0);
    balanceRowLayout->addWidget(m_balance);
    balanceRowLayout->addStretch(1);
    auto *balanceBox = fieldBox(u"balance"_s, tr("&Strategy:"), GeneralTab, balanceRow, {m_balance});
    qobject_cast<QVBoxLayout *>(balanceBox->layout())->addWidget(m_balanceHelp);
    form->addRow(buddyLabel(tr("&Strategy:"), m_balance), balanceBox);

    // Backends: the table and its buttons side by side.
    m_backendsView = new QTableView;
    m_backendsView->setObjectName(u"backendsView"_s);
    m_backendsView->setModel(m_backends);
    m_backendsView->setItemDelegate(new BackendDelegate(m_backendsView));
    m_backendsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_backendsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_backendsView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                    QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    // Tab leaves the table; arrows move between cells.
    m_backendsView->setTabKeyNavigation(false);
    m_backendsView->setAlternatingRowColors(true);
    m_backendsView->setWordWrap(false);
    m_backendsView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    auto *header = m_backendsView->horizontalHeader();
    header->setSectionResizeMode(BackendTableModel::AddressColumn, QHeaderView::Stretch);
    for (int column :
         {BackendTableModel::WeightColumn, BackendTableModel::BackupColumn, BackendTableModel::EnabledColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(BackendTableModel::ProbeColumn, QHeaderView::ResizeToContents);
    m_backendsView->setMinimumHeight(m_backendsView->verticalHeader()->defaultSectionSize() * 4 +
                                     header->sizeHint().height() + 4);
    m_backendsView->setToolTip(tr("Where connections go. Type host:port; F2 edits the selected cell, Space "
                                  "toggles a check box."));

    const auto button = [](const QString &text, const QString &name) {
        auto *b = new QPushButton(text);
        b->setObjectName(name);
        b->setAutoDefault(false);
        return b;
    };
    m_addBackend = button(tr("&Add"), u"addBackendButton"_s);
    m_removeBackend = button(tr("Re&move"), u"removeBackendButton"_s);
    m_moveUp = button(tr("Move &Up"), u"moveUpButton"_s);
    m_moveDown = button(tr("Move &Down"), u"moveDownButton"_s);
    m_testBackends = button(tr("&Test Backends"), u"testBackendsButton"_s);
    m_testBackends->setToolTip(tr("Run the rule's health check once against each backend now, as the engine "
                                  "will (what to send and expect included), and show how it went."));

    auto *buttonColumn = new QVBoxLayout;
    buttonColumn->setContentsMargins(0, 0, 0, 0);
    for (QPushButton *b : {m_addBackend, m_removeBackend, m_moveUp, m_moveDown})
        buttonColumn->addWidget(b);
    buttonColumn->addStretch(1);
    buttonColumn->addWidget(m_testBackends);

    auto *backendsRow = new QWidget;
    auto *backendsLayout = new QHBoxLayout(backendsRow);
    backendsLayout->setContentsMargins(0, 0, 0, 0);
    backendsLayout->addWidget(m_backendsView, 1);
    backendsLayout->addLayout(buttonColumn);
    auto *backendsBox = fieldBox(u"backends"_s, tr("&Backends:"), GeneralTab, backendsRow, {m_backendsView});
    backendsBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    auto *backendsLabel = buddyLabel(tr("&Backends:"), m_backendsView);
    form->addRow(backendsLabel, backendsBox);

    connect(m_addBackend, &QPushButton::clicked, this, [this] {
        m_backends->appendRow();
        const QModelIndex cell = m_backends->index(m_backends->rowCount() - 1, BackendTableModel::AddressColumn);
        m_backendsView->setCurrentIndex(cell);
        m_backendsView->setFocus();
        m_backendsView->edit(cell);
    });
    connect(m_removeBackend, &QPushButton::clicked, this, [this] {
        const int row = m_backendsView->currentIndex().row();
        m_backends->removeRowAt(row);
        if (m_backends->rowCount() > 0)
            m_backendsView->setCurrentIndex(m_backends->index(std::min(row, m_backends->rowCount() - 1), 0));
    });
    const auto move = [this](int delta) {
        const QModelIndex current = m_backendsView->currentIndex();
        if (m_backends->moveRowBy(current.row(), delta))
            m_backendsView->setCurrentIndex(m_backends->index(current.row() + delta, current.column()));
    };
    connect(m_moveUp, &QPushButton::clicked, this, [move] { move(-1); });
    connect(m_moveDown, &QPushButton::clicked, this, [move] { move(+1); });
    connect(m_testBackends, &QPushButton::clicked, this, &RuleEditorDialog::onTestBackends);
    connect(m_backendsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RuleEditorDialog::updateBackendButtons);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_backends, signal, this, [this] {
            m_backendTest->cancel();
            m_backends->clearProbes();
            m_testBackends->setEnabled(true);
            updateBackendButtons();
        });
    }
    connect(m_backends, &QAbstractItemModel::rowsMoved, this, [this] {
        m_backendTest->cancel();
        m_backends->clearProbes();
        m_testBackends->setEnabled(true);
        updateBackendButtons();
    });

    tabs->addTab(page, tr("General"));
}

void RuleEditorDialog::buildHealthTab(QTabWidget *tabs)
{
    auto *page = new QWidget;
    auto *outer = new QVBoxLayout(page);
    auto *intro = new QLabel(tr("Each backend is checked on a timer. After “fall” failed checks in a row it "
                                "receives no new connections, until “rise” checks in a row pass again."));
    intro->setWordWrap(true);
    outer->addWidget(intro);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(1);

    m_checkType = new QComboBox;
    m_checkType->setObjectName(u"checkTypeCombo"_s);
    m_checkType->addItem(tr("TCP connect"), int(HealthCheck::Type::Tcp));
    m_checkType->setItemData(0, tr("Connect to each backend, optionally send and expect some text."), Qt::ToolTipRole);
    m_checkType->addItem(tr("None (passive checks only)"), int(HealthCheck::Type::None));
    m_checkType->setItemData(1, tr("No probes: only failed connections from real traffic take a backend out."),
                             Qt::ToolTipRole);
    form->addRow(buddyLabel(tr("&Type:"), m_checkType),
                 fieldBox(u"health_check.type"_s, tr("&Type:"), HealthTab, m_checkType));

    addNumberRows(form, SchemaSection::HealthCheck, HealthTab);

    const QString escapes = tr("Escapes: \\r \\n \\t \\0 \\xHH, and \\\\ for a backslash.");
    m_checkSend = new QLineEdit;
    m_checkSend->setObjectName(u"checkSendEdit"_s);
    m_checkSend->setPlaceholderText(tr("Nothing; e.g. PING\\r\\n"));
    m_checkSend->setToolTip(tr("Written to the backend once connected.") + u' ' + escapes);
    form->addRow(buddyLabel(tr("&Send:"), m_checkSend),
                 fieldBox(u"health_check.send"_s, tr("&Send:"), HealthTab, m_checkSend));

    m_checkExpect = new QLineEdit;
    m_checkExpect->setObjectName(u"checkExpectEdit"_s);
    m_checkExpect->setPlaceholderText(tr("Nothing: connecting is enough; e.g. +PONG"));
    m_checkExpect->setToolTip(tr("Must arrive within the timeout, anywhere in the first 64 KiB of the reply.") + u' ' +
                              escapes);
    form->addRow(buddyLabel(tr("E&xpect:"), m_checkExpect),
                 fieldBox(u"health_check.expect"_s, tr("E&xpect:"), HealthTab, m_checkExpect));

    tabs->addTab(page, tr("Health Check"));
}

void RuleEditorDialog::buildAdvancedTab(QTabWidget *tabs)
{
    auto *page = new QWidget;
    auto *outer = new QVBoxLayout(page);
    auto *columns = new QHBoxLayout;
    outer->addLayout(columns);

    auto *connections = new QGroupBox(tr("Connections"));
    auto *connectionsForm = new QFormLayout(connections);
    addNumberRows(connectionsForm, SchemaSection::Connections, AdvancedTab);
    columns->addWidget(connections);

    auto *failover = new QGroupBox(tr("Failover"));
    auto *failoverForm = new QFormLayout(failover);
    addNumberRows(failoverForm, SchemaSection::Failover, AdvancedTab);
    m_onDown = new QComboBox;
    m_onDown->addItem(tr("Keep connections"), int(OnDown::Keep));
    m_onDown->addItem(tr("Close connections"), int(OnDown::Close));
    m_onDown->setToolTip(tr("What happens to open connections when their backend goes down."));
    failoverForm->addRow(buddyLabel(tr("O&n down:"), m_onDown),
                         fieldBox(u"on_down"_s, tr("O&n down:"), AdvancedTab, m_onDown));
    m_adaptiveWeights = new QCheckBox(tr("&Adaptive weights"));
    m_adaptiveWeights->setToolTip(tr("Scale each backend's weight by its recent connect times and failures."));
    failoverForm->addRow(QString(), m_adaptiveWeights);
    columns->addWidget(failover);

    auto *access = new QGroupBox(tr("Access"));
    auto *accessLayout = new QVBoxLayout(access);
    m_allow = new QPlainTextEdit;
    m_allow->setObjectName(u"allowEdit"_s);
    m_allow->setTabChangesFocus(true);
    m_allow->setPlaceholderText(tr("Any client may connect. One subnet per line, e.g.\n127.0.0.0/8\n192.168.1.0/24"));
    m_allow->setToolTip(tr("Only clients from these subnets may connect."));
    m_allow->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    auto *allowLabel = buddyLabel(tr("Allowed clien&ts:"), m_allow);
    accessLayout->addWidget(allowLabel);
    accessLayout->addWidget(fieldBox(u"allow"_s, tr("Allowed clien&ts:"), AdvancedTab, m_allow));
    outer->addWidget(access, 1);

    tabs->addTab(page, tr("Advanced"));
}

QWidget *RuleEditorDialog::fieldBox(const QString &key, const QString &label, int tab, QWidget *input,
                                    const QList<QWidget *> &inputs)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(input);
    auto *message = new QLabel;
    message->setObjectName(u"message:"_s + key);
    message->setWordWrap(true);
    message->setTextFormat(Qt::PlainText);
    message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = message->palette();
    palette.setColor(QPalette::WindowText, ErrorFrame::errorColor(palette));
    message->setPalette(palette);
    // A line is kept for the message, so fields below do not move (under the pointer) as it comes and
    // goes. Choices from a list cannot be wrong: no line is kept under them.
    auto *combo = qobject_cast<QComboBox *>(inputs.isEmpty() ? input : inputs.constFirst());
    if (!combo || combo->isEditable()) {
        QSizePolicy policy = message->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        message->setSizePolicy(policy);
        message->setText(u" "_s); // one line, as the label itself measures it
        message->setMinimumHeight(message->sizeHint().height());
        message->clear();
    }
    message->hide();
    layout->addWidget(message);

    Field field;
    field.label = MnemonicText::plain(label);
    field.tab = tab;
    field.message = message;
    field.inputs = inputs.isEmpty() ? QList<QWidget *>{input} : inputs;
    m_fields.insert(key, field);
    m_fieldOrder.append(key);
    return box;
}

void RuleEditorDialog::addNumberRows(QFormLayout *form, SchemaSection section, int tab)
{
    for (const NumberFields::Entry *entry : m_numbers.inSection(section))
        form->addRow(buddyLabel(entry->label, entry->spin), fieldBox(entry->key, entry->label, tab, entry->spin));
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
    m_balanceHelp->setText(balanceHelp(rule.balance));
    m_balance->setToolTip(balanceHelp(rule.balance));

    QList<BackendTableModel::Row> rows;
    for (const Backend &backend : rule.backends)
        rows.append(BackendTableModel::rowFromBackend(backend));
    if (rows.isEmpty())
        rows.append(BackendTableModel::Row());
    m_backends->setRows(rows);
    // Typing in the table goes to the first address, without a selected row shouting blue at the user.
    m_backendsView->selectionModel()->setCurrentIndex(m_backends->index(0, BackendTableModel::AddressColumn),
                                                      QItemSelectionModel::NoUpdate);

    const HealthCheck &check = rule.healthCheck;
    m_checkType->setCurrentIndex(m_checkType->findData(int(check.type)));
    m_checkSend->setText(CheckDataText::escape(check.send));
    m_checkExpect->setText(CheckDataText::escape(check.expect));

    m_numbers.populate(rule);
    m_onDown->setCurrentIndex(m_onDown->findData(int(rule.onDown)));
    m_adaptiveWeights->setChecked(rule.adaptiveWeights);
    QStringList allow;
    for (const Subnet &subnet : rule.allow)
        allow.append(subnet.toString());
    m_allow->setPlainText(allow.join(u'\n'));
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
    watch(u"health_check.type"_s, m_checkType);
    watch(u"health_check.send"_s, m_checkSend);
    watch(u"health_check.expect"_s, m_checkExpect);
    for (const NumberFields::Entry &entry : m_numbers.entries())
        watch(entry.key, entry.spin);
    watch(u"on_down"_s, m_onDown);
    watch(u"adaptive_weights"_s, m_adaptiveWeights);
    watch(u"allow"_s, m_allow);
    updateBackendButtons();
}

void RuleEditorDialog::watch(const QString &key, QObject *sender)
{
    const auto changed = [this, key] {
        if (m_populating)
            return;
        m_touched.insert(key);
        revalidate();
    };
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
    else if (auto *model = qobject_cast<BackendTableModel *>(sender))
        connect(model, &BackendTableModel::backendsEdited, this, changed);
}

Rule RuleEditorDialog::rule() const
{
    return build().rule;
}

RuleEditorDialog::Built RuleEditorDialog::build() const
{
    Built built;
    Rule &rule = built.rule;
    rule = m_initial;
    rule.name = m_name->text();
    rule.description = m_description->toPlainText();
    rule.group = m_group->currentText();
    rule.enabled = m_enabled->isChecked();
    rule.protocol = Protocol(m_protocol->currentData().toInt());
    rule.balance = BalanceStrategy(m_balance->currentData().toInt());

    // Host and port are parsed apart, so that each message lands on its own field.
    QString hostText = m_listenHost->currentText().trimmed();
    const QString portText = m_listenPort->text().trimmed();
    Message error;
    bool hostOk = true;
    rule.listen = Endpoint{hostText, 0};
    if (!hostText.isEmpty()) {
        // The host is checked as the core checks a listen address, with a port that is always valid.
        const bool bare6 = hostText.contains(u':') && !hostText.startsWith(u'[');
        const QString text = (bare6 ? QString(u'[' + hostText + u']') : hostText) + u":1"_s;
        const auto parsed = Endpoint::parse(text, &error);
        if (parsed) {
            rule.listen.host = parsed->host;
        } else {
            hostOk = false;
            built.parseIssues.append(issueAt(inRule(u"listen"_s, -1, u"host"_s), error));
        }
    }
    const auto port = Endpoint::parsePort(portText, &error);
    if (port)
        rule.listen.port = *port;
    else
        built.parseIssues.append(issueAt(inRule(u"listen"_s, -1, u"port"_s), error));
    built.listenParsed = hostOk && port;

    rule.backends.clear();
    const QList<BackendTableModel::Row> rows = m_backends->rows();
    for (int i = 0; i < rows.size(); ++i) {
        const BackendTableModel::Row &row = rows.at(i);
        Backend backend;
        backend.weight = row.weight;
        backend.backup = row.backup;
        backend.enabled = row.enabled;
        backend.extensions = row.extensions;
        if (const auto parsed = Endpoint::parse(row.address.trimmed(), &error)) {
            backend.address = *parsed;
        } else {
            built.unparsedBackends.insert(i);
            built.parseIssues.append(issueAt(inRule(u"backends"_s, i, u"address"_s), error));
        }
        rule.backends.append(backend);
    }

    HealthCheck &check = rule.healthCheck;
    check.type = HealthCheck::Type(m_checkType->currentData().toInt());
    const auto decode = [&](QLineEdit *edit, const QString &key, QByteArray &out) {
        QString escapeError;
        if (const auto bytes = CheckDataText::unescape(edit->text(), &escapeError)) {
            out = *bytes;
        } else {
            out.clear();
            built.parseIssues.append(issueAt(inRule(u"health_check"_s, -1, key), Message::verbatim(escapeError)));
        }
    };
    decode(m_checkSend, u"send"_s, check.send);
    decode(m_checkExpect, u"expect"_s, check.expect);

    m_numbers.apply(rule);
    rule.onDown = OnDown(m_onDown->currentData().toInt());
    rule.adaptiveWeights = m_adaptiveWeights->isChecked();

    rule.allow.clear();
    const QStringList lines = m_allow->toPlainText().split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        if (const auto subnet = Subnet::parse(line, &error))
            rule.allow.append(*subnet);
        else
            built.parseIssues.append(
                issueAt(inRule(u"allow"_s, int(rule.allow.size())),
                        Message("PortRelay::RuleEditorDialog", QT_TR_NOOP("line %1: %2")).arg(i + 1).arg(error)));
    }
    return built;
}

void RuleEditorDialog::revalidate()
{
    updateNameSuggestion();
    const Built built = build();

    RuleSetIssues found = built.parseIssues;
    // The core's checks, minus those on text that did not parse: the parse message says it better.
    for (RuleSetIssue issue : RuleValidator::validate(built.rule, -1)) {
        if (issue.field == u"listen" && !built.listenParsed)
            continue;
        if (built.unparsedBackends.contains(issue.backend()) && issue.key == u"address")
            continue;
        found.append(issue);
    }
    // The checks between rules, with this rule last so that its conflicts are reported on it.
    RuleValidator::ConflictChecker conflicts;
    int index = 0;
    for (const Rule &other : m_others.rules)
        conflicts.add(other, index++);
    for (RuleSetIssue issue : conflicts.add(built.rule, index)) {
        issue.rule = -1;
        found.append(issue);
    }

    // In the order of the fields on screen.
    const auto rank = [this, &built](const RuleSetIssue &issue) {
        QString key;
        inputFor(issue, built, &key);
        const qsizetype at = m_fieldOrder.indexOf(key);
        return at < 0 ? m_fieldOrder.size() : at;
    };
    std::stable_sort(found.begin(), found.end(),
                     [&rank](const RuleSetIssue &a, const RuleSetIssue &b) { return rank(a) < rank(b); });
    m_issues = found;

    // What is worth knowing about the listen address, beyond errors.
    const bool exposed = built.listenParsed && built.rule.listen.literalAddress() && !built.rule.listen.isLoopback();
    m_exposureWarning->setVisible(exposed);
    updatePortCheck(built);

    // Show it.
    QHash<QString, QStringList> messages;
    QHash<QWidget *, QStringList> invalidInputs;
    QList<QString> addressErrors(m_backends->rowCount());
    QList<QString> weightErrors(m_backends->rowCount());
    QStringList loud;
    QStringList missing;
    QSet<int> loudTabs;
    for (const RuleSetIssue &issue : std::as_const(m_issues)) {
        QString key;
        QWidget *input = inputFor(issue, built, &key);
        if (isQuiet(key, issue)) {
            const QString what = key == u"name"     ? tr("a name")
                                 : key == u"listen" ? tr("a listen port")
                                                    : tr("the address to forward to");
            // A name follows from the port by itself.
            if (!missing.contains(what) && !(key == u"name" && m_nameIsSuggested))
                missing.append(what);
            continue;
        }
        const int row = issue.backend();
        const QString text = issue.text().translated();
        QString message = text;
        if (row >= 0) {
            message = tr("Backend %1: %2").arg(row + 1).arg(text);
            if (row < addressErrors.size()) {
                QList<QString> &cells = issue.key == u"weight" ? weightErrors : addressErrors;
                cells[row] = cells[row].isEmpty() ? text : cells[row] + u'\n' + text;
            }
        }
        messages[key].append(message);
        if (input)
            invalidInputs[input].append(text);
        const auto field = m_fields.constFind(key);
        const QString where = field == m_fields.constEnd() ? issue.pathInRule() : field->label;
        loud.append(where.isEmpty() ? text : tr("%1: %2").arg(where, message));
        if (field != m_fields.constEnd())
            loudTabs.insert(field->tab);
    }
    m_backends->setErrors(addressErrors, weightErrors);
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QStringList lines = messages.value(it.key());
        it->message->setText(lines.join(u'\n'));
        it->message->setVisible(!lines.isEmpty());
        for (QWidget *input : it->inputs) {
            const QStringList reasons = invalidInputs.value(input);
            setInputInvalid(input, !reasons.isEmpty(), reasons.join(u'\n'));
        }
    }
    // A clear icon of the same size where there is no error: the tab bar (and all below it) keeps its place.
    QPixmap clear(m_tabs->iconSize());
    clear.fill(Qt::transparent);
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        m_tabs->setTabIcon(tab, loudTabs.contains(tab) ? style()->standardIcon(QStyle::SP_MessageBoxCritical)
                                                       : QIcon(clear));
    }

    QPalette summaryPalette = palette();
    if (!loud.isEmpty()) {
        constexpr int MaxShown = 4;
        QStringList shown = loud.mid(0, MaxShown);
        if (loud.size() > MaxShown)
            shown.append(tr("and %n more", nullptr, int(loud.size() - MaxShown)));
        m_summary->setText(tr("Cannot save this rule yet:") + u"\n• "_s + shown.join(u"\n• "_s));
        summaryPalette.setColor(QPalette::WindowText, ErrorFrame::errorColor(summaryPalette));
        m_summary->show();
    } else if (!missing.isEmpty()) {
        const QString last = missing.takeLast();
        const QString list = missing.isEmpty() ? last : tr("%1 and %2").arg(missing.join(u", "_s), last);
        m_summary->setText(tr("To create the rule, enter %1.").arg(list));
        m_summary->show();
    } else {
        m_summary->clear();
        m_summary->hide();
    }
    m_summary->setPalette(summaryPalette);

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

void RuleEditorDialog::updatePortCheck(const Built &built)
{
    const Endpoint &listen = built.rule.listen;
    if (!built.listenParsed || !listen.literalAddress()) {
        m_portCheckKey.clear();
        m_portStatus->hide();
        return;
    }
    const QString key = listen.toString() + (built.rule.enabled ? u"|on"_s : u"|off"_s);
    if (key == m_portCheckKey)
        return;
    m_portCheckKey = key;

    // A disabled rule conflicts with no rule; another program's socket matters once it is enabled.
    const RuleSet others = built.rule.enabled ? m_others : RuleSet();
    // The rule being edited may be running: its own socket holds the address it started with. One
    // that waits for it (or failed) holds nothing, and what the engine met there is worth saying.
    const bool sameAddress = !m_isNew && listen == m_initial.listen;
    const bool notListening =
        m_status && (m_status->state == RuleState::Waiting || m_status->state == RuleState::Failed);
    const bool ownAddress = sameAddress && !notListening;
    const ListenPortCheck::Result result = ListenPortCheck::check(listen, others, ownAddress);
    if (result.message.isEmpty()) {
        m_portStatus->hide();
        return;
    }
    // A conflict with a rule is already an error under the field; only the way out is added here.
    m_portStatusLabel->setText(
        result.takenByRule ? tr("The nearest free port is %1.").arg(result.suggestion.value_or(0)) : result.message);
    if (result.takenByRule && !result.suggestion)
        m_portStatusLabel->setText(tr("No free port found near %1.").arg(listen.port));
    if (sameAddress && notListening && !result.takenByRule) {
        const QString now =
            m_status->state == RuleState::Waiting
                ? tr("This rule is waiting: %1. It tries again on its own.").arg(m_status->reason.translated())
                : tr("This rule could not start: %1.").arg(m_status->reason.translated());
        m_portStatusLabel->setText(result.suggestion ? now + u' ' + tr("Port %1 is free.").arg(*result.suggestion)
                                                     : now);
    }
    m_usePort->setVisible(bool(result.suggestion));
    if (result.suggestion) {
        m_usePort->setText(tr("Use port %1").arg(*result.suggestion));
        m_usePort->setProperty("port", int(*result.suggestion));
    }
    m_portStatus->show();
}

QWidget *RuleEditorDialog::inputFor(const RuleSetIssue &issue, const Built &built, QString *fieldKey) const
{
    *fieldKey = fieldKeyOf(issue);
    if (issue.field == u"listen") {
        if (issue.key == u"host" || issue.key == u"port")
            return issue.key == u"host" ? static_cast<QWidget *>(m_listenHost) : m_listenPort;
        const bool hostProblem = built.rule.listen.host.isEmpty() || !built.rule.listen.literalAddress();
        return hostProblem ? static_cast<QWidget *>(m_listenHost) : m_listenPort;
    }
    if (issue.field == u"backends")
        return m_backendsView;
    const auto field = m_fields.constFind(*fieldKey);
    if (field == m_fields.constEnd()) {
        fieldKey->clear();
        return nullptr;
    }
    return field->inputs.value(0);
}

bool RuleEditorDialog::isQuiet(const QString &fieldKey, const RuleSetIssue &issue) const
{
    // Nobody has typed here yet: an empty required field is a hint, not an error.
    if (fieldKey == u"name")
        return !m_touched.contains(fieldKey) && m_name->text().isEmpty();
    if (fieldKey == u"listen")
        return !m_touched.contains(fieldKey) && issue.key == u"port" && m_listenPort->text().isEmpty();
    if (fieldKey == u"backends") {
        const int row = issue.backend();
        return row >= 0 && row < m_backends->rowCount() && issue.key == u"address" &&
               m_backends->row(row).address.trimmed().isEmpty();
    }
    return false;
}

void RuleEditorDialog::setInputInvalid(QWidget *input, bool invalid, const QString &tooltip)
{
    ErrorFrame *frame = m_frames.value(input);
    if (!frame && invalid) {
        frame = new ErrorFrame(input);
        m_frames.insert(input, frame);
        input->setProperty("normalToolTip", input->toolTip());
    }
    if (!frame)
        return;
    frame->setActive(invalid);
    const QString normal = input->property("normalToolTip").toString();
    input->setToolTip(invalid ? tooltip : normal);
    input->setAccessibleDescription(invalid ? tooltip : QString());
}

void RuleEditorDialog::updateBackendButtons()
{
    const int row = m_backendsView->currentIndex().row();
    const int count = m_backends->rowCount();
    m_addBackend->setEnabled(count < Rule::MaxBackends);
    m_removeBackend->setEnabled(row >= 0 && count > 1);
    m_moveUp->setEnabled(row > 0);
    m_moveDown->setEnabled(row >= 0 && row < count - 1);
}

void RuleEditorDialog::setRuleStatus(const RuleStatus &status)
{
    m_status = status;
    m_portCheckKey.clear();
    revalidate();
}

bool RuleEditorDialog::hasChanges() const
{
    const Built built = build();
    return built.rule != m_pristineRule || built.parseIssues != m_pristineParseIssues;
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

void RuleEditorDialog::onTestBackends()
{
    // The rule as it stands in the editor, with the backends whose address parses; the others
    // say so at once.
    Rule rule = build().rule;
    rule.backends.clear();
    m_testedRows.clear();
    for (int row = 0; row < m_backends->rowCount(); ++row) {
        if (const auto endpoint = Endpoint::parse(m_backends->row(row).address.trimmed())) {
            rule.backends.append(Backend{*endpoint, 1, false, true, {}});
            m_testedRows.append(row);
            m_backends->setProbeState(row, BackendTableModel::ProbeState::Running);
        } else {
            m_backends->setProbeState(row, BackendTableModel::ProbeState::Failed, tr("invalid address"));
        }
    }
    m_testBackends->setEnabled(m_testedRows.isEmpty());
    if (!m_testedRows.isEmpty())
        m_backendTest->run(rule);
}

void RuleEditorDialog::onTested(int backend, bool passed, qint64 micros, const Message &result)
{
    const int row = m_testedRows.value(backend, -1);
    // The row was edited while its check ran: the answer is about an address no longer there.
    if (row < 0 || row >= m_backends->rowCount() ||
        m_backends->row(row).probeState != BackendTableModel::ProbeState::Running)
        return;
    m_backends->setProbeState(row,
                              passed ? BackendTableModel::ProbeState::Succeeded : BackendTableModel::ProbeState::Failed,
                              passed ? formatMilliseconds(double(micros) / 1000.0) : result.translated());
}

} // namespace PortRelay
