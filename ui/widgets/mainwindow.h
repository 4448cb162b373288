#pragma once

#include "core/engine/engine.h"
#include "core/engine/enginesnapshot.h"
#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetissue.h"
#include "ui/charts/traffichistory.h"
#include "ui/rulesetedits.h"
#include "ui/tray/traypresence.h"
#include "ui/widgets/closepolicy.h"
#include "ui/widgets/detailtabs.h"
#include "ui/widgets/windowactions.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace PortRelay {

class BackendStatusModel;
class HopTableModel;
class ConnectionsPane;
class EmptyStateWidget;
class EngineHost;
class EventLogModel;
class FilterLineEdit;
class RuleStore;
class RuleTransfer;
class RuleTableModel;
class RulesView;
class Settings;
class StatusTotals;
class TrafficChart;
class TrayIcon;

// The PortRelay window: the rules table with its actions, a detail pane for the selected rule
// (backends, traffic, connections, events), totals in the status bar, and the tray. It owns the
// engine (on its control thread) and the rule store; everything it shows comes from the engine's
// signals and its ~1 Hz snapshots, never from a socket of the data plane.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        QString rulesPath;    // empty: defaultRulesPath()
        QString settingsPath; // empty: the user's QSettings; otherwise an INI file (tests)
        Engine::Options engine;
        int sampleIntervalMs = 1000;
        TrayPresence::Options tray;
    };
    using DetailTab = DetailTabs::Tab;

    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    static QString defaultRulesPath();

    // The paths the actions take after their dialogs, so tests can drive them without one.
    bool addRule(const Rule &rule);
    bool replaceRule(const QString &name, const Rule &rule);
    // Reads path and opens the import preview (an ImportDialog child); a file that cannot be
    // imported gets a message instead, and false. File > Import and a drop both come here.
    bool importFile(const QString &path);
    bool exportFile(const QString &path, bool selectedOnly = false);
    void startRules(const QStringList &names);
    void stopRules(const QStringList &names);
    void deleteRules(const QStringList &names);
    void selectRules(const QStringList &names);
    QStringList selectedRuleNames() const;
    QString currentRuleName() const;
    void showDetailTab(DetailTab tab);
    // Shows, un-minimises and raises the window (a second launch asks for this).
    void showAndRaise();

    RuleStore *store() const { return m_store; }
    EngineHost *engineHost() const { return m_host.get(); }
    RuleTableModel *ruleModel() const { return m_ruleModel; }
    QSortFilterProxyModel *ruleProxy() const;
    BackendStatusModel *backendModel() const { return m_backendModel; }
    EventLogModel *eventModel() const { return m_eventModel; }
    ConnectionsPane *connectionsPane() const;
    TrafficChart *trafficChart() const;
    QTableView *rulesView() const;
    QLineEdit *filterEdit() const;
    QString statusText() const;
    TrayIcon *tray() const;
    bool isQuitting() const { return m_quitting; }
    RuleSetIssues lastIssues() const { return m_lastIssues; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void connectActions();
    void createCentralWidget();
    void createTray();
    void updateTrayRules();
    void restoreSettings();
    void saveSettings();

    void onSampled(const PortRelay::EngineSnapshot &snapshot);
    void onRuleStatusChanged(const PortRelay::RuleStatus &status);
    void onEvent(const PortRelay::EngineEvent &event);
    void onRuleSetChanged();
    void onCurrentRuleChanged();
    void updateActions();
    void updateStatusBar();
    void showRulesContextMenu(const QPoint &position);

    void newRule();
    void editRule();
    void duplicateRules();
    void deleteSelected();
    void setGroupRunning(bool running);
    void setBackendEnabled(const QString &rule, int backend, bool enabled);
    void openRuleEditor(const Rule &initial, const QString &originalName);
    void showPreferences();
    void showAbout();
    void quit();    // the Quit action: asks first while rules forward
    void quitNow(); // the user already chose to quit

    QString currentGroup() const;
    void reportIssues(const QString &title, const QString &text, const RuleSetIssues &issues);
    // Reports a refused edit; true when it was done.
    bool settle(const RuleSetEdits::Outcome &outcome, bool select = true);

    Options m_options;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<EngineHost> m_host;
    RuleStore *m_store = nullptr;
    std::unique_ptr<RuleSetEdits> m_edits;
    std::unique_ptr<ClosePolicy> m_closePolicy;
    TrayPresence *m_trayPresence = nullptr;
    TrafficHistory m_history;
    EngineSnapshot m_lastSnapshot;
    RuleSetIssues m_lastIssues;
    bool m_quitting = false;

    RuleTableModel *m_ruleModel = nullptr;
    BackendStatusModel *m_backendModel = nullptr;
    HopTableModel *m_hopModel = nullptr;
    EventLogModel *m_eventModel = nullptr;

    WindowActions *m_actions = nullptr;
    RuleTransfer *m_transfer = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    QSplitter *m_splitter = nullptr;
    RulesView *m_rulesView = nullptr;
    FilterLineEdit *m_filter = nullptr;
    DetailTabs *m_details = nullptr;
    StatusTotals *m_statusTotals = nullptr;
};

} // namespace PortRelay
