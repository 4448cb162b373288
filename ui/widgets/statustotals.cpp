#include "ui/widgets/statustotals.h"

#include "ui/humanformat.h"

#include <QLabel>
#include <QStatusBar>

#include <climits>

namespace PortRelay {

StatusTotals::StatusTotals(QStatusBar *bar)
    : QObject(bar)
    , m_rules(new QLabel(bar))
    , m_connections(new QLabel(bar))
    , m_throughput(new QLabel(bar))
{
    m_rules->setObjectName(QStringLiteral("statusRules"));
    m_connections->setObjectName(QStringLiteral("statusConnections"));
    m_throughput->setObjectName(QStringLiteral("statusThroughput"));
    for (QLabel *label : {m_rules, m_connections, m_throughput}) {
        label->setContentsMargins(8, 0, 8, 0);
        bar->addPermanentWidget(label);
    }
}

void StatusTotals::show(const RuleTableModel::Totals &totals)
{
    m_rules->setText(tr("%1 of %n rule(s) running", nullptr, totals.total).arg(totals.running));
    m_connections->setText(tr("%n connection(s)", nullptr, int(qMin<qint64>(totals.traffic.connections, INT_MAX))));
    m_throughput->setText(
        tr("In %1 · Out %2")
            .arg(HumanFormat::rate(totals.traffic.inPerSecond), HumanFormat::rate(totals.traffic.outPerSecond)));
}

QString StatusTotals::text() const
{
    return QStringList{m_rules->text(), m_connections->text(), m_throughput->text()}.join(QStringLiteral(", "));
}

} // namespace PortRelay
