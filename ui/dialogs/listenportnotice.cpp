#include "ui/dialogs/listenportnotice.h"

#include "ui/dialogs/listenportcheck.h"

#include <QLabel>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

ListenPortNotice::ListenPortNotice(const RuleSet &others, const std::optional<Endpoint> &heldAddress, QWidget *parent)
    : NoticeRow(QStyle::SP_MessageBoxWarning, QString(), parent)
    , m_others(others)
    , m_heldAddress(heldAddress)
{
    label()->setObjectName(u"portStatusLabel"_s);
    m_usePort = new QPushButton;
    m_usePort->setObjectName(u"usePortButton"_s);
    m_usePort->setAutoDefault(false);
    addTrailing(m_usePort);
    // It comes and goes as a port is typed: its place is kept, so the fields below stay put.
    QSizePolicy policy = sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    setSizePolicy(policy);
    connect(m_usePort, &QPushButton::clicked, this, [this] {
        const QVariant port = m_usePort->property("port");
        if (port.isValid())
            Q_EMIT portChosen(quint16(port.toInt()));
    });
}

void ListenPortNotice::setRuleStatus(const RuleStatus &status)
{
    m_status = status;
    if (m_checked)
        run(*m_checked);
}

void ListenPortNotice::check(Protocol protocol, const std::optional<Endpoint> &listen, bool enabled)
{
    if (!listen || !listen->literalAddress()) {
        m_checked.reset();
        hide();
        return;
    }
    if (m_checked && m_checked->protocol == protocol && m_checked->listen == *listen && m_checked->enabled == enabled)
        return;
    run(Checked{protocol, *listen, enabled});
}

void ListenPortNotice::run(const Checked &checked)
{
    m_checked = checked;
    const Endpoint &listen = checked.listen;
    const RuleSet others = checked.enabled ? m_others : RuleSet();
    // The rule being edited may be running: its own socket holds the address it started with. One
    // that waits for it (or failed) holds nothing, and what the engine met there is worth saying.
    const bool sameAddress = m_heldAddress && listen == *m_heldAddress;
    const bool notListening =
        m_status && (m_status->state == RuleState::Waiting || m_status->state == RuleState::Failed);
    const bool ownAddress = sameAddress && !notListening;
    const ListenPortCheck::Result result = ListenPortCheck::check(checked.protocol, listen, others, ownAddress);
    if (result.message.isEmpty()) {
        hide();
        return;
    }
    // A conflict with a rule is already an error under the field; only the way out is added here.
    label()->setText(result.takenByRule ? tr("The nearest free port is %1.").arg(result.suggestion.value_or(0))
                                        : result.message);
    if (result.takenByRule && !result.suggestion)
        label()->setText(tr("No free port found near %1.").arg(listen.port));
    if (sameAddress && notListening && !result.takenByRule) {
        const QString now =
            m_status->state == RuleState::Waiting
                ? tr("This rule is waiting: %1. It tries again on its own.").arg(m_status->reason.translated())
                : tr("This rule could not start: %1.").arg(m_status->reason.translated());
        label()->setText(result.suggestion ? now + u' ' + tr("Port %1 is free.").arg(*result.suggestion) : now);
    }
    m_usePort->setVisible(bool(result.suggestion));
    if (result.suggestion) {
        m_usePort->setText(tr("Use port %1").arg(*result.suggestion));
        m_usePort->setProperty("port", int(*result.suggestion));
    }
    show();
}

} // namespace PortRelay
