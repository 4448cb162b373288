#include "ui/dialogs/importpreviewmodel.h"

#include <QApplication>
#include <QStyle>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

ImportPreviewModel::ImportPreviewModel(RuleSetImport *plan, QObject *parent)
    : QAbstractTableModel(parent)
    , m_plan(plan)
{}

void ImportPreviewModel::refresh()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString ImportPreviewModel::resolutionText(RuleSetImport::Resolution resolution)
{
    switch (resolution) {
    case RuleSetImport::Resolution::Replace:
        return tr("Replace the current rule");
    case RuleSetImport::Resolution::Rename:
        return tr("Keep both, rename the imported one");
    case RuleSetImport::Resolution::Skip:
        return tr("Keep the current rule");
    }
    return {};
}

QString ImportPreviewModel::statusText(const RuleSetImport::Entry &entry) const
{
    switch (entry.status) {
    case RuleSetImport::Status::New:
        return tr("new");
    case RuleSetImport::Status::Unchanged:
        return tr("unchanged");
    case RuleSetImport::Status::NameClash:
        if (m_plan->mode() == RuleSetImport::Mode::Replace)
            return tr("replaces existing");
        switch (entry.resolution) {
        case RuleSetImport::Resolution::Replace:
            return tr("replaces existing");
        case RuleSetImport::Resolution::Rename:
            return tr("name clash: added as “%1”").arg(entry.rule.name);
        case RuleSetImport::Resolution::Skip:
            return tr("name clash: skipped");
        }
    }
    return {};
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan->entries().size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RuleSetImport::Entry &entry = m_plan->entries().at(index.row());
    const bool clashInMerge =
        entry.status == RuleSetImport::Status::NameClash && m_plan->mode() == RuleSetImport::Mode::Merge;

    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return entry.rule.name;
        if (role == Qt::ToolTipRole && entry.rule.name != entry.originalName)
            return tr("“%1” in the file").arg(entry.originalName);
        break;
    case ListenColumn:
        if (role == Qt::DisplayRole)
            return entry.rule.listen.toString();
        break;
    case BackendsColumn:
        if (role == Qt::DisplayRole) {
            QStringList addresses;
            for (const Backend &backend : entry.rule.backends)
                addresses.append(backend.address.toString());
            return addresses.join(u", "_s);
        }
        if (role == RawValueRole)
            return int(entry.rule.backends.size());
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole)
            return statusText(entry);
        if (role == RawValueRole)
            return int(entry.status);
        if (role == Qt::ToolTipRole && !entry.problems.isEmpty()) {
            QStringList lines;
            for (const RuleSetIssue &issue : entry.problems)
                lines.append(issue.toTranslatedString(RuleSetIssue::Scope::Rule));
            return lines.join(u'\n');
        }
        if (role == Qt::DecorationRole && !entry.problems.isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        if (role == Qt::DecorationRole && clashInMerge)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        break;
    case ActionColumn:
        if (role == Qt::DisplayRole)
            return clashInMerge ? resolutionText(entry.resolution) : QString();
        if (role == Qt::EditRole || role == RawValueRole)
            return int(entry.resolution);
        break;
    case ProblemsColumn: {
        QStringList lines;
        for (const RuleSetIssue &issue : entry.problems)
            lines.append(issue.toTranslatedString(RuleSetIssue::Scope::Rule));
        if (role == Qt::DisplayRole)
            return lines.isEmpty()     ? QString()
                   : lines.size() == 1 ? lines.first()
                                       : tr("%1 (and %n more)", nullptr, int(lines.size() - 1)).arg(lines.first());
        if (role == Qt::ToolTipRole && !lines.isEmpty())
            return lines.join(u'\n');
        if (role == RawValueRole)
            return int(lines.size());
        break;
    }
    default:
        break;
    }
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Rule");
    case ListenColumn:
        return tr("Listen");
    case BackendsColumn:
        return tr("Backends");
    case StatusColumn:
        return tr("Status");
    case ActionColumn:
        return tr("On name clash");
    case ProblemsColumn:
        return tr("Problems");
    default:
        return {};
    }
}

Qt::ItemFlags ImportPreviewModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    const RuleSetImport::Entry &entry = m_plan->entries().at(index.row());
    if (index.column() == ActionColumn && entry.status == RuleSetImport::Status::NameClash &&
        m_plan->mode() == RuleSetImport::Mode::Merge)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool ImportPreviewModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const int resolution = value.toInt();
    if (resolution < int(RuleSetImport::Resolution::Replace) || resolution > int(RuleSetImport::Resolution::Skip))
        return false;
    if (m_plan->entries().at(index.row()).resolution == RuleSetImport::Resolution(resolution))
        return true;
    m_plan->setResolution(index.row(), RuleSetImport::Resolution(resolution));
    // One change can move names and problems in every row (a rename takes "api (2)" from another).
    refresh();
    Q_EMIT planEdited();
    return true;
}

} // namespace PortRelay
