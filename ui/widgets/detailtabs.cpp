#include "ui/widgets/detailtabs.h"

#include "core/ruleset/rule.h"
#include "ui/models/hoptablemodel.h"
#include "ui/settings.h"
#include "ui/stateicons.h"
#include "ui/widgets/backendspane.h"
#include "ui/widgets/connectionspane.h"
#include "ui/widgets/eventlogpane.h"
#include "ui/widgets/trafficpane.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTableView>

namespace PortRelay {

DetailTabs::DetailTabs(BackendStatusModel *backends, const TrafficHistory *history, EngineHost *host,
                       EventLogModel *events, HopTableModel *hops, QWidget *parent)
    : QTabWidget(parent)
    , m_backendsPane(new BackendsPane(backends, this))
    , m_trafficPane(new TrafficPane(history, this))
    , m_connectionsPane(new ConnectionsPane(host, this))
    , m_eventsPane(new EventLogPane(events, this))
{
    setObjectName(QStringLiteral("detailTabs"));
    setDocumentMode(true);
    addTab(m_backendsPane, tr("&Backends"));
    addTab(m_trafficPane, tr("&Traffic"));
    addTab(m_connectionsPane, tr("&Connections"));
    addTab(m_eventsPane, tr("E&vents"));
    m_hopsView = new QTableView(this);
    m_hopsView->setObjectName(QStringLiteral("hopsView"));
    m_hopsView->setModel(hops);
    m_hopsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_hopsView->setAlternatingRowColors(true);
    m_hopsView->verticalHeader()->hide();
    m_hopsView->horizontalHeader()->setStretchLastSection(true);
    m_hopsView->setWordWrap(false);
    addTab(m_hopsView, tr("H&ops")); // Alt+H opens the Help menu
    setTabVisible(Hops, false);
    // Shown while hops run, hidden when the last one goes.
    const auto follow = [this, hops] { setTabVisible(Hops, hops->rowCount() > 0); };
    connect(hops, &QAbstractItemModel::modelReset, this, follow);

    auto *header = new QWidget(this);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(6, 6, 6, 2);
    layout->setSpacing(4);
    // The selected rule's exposure repeats the rules table's marker where its details are read.
    m_exposure = new QLabel(header);
    m_exposure->setObjectName(QStringLiteral("detailExposure"));
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_exposure->setPixmap(StateIcons::icon(EngineEvent::Level::Warning).pixmap(iconSize, iconSize));
    m_exposure->setToolTip(tr("Reachable from other machines on the network. Listen on 127.0.0.1 to keep the "
                              "rule on this computer."));
    m_exposure->hide();
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_exposure);
    layout->addWidget(m_title);
    setCornerWidget(header, Qt::TopRightCorner);
}

void DetailTabs::showRule(const QString &name, const Rule *rule)
{
    const bool exposed = rule && !rule->listen.isLoopback();
    if (name.isEmpty())
        m_title->setText(tr("No rule selected"));
    else if (exposed)
        m_title->setText(tr("%1 — exposed on %2").arg(name, rule->listen.toString()));
    else
        m_title->setText(name);
    m_title->setToolTip(exposed ? m_exposure->toolTip() : QString());
    m_exposure->setVisible(exposed);
}

void DetailTabs::restoreState(const Settings &settings)
{
    m_backendsPane->view()->horizontalHeader()->restoreState(
        settings.value(Settings::Key::BackendsHeader).toByteArray());
    m_connectionsPane->view()->horizontalHeader()->restoreState(
        settings.value(Settings::Key::ConnectionsHeader).toByteArray());
    m_eventsPane->view()->horizontalHeader()->restoreState(settings.value(Settings::Key::EventsHeader).toByteArray());
    setCurrentIndex(settings.value(Settings::Key::DetailTab).toInt());
    // Read both first: applying one stores the pane's current state of the other.
    const int range = settings.value(Settings::Key::ChartRangeSeconds).toInt();
    const bool allRules = settings.value(Settings::Key::ChartShowsAllRules).toBool();
    m_trafficPane->setRangeSeconds(range);
    m_trafficPane->setShowsAllRules(allRules);
}

void DetailTabs::saveState(Settings *settings) const
{
    settings->setValue(Settings::Key::BackendsHeader, m_backendsPane->view()->horizontalHeader()->saveState());
    settings->setValue(Settings::Key::ConnectionsHeader, m_connectionsPane->view()->horizontalHeader()->saveState());
    settings->setValue(Settings::Key::EventsHeader, m_eventsPane->view()->horizontalHeader()->saveState());
    settings->setValue(Settings::Key::DetailTab, currentIndex());
}

} // namespace PortRelay
