#pragma once

#include "core/net/connectioninfo.h"

#include <QAbstractTableModel>
#include <QList>

namespace PortRelay {

// Open client connections as last listed by the engine (on request, every few seconds while the
// list is visible). Rows are matched by worker and serial, so a refresh updates rows in place.
class ConnectionTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        RuleColumn,
        ClientColumn,
        BackendColumn,
        InColumn,
        OutColumn,
        AgeColumn,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole,
    };

    explicit ConnectionTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setConnections(const QList<ConnectionInfo> &connections);
    ConnectionInfo connectionAt(int row) const;

private:
    QList<ConnectionInfo> m_rows;
};

} // namespace PortRelay
