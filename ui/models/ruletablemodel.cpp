#include "ui/models/ruletablemodel.h"

#include "core/net/sockets.h"

#include "ui/humanformat.h"
#include "ui/stateicons.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QSet>
#include <QStringList>

#include <cerrno>

namespace PortRelay {

namespace {

QString strategyText(BalanceStrategy strategy)
{
    switch (strategy) {
    case BalanceStrategy::RoundRobin:
        return RuleTableModel::tr("round robin");
    case BalanceStrategy::LeastConnections:
        return RuleTableModel::tr("least connections");
    case BalanceStrategy::SourceHash:
        return RuleTableModel::tr("source hash");
    case BalanceStrategy::Random:
        return RuleTableModel::tr("power of two");
    }
    return QString();
}

} // namespace

RuleTableModel::RuleTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int RuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RuleTableModel::display(const Row &row, int column) const
{
    switch (column) {
    case NameColumn:
        return row.rule.name;
    case StateColumn:
        if (row.status.state == RuleState::Waiting)
            return waitingText(row);
        if (row.status.state == RuleState::Failed && !row.status.reason.isEmpty()) {
            // The cause fits the column ("address already in use"); the tooltip has the sentence.
            const QString cause = row.status.error != 0 ? Sockets::errorMessage(row.status.error).translated()
                                                        : row.status.reason.translated();
            return tr("%1 (%2)").arg(StateIcons::text(row.status.state), cause);
        }
        return StateIcons::text(row.status.state);
    case ListenColumn:
        // In words as well as by the icon: the warning must not hang on an icon or a colour alone.
        return isExposed(row) ? tr("%1 (exposed)").arg(row.rule.listen.toString()) : row.rule.listen.toString();
    case StrategyColumn:
        return strategyText(row.rule.balance);
    case BackendsColumn:
        if (row.backendsUp < 0)
            return tr("– / %1").arg(row.rule.backends.size());
        return tr("%1 / %2").arg(row.backendsUp).arg(row.rule.backends.size());
    case ConnectionsColumn:
        return row.status.state == RuleState::Running ? QVariant(row.traffic.activeConnections) : QVariant();
    case InColumn:
        return row.status.state == RuleState::Running ? HumanFormat::rate(row.rate.inPerSecond) : QString();
    case OutColumn:
        return row.status.state == RuleState::Running ? HumanFormat::rate(row.rate.outPerSecond) : QString();
    case GroupColumn:
        return row.rule.group;
    }
    return QVariant();
}

QVariant RuleTableModel::raw(const Row &row, int column) const
{
    switch (column) {
    case NameColumn:
        return row.rule.name;
    case StateColumn:
        return int(row.status.state);
    case ListenColumn:
        return int(row.rule.listen.port);
    case StrategyColumn:
        return int(row.rule.balance);
    case BackendsColumn:
        return row.backendsUp;
    case ConnectionsColumn:
        return row.traffic.activeConnections;
    case InColumn:
        return row.rate.inPerSecond;
    case OutColumn:
        return row.rate.outPerSecond;
    case GroupColumn:
        return row.rule.group;
    }
    return QVariant();
}

QVariant RuleTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case RawRole:
        return raw(row, index.column());
    case NameRole:
        return row.rule.name;
    case GroupRole:
        return row.rule.group;
    case ExposedRole:
        return isExposed(row);
    case Qt::DecorationRole:
        if (index.column() == ListenColumn && isExposed(row))
            return StateIcons::icon(EngineEvent::Level::Warning);
        if (index.column() == StateColumn)
            return StateIcons::icon(row.status.state);
        if (index.column() == BackendsColumn && row.backendsUp >= 0) {
            // None checked yet (or checks off): neither a tick nor a cross.
            if (row.backendsDown > 0)
                return StateIcons::icon(BackendState::Down);
            return StateIcons::icon(row.backendsUp > 0 ? BackendState::Up : BackendState::Unknown);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StateColumn &&
            (row.status.state == RuleState::Failed || row.status.state == RuleState::Waiting))
            return StateIcons::colour(row.status.state, QGuiApplication::palette());
        if (index.column() == BackendsColumn && row.backendsDown > 0)
            return StateIcons::colour(BackendState::Down, QGuiApplication::palette());
        break;
    case Qt::ToolTipRole:
        if (index.column() == StateColumn) {
            if (row.status.state == RuleState::Failed)
                return tr("Failed: %1").arg(row.status.reason.translated());
            if (row.status.state == RuleState::Waiting) {
                QString tip = tr("Waiting: %1.").arg(row.status.reason.translated());
                if (row.status.retryAtEpochMs > 0) {
                    const QTime next = QDateTime::fromMSecsSinceEpoch(row.status.retryAtEpochMs).time();
                    tip +=
                        u'\n' + tr("PortRelay tries again on its own until the rule can listen; the next try is at %1. "
                                   "To use another port now, edit the rule.")
                                    .arg(QLocale().toString(next, QStringLiteral("HH:mm:ss")));
                }
                return tip;
            }
            if (row.status.state == RuleState::Stopped && row.rule.enabled)
                return tr("Not started yet");
        }
        if (index.column() == NameColumn && !row.rule.description.isEmpty())
            return row.rule.description;
        if (index.column() == ListenColumn && isExposed(row)) {
            return tr("Reachable from other machines on the network. Listen on 127.0.0.1 to keep the rule on "
                      "this computer.");
        }
        if (index.column() == BackendsColumn) {
            if (row.backendsDown > 0)
                return tr("%n backend(s) down", nullptr, row.backendsDown);
            return tr("Backends up / configured");
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= BackendsColumn && index.column() <= OutColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return QVariant();
}

QString RuleTableModel::waitingText(const Row &row) const
{
    // Short enough for the column: what it waits for, from the listen error; the tooltip has the
    // engine's whole sentence.
    const bool loopback = row.rule.listen.isLoopback();
    QString text;
    if (row.status.error == EADDRINUSE)
        text =
            loopback ? tr("port %1 in use").arg(row.rule.listen.port) : tr("%1 in use").arg(row.rule.listen.toString());
    else if (row.status.error == EADDRNOTAVAIL)
        text = tr("waiting for %1 on this machine").arg(row.rule.listen.host);
    else
        text = tr("waiting: %1").arg(row.status.reason.translated());
    if (row.status.retryAtEpochMs > 0) {
        const qint64 left = row.status.retryAtEpochMs - m_nowEpochMs();
        const int seconds = int(qMax<qint64>(0, (left + 999) / 1000));
        text = seconds > 0 ? tr("%1 — retry in %2 s").arg(text).arg(seconds) : tr("%1 — retrying now").arg(text);
    }
    return text;
}

void RuleTableModel::setClock(std::function<qint64()> nowEpochMs)
{
    m_nowEpochMs = std::move(nowEpochMs);
}

RuleStatus RuleTableModel::statusAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].status : RuleStatus();
}

bool RuleTableModel::isExposed(const Row &row)
{
    return !row.rule.listen.isLoopback();
}

QVariant RuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case ListenColumn:
        return tr("Listen");
    case StrategyColumn:
        return tr("Strategy");
    case BackendsColumn:
        return tr("Backends");
    case ConnectionsColumn:
        return tr("Connections");
    case InColumn:
        return tr("In");
    case OutColumn:
        return tr("Out");
    case GroupColumn:
        return tr("Group");
    }
    return QVariant();
}

void RuleTableModel::setRuleSet(const RuleSet &ruleSet)
{
    QSet<QString> wanted;
    for (const Rule &rule : ruleSet.rules)
        wanted.insert(rule.name);

    // Rows of rules that left the set go, in runs from the bottom.
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (wanted.contains(m_rows[row].rule.name)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !wanted.contains(m_rows[first - 1].rule.name))
            --first;
        beginRemoveRows(QModelIndex(), first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    // The survivors are in the set's order when only additions and removals happened; anything
    // else (a reordering) is a reset.
    QStringList survivors;
    for (const Rule &rule : ruleSet.rules) {
        if (rowOf(rule.name) >= 0)
            survivors.append(rule.name);
    }
    for (int i = 0; i < survivors.size(); ++i) {
        if (m_rows[i].rule.name != survivors[i]) {
            beginResetModel();
            QList<Row> rows;
            for (const Rule &rule : ruleSet.rules) {
                const int old = rowOf(rule.name);
                Row r = old >= 0 ? m_rows[old] : Row();
                r.rule = rule;
                if (old < 0)
                    r.status.name = rule.name;
                rows.append(r);
            }
            m_rows = rows;
            endResetModel();
            return;
        }
    }

    // What is left is new: insert each run of new rules where the set has it.
    for (int i = 0; i < ruleSet.rules.size(); ++i) {
        if (i < m_rows.size() && m_rows[i].rule.name == ruleSet.rules[i].name)
            continue;
        int count = 1;
        while (i + count < ruleSet.rules.size() && rowOf(ruleSet.rules[i + count].name) < 0)
            ++count;
        beginInsertRows(QModelIndex(), i, i + count - 1);
        for (int k = 0; k < count; ++k) {
            Row r;
            r.rule = ruleSet.rules[i + k];
            r.status.name = r.rule.name;
            m_rows.insert(i + k, r);
        }
        endInsertRows();
        i += count - 1;
    }

    if (!m_rows.isEmpty()) {
        for (int i = 0; i < m_rows.size(); ++i)
            m_rows[i].rule = ruleSet.rules[i];
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    }
}

void RuleTableModel::setStatus(const RuleStatus &status)
{
    const int row = rowOf(status.name);
    if (row < 0)
        return;
    Row &r = m_rows[row];
    r.status = status;
    if (status.state != RuleState::Running) {
        r.backendsUp = -1;
        r.backendsDown = 0;
        r.traffic = TrafficSample();
        r.rate = Traffic();
        r.previousAtMs = -1;
    }
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void RuleTableModel::applySnapshot(const EngineSnapshot &snapshot)
{
    int first = -1;
    int last = -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        const RuleSnapshot *rs = snapshot.find(r.rule.name);
        const RuleStatus status = rs ? rs->status : r.status;
        Row updated = r;
        updated.status = status;
        if (rs && status.state == RuleState::Running) {
            updated.traffic = rs->traffic;
            int up = 0;
            int down = 0;
            for (const BackendSnapshot &b : rs->backends) {
                up += b.state == BackendState::Up ? 1 : 0;
                down += b.state == BackendState::Down ? 1 : 0;
            }
            updated.backendsUp = up;
            updated.backendsDown = down;
            const qint64 elapsed = snapshot.takenAtMs - r.previousAtMs;
            // Counters start again from zero when a rule changes: no rate from before that.
            if (r.previousAtMs >= 0 && elapsed > 0 && rs->traffic.bytesIn >= r.previousIn &&
                rs->traffic.bytesOut >= r.previousOut) {
                updated.rate.inPerSecond = double(rs->traffic.bytesIn - r.previousIn) * 1000.0 / double(elapsed);
                updated.rate.outPerSecond = double(rs->traffic.bytesOut - r.previousOut) * 1000.0 / double(elapsed);
            } else {
                updated.rate.inPerSecond = 0;
                updated.rate.outPerSecond = 0;
            }
            updated.rate.connections = rs->traffic.activeConnections;
            updated.previousIn = rs->traffic.bytesIn;
            updated.previousOut = rs->traffic.bytesOut;
            updated.previousAtMs = snapshot.takenAtMs;
        } else {
            updated.traffic = TrafficSample();
            updated.backendsUp = -1;
            updated.backendsDown = 0;
            updated.rate = Traffic();
            updated.previousAtMs = -1;
        }
        const bool changed = updated.status.state != r.status.state || updated.status.reason != r.status.reason ||
                             updated.backendsUp != r.backendsUp || updated.backendsDown != r.backendsDown ||
                             updated.traffic.activeConnections != r.traffic.activeConnections ||
                             updated.rate.inPerSecond != r.rate.inPerSecond ||
                             updated.rate.outPerSecond != r.rate.outPerSecond ||
                             updated.status.retryAtEpochMs != r.status.retryAtEpochMs ||
                             updated.status.state == RuleState::Waiting; // its countdown moves on
        r = updated;
        if (changed) {
            if (first < 0)
                first = i;
            last = i;
        }
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, StateColumn), index(last, OutColumn));
}

int RuleTableModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].rule.name == name)
            return i;
    }
    return -1;
}

QString RuleTableModel::nameAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].rule.name : QString();
}

RuleState RuleTableModel::stateAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].status.state : RuleState::Stopped;
}

RuleTableModel::Traffic RuleTableModel::trafficAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].rate : Traffic();
}

RuleTableModel::Totals RuleTableModel::totals() const
{
    Totals t;
    t.total = int(m_rows.size());
    for (const Row &r : m_rows) {
        if (r.status.state == RuleState::Running)
            ++t.running;
        if (r.status.state == RuleState::Failed || r.status.state == RuleState::Waiting)
            ++t.failed;
        t.backendsDown += r.backendsDown;
        t.traffic.inPerSecond += r.rate.inPerSecond;
        t.traffic.outPerSecond += r.rate.outPerSecond;
        t.traffic.connections += r.traffic.activeConnections;
    }
    return t;
}

} // namespace PortRelay
