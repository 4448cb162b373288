#include "ui/models/backendstatusmodel.h"

#include "ui/humanformat.h"
#include "ui/stateicons.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>

namespace PortRelay {

BackendStatusModel::BackendStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int BackendStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BackendStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<BackendState> BackendStatusModel::state(const Row &row) const
{
    if (!row.backend.enabled)
        return BackendState::Disabled;
    if (row.live)
        return row.live->state;
    return std::nullopt;
}

double BackendStatusModel::share(const Row &row) const
{
    if (!row.live || m_ruleConnections == 0)
        return -1;
    return double(row.live->traffic.connectionsTotal) / double(m_ruleConnections);
}

qint64 BackendStatusModel::timeInState(const Row &row) const
{
    if (!row.live || row.live->stateSinceEpochMs <= 0)
        return -1;
    return qMax<qint64>(0, m_nowEpochMs() - row.live->stateSinceEpochMs);
}

QVariant BackendStatusModel::display(const Row &row, int column) const
{
    switch (column) {
    case AddressColumn:
        return row.backend.address.toString();
    case WeightColumn:
        return row.backend.weight;
    case RoleColumn:
        return row.backend.backup ? tr("backup") : tr("primary");
    case StateColumn:
        if (const std::optional<BackendState> s = state(row))
            return StateIcons::text(*s);
        return tr("–");
    case StateSinceColumn: {
        const qint64 ms = timeInState(row);
        return ms < 0 ? QString() : HumanFormat::duration(ms);
    }
    case ConnectionsColumn:
        return row.live ? QVariant(row.live->traffic.activeConnections) : QVariant();
    case TotalColumn:
        return row.live ? QVariant(qulonglong(row.live->traffic.connectionsTotal)) : QVariant();
    case ShareColumn: {
        const double s = share(row);
        return s < 0 ? QString() : tr("%1 %").arg(QLocale().toString(s * 100, 'f', 1));
    }
    case FailedColumn:
        return row.live ? QVariant(qulonglong(row.live->traffic.connectFailures)) : QVariant();
    case BytesInColumn:
        return row.live ? HumanFormat::bytes(row.live->traffic.bytesIn) : QString();
    case BytesOutColumn:
        return row.live ? HumanFormat::bytes(row.live->traffic.bytesOut) : QString();
    case LastCheckColumn:
        if (!row.live || row.live->lastCheckEpochMs <= 0)
            return QString();
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.live->lastCheckEpochMs).time(),
                                  QStringLiteral("HH:mm:ss"));
    case LatencyColumn:
        return row.live ? HumanFormat::latency(row.live->lastCheckMicros) : QString();
    case LastFailureColumn:
        if (!row.live || row.live->lastFailure.isEmpty())
            return QString();
        // A backend that is up again shows its last failure as history, with the time.
        if (row.live->state == BackendState::Up && row.live->lastFailureEpochMs > 0)
            return tr("%1 (at %2)")
                .arg(row.live->lastFailure.translated(),
                     QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.live->lastFailureEpochMs).time(),
                                        QStringLiteral("HH:mm:ss")));
        return row.live->lastFailure.translated();
    }
    return QVariant();
}

QVariant BackendStatusModel::raw(const Row &row, int column) const
{
    switch (column) {
    case AddressColumn:
        return row.backend.address.toString();
    case WeightColumn:
        return row.backend.weight;
    case RoleColumn:
        return row.backend.backup ? 1 : 0;
    case StateColumn: {
        const std::optional<BackendState> s = state(row);
        return s ? int(*s) : -1;
    }
    case StateSinceColumn:
        return timeInState(row);
    case ConnectionsColumn:
        return row.live ? row.live->traffic.activeConnections : qint64(0);
    case TotalColumn:
        return qulonglong(row.live ? row.live->traffic.connectionsTotal : 0);
    case ShareColumn:
        return share(row);
    case FailedColumn:
        return qulonglong(row.live ? row.live->traffic.connectFailures : 0);
    case BytesInColumn:
        return qulonglong(row.live ? row.live->traffic.bytesIn : 0);
    case BytesOutColumn:
        return qulonglong(row.live ? row.live->traffic.bytesOut : 0);
    case LastCheckColumn:
        return row.live ? row.live->lastCheckEpochMs : qint64(0);
    case LatencyColumn:
        return row.live ? row.live->lastCheckMicros : -1;
    case LastFailureColumn:
        return row.live ? row.live->lastFailure.translated() : QString();
    }
    return QVariant();
}

QVariant BackendStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case RawRole:
        return raw(row, index.column());
    case StateRole: {
        const std::optional<BackendState> s = state(row);
        return s ? int(*s) : -1;
    }
    case Qt::DecorationRole:
        if (index.column() == StateColumn) {
            if (const std::optional<BackendState> s = state(row))
                return StateIcons::icon(*s);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StateColumn) {
            if (const std::optional<BackendState> s = state(row))
                return StateIcons::colour(*s, QGuiApplication::palette());
        }
        if (index.column() == LastFailureColumn && row.live && row.live->state == BackendState::Up)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && !state(row))
            return tr("The rule is not running");
        if (index.column() == LastFailureColumn && row.live && !row.live->lastFailure.isEmpty())
            return row.live->lastFailure.translated();
        if (index.column() == LastCheckColumn && row.live && row.live->lastCheckEpochMs > 0)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.live->lastCheckEpochMs), QLocale::LongFormat);
        if (index.column() == StateSinceColumn && row.live && row.live->stateSinceEpochMs > 0)
            return tr("Since %1")
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.live->stateSinceEpochMs),
                                        QLocale::LongFormat));
        if (index.column() == ShareColumn && share(row) >= 0)
            return tr("%1 of the rule's %2 connections").arg(row.live->traffic.connectionsTotal).arg(m_ruleConnections);
        if ((index.column() == BytesInColumn || index.column() == BytesOutColumn) && row.live)
            return tr("%L1 bytes")
                .arg(index.column() == BytesInColumn ? row.live->traffic.bytesIn : row.live->traffic.bytesOut);
        break;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case WeightColumn:
        case StateSinceColumn:
        case ConnectionsColumn:
        case TotalColumn:
        case ShareColumn:
        case FailedColumn:
        case BytesInColumn:
        case BytesOutColumn:
        case LatencyColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            break;
        }
        break;
    default:
        break;
    }
    return QVariant();
}

QVariant BackendStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case StateSinceColumn:
            return tr("How long the backend has been in its current state");
        case ConnectionsColumn:
            return tr("Connections open now");
        case TotalColumn:
            return tr("Connections relayed to this backend since the rule started");
        case ShareColumn:
            return tr("This backend's part of the rule's relayed connections; compare with the weights");
        case FailedColumn:
            return tr("Connect attempts to this backend that failed since the rule started");
        case BytesInColumn:
            return tr("Bytes from clients sent on to this backend");
        case BytesOutColumn:
            return tr("Bytes from this backend sent on to clients");
        default:
            break;
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AddressColumn:
        return tr("Address");
    case WeightColumn:
        return tr("Weight");
    case RoleColumn:
        return tr("Role");
    case StateColumn:
        return tr("State");
    case StateSinceColumn:
        return tr("For");
    case ConnectionsColumn:
        return tr("Open");
    case TotalColumn:
        return tr("Total");
    case ShareColumn:
        return tr("Share");
    case FailedColumn:
        return tr("Failed");
    case BytesInColumn:
        return tr("In");
    case BytesOutColumn:
        return tr("Out");
    case LastCheckColumn:
        return tr("Last check");
    case LatencyColumn:
        return tr("Latency");
    case LastFailureColumn:
        return tr("Last failure");
    }
    return QVariant();
}

void BackendStatusModel::setRule(const std::optional<Rule> &rule)
{
    const bool sameRule = rule && m_rule && rule->name == m_rule->name;
    if (!sameRule) {
        beginResetModel();
        m_rule = rule;
        m_rows.clear();
        m_ruleConnections = 0;
        if (m_rule) {
            for (const Backend &backend : m_rule->backends)
                m_rows.append(Row{backend, std::nullopt});
        }
        endResetModel();
        return;
    }
    m_rule = rule;
    const int count = int(rule->backends.size());
    if (count < m_rows.size()) {
        beginRemoveRows(QModelIndex(), count, int(m_rows.size()) - 1);
        m_rows.resize(count);
        endRemoveRows();
    } else if (count > m_rows.size()) {
        beginInsertRows(QModelIndex(), int(m_rows.size()), count - 1);
        while (m_rows.size() < count)
            m_rows.append(Row{rule->backends[m_rows.size()], std::nullopt});
        endInsertRows();
    }
    for (int i = 0; i < count; ++i) {
        if (m_rows[i].backend.address != rule->backends[i].address)
            m_rows[i].live.reset();
        m_rows[i].backend = rule->backends[i];
    }
    if (count > 0)
        Q_EMIT dataChanged(index(0, 0), index(count - 1, ColumnCount - 1));
}

void BackendStatusModel::applySnapshot(const EngineSnapshot &snapshot)
{
    if (!m_rule || m_rows.isEmpty())
        return;
    const RuleSnapshot *rs = snapshot.find(m_rule->name);
    const bool running = rs && rs->status.state == RuleState::Running;
    m_ruleConnections = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        // The engine lists the running rule's backends in configured order; an address that
        // differs belongs to a version of the rule not applied yet.
        if (running && i < rs->backends.size() && rs->backends[i].address == row.backend.address.toString())
            row.live = rs->backends[i];
        else
            row.live.reset();
        if (row.live)
            m_ruleConnections += row.live->traffic.connectionsTotal;
    }
    Q_EMIT dataChanged(index(0, StateColumn), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

std::optional<BackendState> BackendStatusModel::stateAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? state(m_rows[row]) : std::nullopt;
}

void BackendStatusModel::setClock(std::function<qint64()> nowEpochMs)
{
    m_nowEpochMs = std::move(nowEpochMs);
}

bool BackendStatusModel::isEnabledAt(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows[row].backend.enabled;
}

} // namespace PortRelay
