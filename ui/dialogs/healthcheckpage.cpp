#include "ui/dialogs/healthcheckpage.h"

#include "ui/dialogs/checkdatatext.h"
#include "ui/dialogs/fieldissuedisplay.h"
#include "ui/dialogs/numberfields.h"
#include "ui/dialogs/ruledraft.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

HealthCheckPage::HealthCheckPage(FieldIssueDisplay &fields, int tab, const NumberFields &numbers, QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Each backend is checked on a timer. After “fall” failed checks in a row it "
                                "receives no new connections, until “rise” checks in a row pass again."));
    intro->setWordWrap(true);
    outer->addWidget(intro);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(1);

    m_type = new QComboBox;
    m_type->setObjectName(u"checkTypeCombo"_s);
    m_type->addItem(tr("TCP connect"), int(HealthCheck::Type::Tcp));
    m_type->setItemData(0, tr("Connect to each backend, optionally send and expect some text."), Qt::ToolTipRole);
    m_type->addItem(tr("None (passive checks only)"), int(HealthCheck::Type::None));
    m_type->setItemData(1, tr("No probes: only failed connections from real traffic take a backend out."),
                        Qt::ToolTipRole);
    fields.addRow(form, u"health_check.type"_s, tr("&Type:"), tab, m_type);

    for (const NumberFields::Entry *entry : numbers.inSection(SchemaSection::HealthCheck))
        fields.addRow(form, entry->key, entry->label, tab, entry->spin);

    const QString escapes = tr("Escapes: \\r \\n \\t \\0 \\xHH, and \\\\ for a backslash.");
    m_send = new QLineEdit;
    m_send->setObjectName(u"checkSendEdit"_s);
    m_send->setPlaceholderText(tr("Nothing; e.g. PING\\r\\n"));
    m_send->setToolTip(tr("Written to the backend once connected.") + u' ' + escapes);
    fields.addRow(form, u"health_check.send"_s, tr("&Send:"), tab, m_send);

    m_expect = new QLineEdit;
    m_expect->setObjectName(u"checkExpectEdit"_s);
    m_expect->setPlaceholderText(tr("Nothing: connecting is enough; e.g. +PONG"));
    m_expect->setToolTip(tr("Must arrive within the timeout, anywhere in the first 64 KiB of the reply.") + u' ' +
                         escapes);
    fields.addRow(form, u"health_check.expect"_s, tr("E&xpect:"), tab, m_expect);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT edited(u"health_check.type"_s); });
    connect(m_send, &QLineEdit::textChanged, this, [this] { Q_EMIT edited(u"health_check.send"_s); });
    connect(m_expect, &QLineEdit::textChanged, this, [this] { Q_EMIT edited(u"health_check.expect"_s); });
}

void HealthCheckPage::populate(const HealthCheck &check)
{
    m_type->setCurrentIndex(m_type->findData(int(check.type)));
    m_send->setText(CheckDataText::escape(check.send));
    m_expect->setText(CheckDataText::escape(check.expect));
}

void HealthCheckPage::apply(RuleDraft &draft) const
{
    draft.rule.healthCheck.type = HealthCheck::Type(m_type->currentData().toInt());
    draft.parseCheckData(m_send->text(), m_expect->text());
}

} // namespace PortRelay
