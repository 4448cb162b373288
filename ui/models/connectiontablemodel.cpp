#include "ui/models/connectiontablemodel.h"

#include "ui/humanformat.h"

#include <QHash>

namespace PortRelay {

namespace {

quint64 keyOf(const ConnectionInfo &c)
{
    // Serials are per worker and count up from 1; 16 bits of worker leave 48 bits of serial.
    return (quint64(c.worker) << 48) ^ c.serial;
}

} // namespace

ConnectionTableModel::ConnectionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ConnectionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const ConnectionInfo &c = m_rows[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RuleColumn:
            return c.rule;
        case ClientColumn:
            return c.client;
        case BackendColumn:
            return c.connecting ? tr("connecting…") : c.backend;
        case InColumn:
            return HumanFormat::bytes(c.bytesIn);
        case OutColumn:
            return HumanFormat::bytes(c.bytesOut);
        case AgeColumn:
            return HumanFormat::duration(c.ageMs);
        }
    } else if (role == RawRole) {
        switch (index.column()) {
        case RuleColumn:
            return c.rule;
        case ClientColumn:
            return c.client;
        case BackendColumn:
            return c.backend;
        case InColumn:
            return c.bytesIn;
        case OutColumn:
            return c.bytesOut;
        case AgeColumn:
            return c.ageMs;
        }
    } else if (role == Qt::TextAlignmentRole && index.column() >= InColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole && index.column() == InColumn) {
        return tr("Bytes from the client");
    } else if (role == Qt::ToolTipRole && index.column() == OutColumn) {
        return tr("Bytes to the client");
    }
    return QVariant();
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RuleColumn:
        return tr("Rule");
    case ClientColumn:
        return tr("Client");
    case BackendColumn:
        return tr("Backend");
    case InColumn:
        return tr("In");
    case OutColumn:
        return tr("Out");
    case AgeColumn:
        return tr("Age");
    }
    return QVariant();
}

void ConnectionTableModel::setConnections(const QList<ConnectionInfo> &connections)
{
    QHash<quint64, int> incoming;
    for (int i = 0; i < connections.size(); ++i)
        incoming.insert(keyOf(connections[i]), i);

    // Closed connections go, in runs from the bottom.
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (incoming.contains(keyOf(m_rows[row]))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incoming.contains(keyOf(m_rows[first - 1])))
            --first;
        beginRemoveRows(QModelIndex(), first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    QHash<quint64, int> present;
    for (int i = 0; i < m_rows.size(); ++i) {
        const int from = incoming.value(keyOf(m_rows[i]));
        m_rows[i] = connections[from];
        present.insert(keyOf(m_rows[i]), i);
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));

    QList<ConnectionInfo> added;
    for (const ConnectionInfo &c : connections) {
        if (!present.contains(keyOf(c)))
            added.append(c);
    }
    if (!added.isEmpty()) {
        beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

ConnectionInfo ConnectionTableModel::connectionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row] : ConnectionInfo();
}

} // namespace PortRelay
