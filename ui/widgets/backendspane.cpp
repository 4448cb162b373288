#include "ui/widgets/backendspane.h"

#include "ui/models/backendstatusmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace PortRelay {

BackendsPane::BackendsPane(BackendStatusModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(BackendStatusModel::RawRole);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("backendsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->setWordWrap(false);
    const QList<QPair<int, int>> widths{
        {BackendStatusModel::AddressColumn, 190},   {BackendStatusModel::WeightColumn, 60},
        {BackendStatusModel::RoleColumn, 70},       {BackendStatusModel::StateColumn, 100},
        {BackendStatusModel::StateSinceColumn, 90}, {BackendStatusModel::ConnectionsColumn, 60},
        {BackendStatusModel::TotalColumn, 70},      {BackendStatusModel::ShareColumn, 70},
        {BackendStatusModel::FailedColumn, 60},     {BackendStatusModel::BytesInColumn, 80},
        {BackendStatusModel::BytesOutColumn, 80},   {BackendStatusModel::LastCheckColumn, 80},
        {BackendStatusModel::LatencyColumn, 70}};
    for (const auto &[column, width] : widths)
        m_view->setColumnWidth(column, width);

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_drain = toolBar->addAction(tr("Drain"));
    m_drain->setObjectName(QStringLiteral("drainAction"));
    m_drain->setToolTip(tr("Send no new connections to this backend; open ones finish"));
    m_undrain = toolBar->addAction(tr("Undrain"));
    m_undrain->setObjectName(QStringLiteral("undrainAction"));
    m_undrain->setToolTip(tr("Let this backend take new connections again"));
    toolBar->addSeparator();
    m_disable = toolBar->addAction(tr("Disable"));
    m_disable->setObjectName(QStringLiteral("disableAction"));
    m_disable->setToolTip(tr("Take this backend out of the rule (saved)"));
    m_enable = toolBar->addAction(tr("Enable"));
    m_enable->setObjectName(QStringLiteral("enableAction"));
    m_enable->setToolTip(tr("Put this backend back into the rule (saved)"));
    toolBar->addSeparator();
    m_check = toolBar->addAction(tr("Check now"));
    m_check->setObjectName(QStringLiteral("checkNowAction"));
    m_check->setToolTip(tr("Run this backend's health check now"));
    m_view->addActions({m_drain, m_undrain, m_disable, m_enable, m_check});

    connect(m_drain, &QAction::triggered, this,
            [this] { Q_EMIT drainRequested(m_model->ruleName(), currentBackend(), true); });
    connect(m_undrain, &QAction::triggered, this,
            [this] { Q_EMIT drainRequested(m_model->ruleName(), currentBackend(), false); });
    connect(m_disable, &QAction::triggered, this,
            [this] { Q_EMIT enableRequested(m_model->ruleName(), currentBackend(), false); });
    connect(m_enable, &QAction::triggered, this,
            [this] { Q_EMIT enableRequested(m_model->ruleName(), currentBackend(), true); });
    connect(m_check, &QAction::triggered, this,
            [this] { Q_EMIT checkRequested(m_model->ruleName(), currentBackend()); });

    // A click makes the row current before it selects it: following only the current row left the
    // buttons disabled until the next snapshot, so the first click on one was lost.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &BackendsPane::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BackendsPane::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &BackendsPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &BackendsPane::updateActions);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(m_view);
    updateActions();
}

int BackendsPane::currentBackend() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), current.parent()))
        return -1;
    return m_proxy->mapToSource(current).row();
}

void BackendsPane::updateActions()
{
    const int row = currentBackend();
    const std::optional<BackendState> state = m_model->stateAt(row);
    const bool running = row >= 0 && state.has_value() && *state != BackendState::Disabled;
    m_drain->setEnabled(running && *state != BackendState::Draining);
    m_undrain->setEnabled(running && *state == BackendState::Draining);
    m_check->setEnabled(running);
    m_disable->setEnabled(row >= 0 && m_model->isEnabledAt(row));
    m_enable->setEnabled(row >= 0 && !m_model->isEnabledAt(row));
}

} // namespace PortRelay
