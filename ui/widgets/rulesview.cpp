#include "ui/widgets/rulesview.h"

#include "ui/models/ruletablemodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QStyle>

namespace PortRelay {

RulesView::RulesView(RuleTableModel *rules, QWidget *parent)
    : QTableView(parent)
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("rulesView"));
    m_proxy->setSourceModel(rules);
    m_proxy->setSortRole(RuleTableModel::RawRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    setModel(m_proxy);
    setSortingEnabled(true);
    sortByColumn(RuleTableModel::NameColumn, Qt::AscendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);
    setContextMenuPolicy(Qt::CustomContextMenu);

    // Wide enough for a listen address on every interface with its icon and words, in the user's language.
    const int listenWidth =
        fontMetrics().horizontalAdvance(RuleTableModel::tr("%1 (exposed)").arg(QStringLiteral("0.0.0.0:65535"))) +
        style()->pixelMetric(QStyle::PM_SmallIconSize) + 16;
    const QList<QPair<int, int>> widths{{RuleTableModel::NameColumn, 140},
                                        {RuleTableModel::StateColumn, 240},
                                        {RuleTableModel::ListenColumn, listenWidth},
                                        {RuleTableModel::StrategyColumn, 120},
                                        {RuleTableModel::BackendsColumn, 80},
                                        {RuleTableModel::ConnectionsColumn, 90},
                                        {RuleTableModel::InColumn, 95},
                                        {RuleTableModel::OutColumn, 95}};
    for (const auto &[column, width] : widths)
        setColumnWidth(column, width);

    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, &RulesView::currentRuleChanged);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RulesView::currentRuleChanged);
}

void RulesView::setFilterText(const QString &text)
{
    m_filterText = text;
    m_proxy->setFilterFixedString(text);
}

bool RulesView::isFiltered() const
{
    return !m_filterText.isEmpty() && m_proxy->rowCount() > 0;
}

QString RulesView::currentRuleName() const
{
    const QModelIndex current = selectionModel()->currentIndex();
    if (current.isValid() && selectionModel()->isRowSelected(current.row(), QModelIndex()))
        return current.data(RuleTableModel::NameRole).toString();
    const QStringList selected = selectedRuleNames();
    return selected.isEmpty() ? QString() : selected.constFirst();
}

QStringList RulesView::selectedRuleNames() const
{
    QStringList names;
    const QModelIndexList rows = selectionModel()->selectedRows(RuleTableModel::NameColumn);
    for (const QModelIndex &index : rows)
        names.append(index.data(RuleTableModel::NameRole).toString());
    return names;
}

QStringList RulesView::shownRuleNames() const
{
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        names.append(m_proxy->index(row, 0).data(RuleTableModel::NameRole).toString());
    return names;
}

void RulesView::selectRules(const QStringList &names)
{
    QItemSelection selection;
    QModelIndex first;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (names.contains(index.data(RuleTableModel::NameRole).toString())) {
            selection.select(index, index);
            if (!first.isValid())
                first = index;
        }
    }
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        scrollTo(first);
    }
    // Also when the selection was already this one: the rules behind the names may have changed.
    Q_EMIT currentRuleChanged();
}

void RulesView::selectFirstIfNone()
{
    if (m_proxy->rowCount() == 0 || selectionModel()->hasSelection())
        return;
    selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void RulesView::focusFirstRow()
{
    if (m_proxy->rowCount() == 0)
        return;
    setFocus(Qt::TabFocusReason);
    selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace PortRelay
