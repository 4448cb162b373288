#include "ui/models/hoptablemodel.h"

#include "ui/stateicons.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

BackendState iconState(const QString &state)
{
    if (state == u"up"_s)
        return BackendState::Up;
    if (state == u"down"_s)
        return BackendState::Down;
    return BackendState::Unknown;
}

} // namespace

HopTableModel::HopTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int HopTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HopTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HopTableModel::stateText(const QString &state)
{
    if (state == u"up"_s)
        return tr("Up");
    if (state == u"connecting"_s)
        return tr("Connecting");
    return tr("Down");
}

QVariant HopTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const HopSnapshot &hop = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return hop.name;
        case StateColumn:
            return stateText(hop.state);
        case SinceColumn:
            return hop.sinceEpochMs > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(hop.sinceEpochMs).time(),
                                                             QLocale::ShortFormat)
                                        : QString();
        case ReasonColumn:
            return hop.reason.translated();
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return StateIcons::icon(iconState(hop.state));
        break;
    case Qt::ToolTipRole:
        if (index.column() == ReasonColumn || index.column() == StateColumn)
            return hop.reason.isEmpty() ? QVariant() : QVariant(hop.reason.translated());
        if (index.column() == SinceColumn && hop.sinceEpochMs > 0)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(hop.sinceEpochMs), QLocale::LongFormat);
        break;
    default:
        break;
    }
    return QVariant();
}

QVariant HopTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn:
        return tr("Hop");
    case StateColumn:
        return tr("State");
    case SinceColumn:
        return tr("Since");
    case ReasonColumn:
        return tr("Reason");
    }
    return QVariant();
}

void HopTableModel::applySnapshot(const EngineSnapshot &snapshot)
{
    bool sameHops = snapshot.hops.size() == m_rows.size();
    for (qsizetype i = 0; sameHops && i < m_rows.size(); ++i)
        sameHops = snapshot.hops.at(i).name == m_rows.at(i).name;
    if (!sameHops) {
        beginResetModel();
        m_rows = snapshot.hops;
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const HopSnapshot &now = snapshot.hops.at(i);
        HopSnapshot &row = m_rows[i];
        if (row.state == now.state && row.reason == now.reason && row.sinceEpochMs == now.sinceEpochMs)
            continue;
        row = now;
        Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
    }
}

} // namespace PortRelay
