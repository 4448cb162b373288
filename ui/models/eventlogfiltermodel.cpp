#include "ui/models/eventlogfiltermodel.h"

#include "ui/models/eventlogmodel.h"

namespace PortRelay {

EventLogFilterModel::EventLogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(EventLogModel::RawRole);
}

void EventLogFilterModel::setRule(const QString &rule)
{
    if (rule == m_rule)
        return;
    m_rule = rule;
    invalidateRowsFilter();
}

void EventLogFilterModel::setMinimumLevel(int level)
{
    if (level == m_minimumLevel)
        return;
    m_minimumLevel = level;
    invalidateRowsFilter();
}

bool EventLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(EventLogModel::LevelRole).toInt() < m_minimumLevel)
        return false;
    return m_rule.isEmpty() || index.data(EventLogModel::RuleRole).toString() == m_rule;
}

} // namespace PortRelay
