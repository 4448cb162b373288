#include "ui/widgets/connectionspane.h"

#include "core/engine/enginehost.h"
#include "ui/models/connectiontablemodel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace PortRelay {

ConnectionsPane::ConnectionsPane(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
{
    m_model = new ConnectionTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ConnectionTableModel::RawRole);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("connectionsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ConnectionTableModel::AgeColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_close = toolBar->addAction(tr("Close connection"));
    m_close->setToolTip(tr("Reset the selected connections"));
    m_close->setShortcut(QKeySequence::Delete);
    m_close->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    auto *refresh = toolBar->addAction(tr("Refresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(m_close);
    addAction(refresh);
    m_count = new QLabel(this);
    m_count->setContentsMargins(8, 0, 8, 0);
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addWidget(m_count);

    connect(m_close, &QAction::triggered, this, &ConnectionsPane::closeSelected);
    connect(refresh, &QAction::triggered, m_host, &EngineHost::requestConnections);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConnectionsPane::updateActions);
    connect(m_host, &EngineHost::connectionsListed, this, &ConnectionsPane::onConnectionsListed);

    m_timer.setInterval(RefreshMs);
    connect(&m_timer, &QTimer::timeout, m_host, &EngineHost::requestConnections);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(m_view);
    updateActions();
}

void ConnectionsPane::setRule(const QString &rule)
{
    if (rule == m_rule)
        return;
    m_rule = rule;
    m_view->setColumnHidden(ConnectionTableModel::RuleColumn, !m_rule.isEmpty());
    m_model->setConnections({});
    if (isVisible())
        m_host->requestConnections();
}

void ConnectionsPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_host->requestConnections();
    m_timer.start();
}

void ConnectionsPane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

void ConnectionsPane::onConnectionsListed(const QList<ConnectionInfo> &connections)
{
    if (!isVisible())
        return;
    QList<ConnectionInfo> shown;
    for (const ConnectionInfo &c : connections) {
        if (m_rule.isEmpty() || c.rule == m_rule)
            shown.append(c);
    }
    m_model->setConnections(shown);
    m_count->setText(tr("%n open connection(s)", nullptr, int(shown.size())));
    updateActions();
}

void ConnectionsPane::closeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const ConnectionInfo c = m_model->connectionAt(m_proxy->mapToSource(index).row());
        m_host->closeConnection(c.worker, c.serial);
    }
    m_host->requestConnections();
}

void ConnectionsPane::updateActions()
{
    m_close->setEnabled(m_view->selectionModel()->hasSelection());
}

} // namespace PortRelay
