#pragma once

#include <QTabWidget>

class QLabel;
class QTableView;

namespace PortRelay {

class BackendStatusModel;
class BackendsPane;
class ConnectionsPane;
class EngineHost;
class EventLogModel;
class EventLogPane;
class HopTableModel;
class Settings;
struct Rule;
class TrafficHistory;
class TrafficPane;

// The details of the selected rule, one pane a tab (backends, traffic, connections, events),
// with the rule's name in the corner, marked when the rule listens beyond this computer; and,
// while any run, the hops (every rule's: a hop serves several).
//
// Object names: "detailTabs", "detailTitle", "detailExposure", "hopsView".
class DetailTabs final : public QTabWidget
{
    Q_OBJECT

public:
    // The tabs, in order.
    enum Tab
    {
        Backends,
        Traffic,
        Connections,
        Events,
        Hops // shown while hops run
    };

    DetailTabs(BackendStatusModel *backends, const TrafficHistory *history, EngineHost *host, EventLogModel *events,
               HopTableModel *hops, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DetailTabs)

    BackendsPane *backendsPane() const { return m_backendsPane; }
    TrafficPane *trafficPane() const { return m_trafficPane; }
    ConnectionsPane *connectionsPane() const { return m_connectionsPane; }
    EventLogPane *eventsPane() const { return m_eventsPane; }
    QTableView *hopsView() const { return m_hopsView; }

    // The rule the tabs are about: its name in the corner, and whether it is exposed. rule may be
    // null (none selected, or name is not a rule).
    void showRule(const QString &name, const Rule *rule);

    // The current tab, the panes' column layouts and the chart's range, as the user left them.
    void restoreState(const Settings &settings);
    void saveState(Settings *settings) const;

private:
    BackendsPane *m_backendsPane = nullptr;
    TrafficPane *m_trafficPane = nullptr;
    ConnectionsPane *m_connectionsPane = nullptr;
    EventLogPane *m_eventsPane = nullptr;
    QTableView *m_hopsView = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_exposure = nullptr;
};

} // namespace PortRelay
