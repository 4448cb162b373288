#include "ui/dialogs/backendtablemodel.h"

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

BackendTableModel::BackendTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

BackendTableModel::Row BackendTableModel::rowFromBackend(const Backend &backend)
{
    Row row;
    row.address = backend.address.port == 0 && backend.address.host.isEmpty() ? QString() : backend.address.toString();
    row.weight = backend.weight;
    row.backup = backend.backup;
    row.enabled = backend.enabled;
    row.via = backend.via;
    row.extensions = backend.extensions;
    return row;
}

void BackendTableModel::setRows(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
    Q_EMIT backendsEdited();
}

void BackendTableModel::appendRow()
{
    appendRow(Row());
}

void BackendTableModel::appendRow(const Row &row)
{
    const int index = int(m_rows.size());
    beginInsertRows(QModelIndex(), index, index);
    m_rows.append(row);
    endInsertRows();
    Q_EMIT backendsEdited();
}

void BackendTableModel::removeRowAt(int index)
{
    if (index < 0 || index >= m_rows.size())
        return;
    beginRemoveRows(QModelIndex(), index, index);
    m_rows.removeAt(index);
    endRemoveRows();
    Q_EMIT backendsEdited();
}

bool BackendTableModel::moveRowBy(int index, int delta)
{
    const int target = index + delta;
    if (delta == 0 || index < 0 || index >= m_rows.size() || target < 0 || target >= m_rows.size())
        return false;
    // beginMoveRows wants the destination as "insert before", which is one further when moving down.
    const int destination = delta > 0 ? target + 1 : target;
    beginMoveRows(QModelIndex(), index, index, QModelIndex(), destination);
    m_rows.move(index, target);
    endMoveRows();
    Q_EMIT backendsEdited();
    return true;
}

void BackendTableModel::setErrors(const QList<QString> &addressErrors, const QList<QString> &weightErrors)
{
    bool changed = false;
    for (int i = 0; i < m_rows.size(); ++i) {
        const QString address = addressErrors.value(i);
        const QString weight = weightErrors.value(i);
        if (m_rows[i].addressError != address || m_rows[i].weightError != weight) {
            m_rows[i].addressError = address;
            m_rows[i].weightError = weight;
            changed = true;
        }
    }
    if (changed && !m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, AddressColumn), index(rowCount() - 1, WeightColumn),
                           {Qt::ToolTipRole, ErrorRole, Qt::AccessibleDescriptionRole});
}

void BackendTableModel::setProbeState(int row, ProbeState state, const QString &text)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].probeState = state;
    m_rows[row].probeText = text;
    const QModelIndex cell = index(row, ProbeColumn);
    Q_EMIT dataChanged(cell, cell);
}

void BackendTableModel::clearProbes()
{
    bool any = false;
    for (Row &row : m_rows) {
        any = any || row.probeState != ProbeState::None;
        row.probeState = ProbeState::None;
        row.probeText.clear();
    }
    if (any)
        Q_EMIT dataChanged(index(0, ProbeColumn), index(rowCount() - 1, ProbeColumn));
}

void BackendTableModel::setHopChoices(const QStringList &hops, const QString &ruleVia)
{
    m_hops = hops;
    m_ruleVia = ruleVia;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ViaColumn), index(rowCount() - 1, ViaColumn));
}

QString BackendTableModel::defaultViaText() const
{
    return m_ruleVia.isEmpty() ? tr("direct") : tr("%1 (rule)").arg(m_ruleVia);
}

int BackendTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BackendTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackendTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const QString error = index.column() == AddressColumn  ? row.addressError
                          : index.column() == WeightColumn ? row.weightError
                                                           : QString();

    switch (index.column()) {
    case AddressColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == RawValueRole)
            return row.address;
        break;
    case WeightColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == RawValueRole)
            return row.weight;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case BackupColumn:
        if (role == Qt::CheckStateRole)
            return row.backup ? Qt::Checked : Qt::Unchecked;
        if (role == RawValueRole)
            return row.backup;
        if (role == Qt::ToolTipRole)
            return tr("A backup receives connections only while no primary backend is available");
        break;
    case EnabledColumn:
        if (role == Qt::CheckStateRole)
            return row.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == RawValueRole)
            return row.enabled;
        if (role == Qt::ToolTipRole)
            return tr("A disabled backend stays in the rule but receives no connections");
        break;
    case ViaColumn:
        if (role == Qt::DisplayRole)
            return row.via.isEmpty() ? defaultViaText() : row.via;
        if (role == Qt::EditRole || role == RawValueRole)
            return row.via;
        if (role == Qt::ToolTipRole)
            return tr("The hop this backend is reached through; its address is resolved on the far side");
        break;
    case ProbeColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            switch (row.probeState) {
            case ProbeState::None:
                return QString();
            case ProbeState::Running:
                return tr("Testing…");
            case ProbeState::Succeeded:
                return QString(u"✓ "_s + row.probeText);
            case ProbeState::Failed:
                return QString(u"✗ "_s + row.probeText);
            }
        }
        if (role == RawValueRole)
            return int(row.probeState);
        break;
    default:
        break;
    }
    if (role == ErrorRole)
        return error;
    if ((role == Qt::ToolTipRole || role == Qt::AccessibleDescriptionRole) && !error.isEmpty())
        return error;
    if (role == Qt::ToolTipRole && index.column() == AddressColumn)
        return tr("host:port to connect to, e.g. 127.0.0.1:8080, [::1]:8080 or db.local:5432");
    return {};
}

QVariant BackendTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AddressColumn:
        return tr("Address");
    case WeightColumn:
        return tr("Weight");
    case BackupColumn:
        return tr("Backup");
    case EnabledColumn:
        return tr("Enabled");
    case ViaColumn:
        return tr("Via");
    case ProbeColumn:
        return tr("Test result");
    default:
        return {};
    }
}

Qt::ItemFlags BackendTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    switch (index.column()) {
    case AddressColumn:
    case WeightColumn:
        return base | Qt::ItemIsEditable;
    case ViaColumn:
        return m_hops.isEmpty() ? base : base | Qt::ItemIsEditable;
    case BackupColumn:
    case EnabledColumn:
        return base | Qt::ItemIsUserCheckable;
    default:
        return base;
    }
}

bool BackendTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    bool changed = false;
    switch (index.column()) {
    case AddressColumn:
        if (role != Qt::EditRole)
            return false;
        changed = row.address != value.toString();
        row.address = value.toString();
        break;
    case WeightColumn:
        if (role != Qt::EditRole || !value.canConvert<int>())
            return false;
        changed = row.weight != value.toInt();
        row.weight = value.toInt();
        break;
    case ViaColumn:
        if (role != Qt::EditRole)
            return false;
        changed = row.via != value.toString();
        row.via = value.toString();
        break;
    case BackupColumn:
    case EnabledColumn: {
        if (role != Qt::CheckStateRole)
            return false;
        const bool checked = value.toInt() == Qt::Checked;
        bool &flag = index.column() == BackupColumn ? row.backup : row.enabled;
        changed = flag != checked;
        flag = checked;
        break;
    }
    default:
        return false;
    }
    if (!changed)
        return true;
    QList<int> roles{role, RawValueRole};
    if (role == Qt::EditRole)
        roles.append(Qt::DisplayRole);
    Q_EMIT dataChanged(index, index, roles);
    // A probe result no longer says anything about a changed address.
    if (index.column() == AddressColumn && row.probeState != ProbeState::None)
        setProbeState(index.row(), ProbeState::None);
    Q_EMIT backendsEdited();
    return true;
}

} // namespace PortRelay
