#pragma once

#include "core/engine/enginesnapshot.h"
#include "core/ruleset/rule.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

#include <functional>
#include <optional>

namespace PortRelay {

// The backends of one rule: as configured, with the state, connections and check results of the
// latest snapshot while the rule runs. State is shown by icon, word and colour. Running totals as
// on HAProxy's stats page (connections, their share of the rule's, bytes, failed connects, time
// in the state) count from when the rule last started; RawRole holds numbers for sorting.
class BackendStatusModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        AddressColumn,
        WeightColumn,
        RoleColumn,
        StateColumn,
        StateSinceColumn,  // time in the current state
        ConnectionsColumn, // open now
        TotalColumn,       // relayed since the rule started
        ShareColumn,       // of the rule's relayed connections, in percent
        FailedColumn,      // connect attempts that failed
        BytesInColumn,
        BytesOutColumn,
        LastCheckColumn,
        LatencyColumn,
        LastFailureColumn,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole,
        StateRole, // int(BackendState), or -1 while the rule is not running
    };

    explicit BackendStatusModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Shows rule's backends (no rule: empty); the states come with the next snapshot.
    void setRule(const std::optional<Rule> &rule);
    QString ruleName() const { return m_rule ? m_rule->name : QString(); }
    void applySnapshot(const EngineSnapshot &snapshot);

    std::optional<BackendState> stateAt(int row) const;
    bool isEnabledAt(int row) const;
    // What the time in a state is measured against; tests set it.
    void setClock(std::function<qint64()> nowEpochMs);

private:
    struct Row
    {
        Backend backend;
        std::optional<BackendSnapshot> live; // while the rule runs
    };

    QVariant display(const Row &row, int column) const;
    QVariant raw(const Row &row, int column) const;
    std::optional<BackendState> state(const Row &row) const;
    // In [0, 1], or -1 while the rule has relayed nothing.
    double share(const Row &row) const;
    qint64 timeInState(const Row &row) const; // ms, -1 when unknown

    std::optional<Rule> m_rule;
    QList<Row> m_rows;
    quint64 m_ruleConnections = 0; // the backends' relayed connections together
    std::function<qint64()> m_nowEpochMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
};

} // namespace PortRelay
