#pragma once

#include <QSortFilterProxyModel>

namespace PortRelay {

// The event log as the user filters it: by rule (empty: every rule) and by lowest severity.
class EventLogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EventLogFilterModel(QObject *parent = nullptr);

    void setRule(const QString &rule);
    QString rule() const { return m_rule; }
    // An int(EngineEvent::Level): rows below it are hidden.
    void setMinimumLevel(int level);
    int minimumLevel() const { return m_minimumLevel; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_rule;
    int m_minimumLevel = 0;
};

} // namespace PortRelay
