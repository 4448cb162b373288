#pragma once

#include "core/engine/enginesnapshot.h"
#include "core/ruleset/rule.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace PortRelay {

// The backends of one rule: as configured, with the state, connections and check results of the
// latest snapshot while the rule runs. State is shown by icon, word and colour.
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
        ConnectionsColumn,
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

private:
    struct Row
    {
        Backend backend;
        std::optional<BackendSnapshot> live; // while the rule runs
    };

    QVariant display(const Row &row, int column) const;
    QVariant raw(const Row &row, int column) const;
    std::optional<BackendState> state(const Row &row) const;

    std::optional<Rule> m_rule;
    QList<Row> m_rows;
};

} // namespace PortRelay
