#include "ui/models/eventlogmodel.h"

#include "ui/stateicons.h"

#include <QLocale>

namespace PortRelay {

EventLogModel::EventLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(BatchDelayMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &EventLogModel::flush);
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::kindText(EngineEvent::Kind kind)
{
    switch (kind) {
    case EngineEvent::Kind::RuleStarted:
        return tr("Rule started");
    case EngineEvent::Kind::RuleStopped:
        return tr("Rule stopped");
    case EngineEvent::Kind::RuleFailed:
        return tr("Rule failed");
    case EngineEvent::Kind::RuleWaiting:
        return tr("Rule waiting");
    case EngineEvent::Kind::RuleChanged:
        return tr("Rule changed");
    case EngineEvent::Kind::BackendStateChanged:
        return tr("Backend state");
    case EngineEvent::Kind::ConnectFailed:
        return tr("Connect failed");
    case EngineEvent::Kind::ClientRefused:
        return tr("Client refused");
    case EngineEvent::Kind::AcceptPaused:
        return tr("Accept paused");
    case EngineEvent::Kind::RuleSetLoaded:
        return tr("Rules loaded");
    case EngineEvent::Kind::RuleSetRejected:
        return tr("Rules rejected");
    case EngineEvent::Kind::HopStateChanged:
        return tr("Hop state");
    }
    return QString();
}

QString EventLogModel::message(const EngineEvent &event) const
{
    if (event.kind == EngineEvent::Kind::BackendStateChanged && !event.backend.isEmpty()) {
        // The words the backends pane uses; the daemon's logs keep backendStateName()'s English.
        const QString change = tr("%1: %2 → %3")
                                   .arg(event.backend, event.from ? StateIcons::text(*event.from) : QString(),
                                        event.to ? StateIcons::text(*event.to) : QString());
        return event.message.isEmpty() ? change : tr("%1 (%2)").arg(change, event.message.translated());
    }
    if (event.kind == EngineEvent::Kind::HopStateChanged) {
        const QString state = event.hopState == u"up"           ? tr("up")
                              : event.hopState == u"connecting" ? tr("connecting")
                                                                : tr("down");
        const QString change = tr("hop %1: %2").arg(event.hop, state);
        return event.message.isEmpty() ? change : tr("%1 (%2)").arg(change, event.message.translated());
    }
    const QString text = event.message.translated();
    if (!event.backend.isEmpty() && !text.contains(event.backend))
        return tr("%1: %2").arg(event.backend, text);
    return text;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const EngineEvent &event = m_events[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(event.time.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
        case SeverityColumn:
            return StateIcons::text(event.level);
        case RuleColumn:
            return event.rule;
        case EventColumn:
            return kindText(event.kind);
        case MessageColumn:
            return message(event);
        }
        break;
    case RawRole:
        switch (index.column()) {
        case TimeColumn:
            return event.time.toMSecsSinceEpoch();
        case SeverityColumn:
            return int(event.level);
        case RuleColumn:
            return event.rule;
        case EventColumn:
            return int(event.kind);
        case MessageColumn:
            return message(event);
        }
        break;
    case LevelRole:
        return int(event.level);
    case RuleRole:
        return event.rule;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return StateIcons::icon(event.level);
        break;
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(event.time.toLocalTime(), QLocale::LongFormat);
        if (index.column() == EventColumn)
            return EngineEvent::kindName(event.kind);
        if (index.column() == MessageColumn)
            return message(event);
        break;
    default:
        break;
    }
    return QVariant();
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case EventColumn:
        return tr("Event");
    case MessageColumn:
        return tr("Message");
    }
    return QVariant();
}

void EventLogModel::addEvent(const EngineEvent &event)
{
    m_pending.push_back(event);
    if (int(m_pending.size()) > m_capacity)
        m_pending.pop_front();
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void EventLogModel::flush()
{
    m_batchTimer.stop();
    if (m_pending.empty())
        return;
    const int incoming = int(m_pending.size());
    const int overflow = int(m_events.size()) + incoming - m_capacity;
    if (overflow > 0) {
        const int drop = qMin(overflow, int(m_events.size()));
        if (drop > 0) {
            beginRemoveRows(QModelIndex(), 0, drop - 1);
            m_events.erase(m_events.begin(), m_events.begin() + drop);
            endRemoveRows();
        }
    }
    const int first = int(m_events.size());
    beginInsertRows(QModelIndex(), first, first + incoming - 1);
    m_events.insert(m_events.end(), m_pending.begin(), m_pending.end());
    m_pending.clear();
    endInsertRows();
}

void EventLogModel::clear()
{
    m_pending.clear();
    m_batchTimer.stop();
    if (m_events.empty())
        return;
    beginRemoveRows(QModelIndex(), 0, int(m_events.size()) - 1);
    m_events.clear();
    endRemoveRows();
}

QString EventLogModel::rowsAsText(const QList<int> &rows) const
{
    QStringList lines;
    for (const int row : rows) {
        if (row < 0 || row >= int(m_events.size()))
            continue;
        const EngineEvent &event = m_events[std::size_t(row)];
        const QDateTime local = event.time.toLocalTime();
        lines.append(QStringList{local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODateWithMs),
                                 EngineEvent::levelName(event.level), event.rule, EngineEvent::kindName(event.kind),
                                 message(event)}
                         .join(u'\t'));
    }
    return lines.isEmpty() ? QString() : lines.join(u'\n') + u'\n';
}

} // namespace PortRelay
