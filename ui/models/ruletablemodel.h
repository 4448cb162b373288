#pragma once

#include "core/engine/enginesnapshot.h"
#include "core/engine/rulestatus.h"
#include "core/ruleset/ruleset.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

#include <functional>

namespace PortRelay {

// The rules table: one row per rule of the rule set, with the engine's state and the traffic of
// the latest snapshot. Throughput is the difference of successive snapshots' byte counters over
// the time between them. A refresh emits one dataChanged for the range that changed.
class RuleTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        ListenColumn,
        StrategyColumn,
        BackendsColumn,
        ConnectionsColumn,
        InColumn,
        OutColumn,
        GroupColumn,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, // numbers for sorting: state, port, counts, bytes per second
        NameRole,
        GroupRole,
        ExposedRole, // bool: the rule listens on an address other machines can reach
    };

    struct Traffic
    {
        double inPerSecond = 0;
        double outPerSecond = 0;
        qint64 connections = 0;
    };
    struct Totals
    {
        int running = 0;
        int total = 0;
        int failed = 0;
        int backendsDown = 0;
        Traffic traffic;
    };

    explicit RuleTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The rules as configured; rows of rules that stay keep their place and their counters.
    void setRuleSet(const RuleSet &ruleSet);
    void setStatus(const RuleStatus &status);
    void applySnapshot(const EngineSnapshot &snapshot);

    int rowOf(const QString &name) const;
    QString nameAt(int row) const;
    RuleState stateAt(int row) const;
    RuleStatus statusAt(int row) const;
    Traffic trafficAt(int row) const;
    Totals totals() const;
    // Where the countdown of a waiting rule ("retrying in 8 s") takes the time from; tests set it.
    void setClock(std::function<qint64()> nowEpochMs);

private:
    struct Row
    {
        Rule rule;
        RuleStatus status;
        TrafficSample traffic;
        int backendsUp = -1; // -1: not running
        int backendsDown = 0;
        Traffic rate;
        quint64 previousIn = 0;
        quint64 previousOut = 0;
        qint64 previousAtMs = -1;
    };

    QVariant display(const Row &row, int column) const;
    QVariant raw(const Row &row, int column) const;
    static bool isExposed(const Row &row);
    QString waitingText(const Row &row) const;

    QList<Row> m_rows;
    std::function<qint64()> m_nowEpochMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
};

} // namespace PortRelay
