#pragma once

#include "core/engine/enginesnapshot.h"

#include <QAbstractTableModel>
#include <QList>

namespace PortRelay {

// The hops that run, as the last snapshot showed them: each one's state, since when and why. A
// snapshot with the same hops updates the rows in place, so a selection or a tooltip stays put.
class HopTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        SinceColumn,
        ReasonColumn,
        ColumnCount
    };

    explicit HopTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void applySnapshot(const EngineSnapshot &snapshot);
    const HopSnapshot &hopAt(int row) const { return m_rows.at(row); }

    // "Up", "Connecting", "Down": the words the window uses for a hop's state.
    static QString stateText(const QString &state);

private:
    QList<HopSnapshot> m_rows;
};

} // namespace PortRelay
