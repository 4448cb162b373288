#include "ui/dialogs/advancedpage.h"

#include "ui/dialogs/fieldissuedisplay.h"
#include "ui/dialogs/numberfields.h"
#include "ui/dialogs/ruledraft.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

AdvancedPage::AdvancedPage(FieldIssueDisplay &fields, int tab, const NumberFields &numbers, QWidget *parent)
    : QWidget(parent)
{
    const auto addNumbers = [&](QFormLayout *form, SchemaSection section) {
        for (const NumberFields::Entry *entry : numbers.inSection(section))
            fields.addRow(form, entry->key, entry->label, tab, entry->spin);
    };
    auto *outer = new QVBoxLayout(this);
    auto *columns = new QHBoxLayout;
    outer->addLayout(columns);

    auto *connections = new QGroupBox(tr("Connections"));
    addNumbers(new QFormLayout(connections), SchemaSection::Connections);
    columns->addWidget(connections);

    auto *failover = new QGroupBox(tr("Failover"));
    auto *failoverForm = new QFormLayout(failover);
    addNumbers(failoverForm, SchemaSection::Failover);
    m_onDown = new QComboBox;
    m_onDown->addItem(tr("Keep connections"), int(OnDown::Keep));
    m_onDown->addItem(tr("Close connections"), int(OnDown::Close));
    m_onDown->setToolTip(tr("What happens to open connections when their backend goes down."));
    fields.addRow(failoverForm, u"on_down"_s, tr("O&n down:"), tab, m_onDown);
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
    const FieldIssueDisplay::Row allow = fields.addField(u"allow"_s, tr("Allowed clien&ts:"), tab, m_allow);
    accessLayout->addWidget(allow.label);
    accessLayout->addWidget(allow.box);
    outer->addWidget(access, 1);

    connect(m_onDown, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT edited(u"on_down"_s); });
    connect(m_adaptiveWeights, &QCheckBox::toggled, this, [this] { Q_EMIT edited(u"adaptive_weights"_s); });
    connect(m_allow, &QPlainTextEdit::textChanged, this, [this] { Q_EMIT edited(u"allow"_s); });
}

void AdvancedPage::populate(const Rule &rule)
{
    m_onDown->setCurrentIndex(m_onDown->findData(int(rule.onDown)));
    m_adaptiveWeights->setChecked(rule.adaptiveWeights);
    QStringList allow;
    for (const Subnet &subnet : rule.allow)
        allow.append(subnet.toString());
    m_allow->setPlainText(allow.join(u'\n'));
}

void AdvancedPage::apply(RuleDraft &draft) const
{
    draft.rule.onDown = OnDown(m_onDown->currentData().toInt());
    draft.rule.adaptiveWeights = m_adaptiveWeights->isChecked();
    draft.parseAllow(m_allow->toPlainText());
}

} // namespace PortRelay
