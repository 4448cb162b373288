#pragma once

#include "core/net/engineevent.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <deque>

namespace PortRelay {

// The engine's events, newest last, in a ring of at most capacity rows (the oldest go first).
// Events are gathered and inserted in one batch a moment later, so a burst is one update.
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int DefaultCapacity = 5000;
    static constexpr int BatchDelayMs = 100;

    enum Column
    {
        TimeColumn,
        SeverityColumn,
        RuleColumn,
        EventColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole,
        LevelRole, // int(EngineEvent::Level)
        RuleRole,
    };

    explicit EventLogModel(int capacity = DefaultCapacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void addEvent(const EngineEvent &event);
    // Inserts what addEvent() gathered now rather than after BatchDelayMs.
    void flush();
    void clear();
    int capacity() const { return m_capacity; }

    // One line per row, columns separated by tabs: for the clipboard.
    QString rowsAsText(const QList<int> &rows) const;

    static QString kindText(EngineEvent::Kind kind);

private:
    QString message(const EngineEvent &event) const;

    int m_capacity;
    std::deque<EngineEvent> m_events;
    std::deque<EngineEvent> m_pending;
    QTimer m_batchTimer;
};

} // namespace PortRelay
