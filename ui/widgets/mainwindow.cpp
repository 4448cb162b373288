#include "ui/widgets/mainwindow.h"

#include "core/engine/enginehost.h"
#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulesetwriter.h"
#include "ui/charts/trafficchart.h"
#include "ui/documentation.h"
#include "ui/humanformat.h"
#include "ui/mnemonictext.h"
#include "ui/models/backendstatusmodel.h"
#include "ui/models/eventlogmodel.h"
#include "ui/models/ruletablemodel.h"
#include "ui/rulestore.h"
#include "ui/settings.h"
#include "ui/stateicons.h"
#include "ui/tray/trayicon.h"
#include "ui/widgets/backendspane.h"
#include "ui/widgets/connectionspane.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/eventlogpane.h"
#include "ui/widgets/filterlineedit.h"
#include "ui/widgets/preferencesdialog.h"
#include "ui/widgets/toolbarfitter.h"
#include "ui/widgets/trafficpane.h"

#include "ui/dialogs/importdialog.h"
#include "ui/dialogs/ruleeditordialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <climits>

namespace PortRelay {

namespace {

QString localJsonFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1)
        return QString();
    const QUrl url = mime->urls().constFirst();
    if (!url.isLocalFile() || !url.toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return QString();
    return url.toLocalFile();
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(Options(), parent)
{}

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_settings(std::make_unique<Settings>(options.settingsPath))
    , m_host(std::make_unique<EngineHost>(options.engine))
{
    if (m_options.rulesPath.isEmpty())
        m_options.rulesPath = defaultRulesPath();
    setWindowTitle(tr("PortRelay"));
    setWindowIcon(StateIcons::appIcon());
    setAcceptDrops(true);

    m_store = new RuleStore(m_host.get(), m_options.rulesPath, this);
    m_edits = std::make_unique<RuleSetEdits>(m_store);
    m_closePolicy = std::make_unique<ClosePolicy>(m_settings.get(), this);
    m_ruleModel = new RuleTableModel(this);
    m_ruleProxy = new QSortFilterProxyModel(this);
    m_ruleProxy->setSourceModel(m_ruleModel);
    m_ruleProxy->setSortRole(RuleTableModel::RawRole);
    m_ruleProxy->setFilterKeyColumn(-1);
    m_ruleProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_backendModel = new BackendStatusModel(this);
    m_eventModel = new EventLogModel(EventLogModel::DefaultCapacity, this);

    createActions();
    createCentralWidget();
    createMenus();
    createToolBar();
    createStatusBar();
    createTray();

    connect(m_host.get(), &EngineHost::sampled, this, &MainWindow::onSampled);
    connect(m_host.get(), &EngineHost::ruleStatusChanged, this, &MainWindow::onRuleStatusChanged);
    connect(m_host.get(), &EngineHost::eventOccurred, this, &MainWindow::onEvent);
    connect(m_store, &RuleStore::ruleSetChanged, this, &MainWindow::onRuleSetChanged);
    connect(m_store, &RuleStore::saveFailed, this, [this](const QString &error) {
        statusBar()->showMessage(tr("Could not save the rules to %1: %2").arg(m_store->path(), error));
    });
    if (m_options.sampleIntervalMs != 1000)
        m_host->setSampleInterval(m_options.sampleIntervalMs);

    RuleSetIssues issues;
    if (!m_store->load(&issues)) {
        // Keep the broken file for the user; the next change writes a fresh one in its place.
        const QString kept = m_options.rulesPath + QStringLiteral(".broken");
        QFile::remove(kept);
        QFile::copy(m_options.rulesPath, kept);
        QTimer::singleShot(0, this, [this, issues, kept] {
            reportIssues(tr("Rules not loaded"),
                         tr("The saved rules could not be read, so PortRelay started without them. The file "
                            "was kept as %1.")
                             .arg(kept),
                         issues);
        });
    }
    onRuleSetChanged();
    restoreSettings();
    updateStatusBar();
}

MainWindow::~MainWindow()
{
    saveSettings();
    m_store->saveNow();
}

QString MainWindow::defaultRulesPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("rules.json"));
}

TrafficChart *MainWindow::trafficChart() const
{
    return m_trafficPane->chart();
}

void MainWindow::createActions()
{
    const QStyle *s = style();
    // One row per action: where it goes, its words, its key, its icon and what it does. Menus, the
    // tool bar, the context menu and the tray place these same objects.
    struct Row
    {
        QAction **action;
        QString text;
        QString toolTip;
        QKeySequence shortcut;
        int icon; // a QStyle::StandardPixmap, or -1
        std::function<void()> triggered;
        QString objectName;
    };
    const QList<Row> rows{
        {&m_newAction, tr("&New Rule…"), tr("Create a forwarding rule"), QKeySequence::New, QStyle::SP_FileIcon,
         [this] { newRule(); }, QStringLiteral("newRuleAction")},
        {&m_editAction,
         tr("&Edit Rule…"),
         tr("Change the selected rule"),
         QKeySequence(Qt::Key_F2),
         QStyle::SP_FileDialogDetailedView,
         [this] { editRule(); },
         {}},
        {&m_duplicateAction,
         tr("D&uplicate"),
         tr("Copy the selected rules (the copies start stopped)"),
         QKeySequence(Qt::CTRL | Qt::Key_D),
         -1,
         [this] { duplicateRules(); },
         {}},
        {&m_deleteAction,
         tr("&Delete"),
         tr("Delete the selected rules (Undo brings them back)"),
         QKeySequence::Delete,
         QStyle::SP_TrashIcon,
         [this] { deleteSelected(); },
         {}},
        {&m_startAction,
         tr("&Start"),
         tr("Start the selected rules"),
         QKeySequence(Qt::Key_F5),
         QStyle::SP_MediaPlay,
         [this] { startRules(selectedRuleNames()); },
         {}},
        {&m_stopAction,
         tr("S&top"),
         tr("Stop the selected rules"),
         QKeySequence(Qt::SHIFT | Qt::Key_F5),
         QStyle::SP_MediaStop,
         [this] { stopRules(selectedRuleNames()); },
         {}},
        {&m_startAllAction,
         tr("Start &All"),
         tr("Start every rule"),
         QKeySequence(Qt::CTRL | Qt::Key_F5),
         -1,
         [this] { startRules(m_store->ruleSet().names()); },
         {}},
        {&m_stopAllAction,
         tr("Stop A&ll"),
         tr("Stop every rule"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5),
         -1,
         [this] { stopRules(m_store->ruleSet().names()); },
         {}},
        {&m_startShownAction,
         tr("Start Rules &Shown"),
         tr("Start the rules the filter shows"),
         {},
         -1,
         [this] { startRules(shownRuleNames()); },
         {}},
        {&m_stopShownAction,
         tr("Stop Rules S&hown"),
         tr("Stop the rules the filter shows"),
         {},
         -1,
         [this] { stopRules(shownRuleNames()); },
         {}},
        {&m_startGroupAction, tr("Start &Group"), {}, {}, -1, [this] { setGroupRunning(true); }, {}},
        {&m_stopGroupAction, tr("Stop G&roup"), {}, {}, -1, [this] { setGroupRunning(false); }, {}},
        {&m_importAction,
         tr("&Import…"),
         tr("Add rules from a rules file"),
         QKeySequence::Open,
         QStyle::SP_DialogOpenButton,
         [this] { importRules(); },
         {}},
        {&m_exportAction,
         tr("&Export All…"),
         tr("Save every rule to a rules file"),
         QKeySequence::Save,
         QStyle::SP_DialogSaveButton,
         [this] { exportRules(false); },
         {}},
        {&m_exportSelectedAction,
         tr("Export &Selected…"),
         tr("Save the selected rules to a rules file"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
         -1,
         [this] { exportRules(true); },
         {}},
        {&m_preferencesAction,
         tr("&Preferences…"),
         {},
         QKeySequence::Preferences,
         -1,
         [this] { showPreferences(); },
         {}},
        {&m_quitAction,
         tr("&Quit"),
         {},
         QKeySequence(Qt::CTRL | Qt::Key_Q),
         -1,
         [this] { quit(); },
         QStringLiteral("quitAction")},
        {&m_findAction,
         tr("&Find…"),
         {},
         QKeySequence::Find,
         -1,
         [this] {
             m_filter->setFocus(Qt::ShortcutFocusReason);
             m_filter->selectAll();
         },
         {}},
        {&m_showAction, tr("&Show PortRelay"), {}, {}, -1, [this] { showAndRaise(); }, {}},
        {&m_documentationAction, tr("&Documentation"), tr("Open the PortRelay documentation"),
         QKeySequence::HelpContents, -1, [this] { QDesktopServices::openUrl(m_documentationAction->data().toUrl()); },
         QStringLiteral("documentationAction")},
        {&m_aboutAction, tr("&About PortRelay"), {}, {}, -1, [this] { showAbout(); }, {}},
    };
    for (const Row &row : rows) {
        auto *action = new QAction(row.text, this);
        if (!row.toolTip.isEmpty())
            action->setToolTip(row.toolTip);
        action->setShortcut(row.shortcut);
        if (row.icon >= 0)
            action->setIcon(s->standardIcon(QStyle::StandardPixmap(row.icon)));
        if (!row.objectName.isEmpty())
            action->setObjectName(row.objectName);
        connect(action, &QAction::triggered, this, row.triggered);
        *row.action = action;
    }
    // Delete acts in the rules table only: in a text field it deletes text.
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_documentationAction->setData(Documentation::entry());

    m_undoAction = m_store->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_store->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_exportAction);
    file->addAction(m_exportSelectedAction);
    file->addSeparator();
    file->addAction(m_preferencesAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_editAction);
    edit->addAction(m_duplicateAction);
    edit->addAction(m_deleteAction);
    edit->addSeparator();
    edit->addAction(m_findAction);

    QMenu *rules = menuBar()->addMenu(tr("&Rules"));
    rules->addAction(m_startAction);
    rules->addAction(m_stopAction);
    rules->addSeparator();
    rules->addAction(m_startAllAction);
    rules->addAction(m_stopAllAction);
    rules->addSeparator();
    rules->addAction(m_startShownAction);
    rules->addAction(m_stopShownAction);
    rules->addSeparator();
    rules->addAction(m_startGroupAction);
    rules->addAction(m_stopGroupAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_documentationAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_newAction);
    toolBar->addAction(m_editAction);
    toolBar->addAction(m_deleteAction);
    toolBar->addSeparator();
    toolBar->addAction(m_startAction);
    toolBar->addAction(m_stopAction);
    toolBar->addSeparator();
    toolBar->addAction(m_importAction);
    toolBar->addAction(m_exportAction);
    // Buttons show the words alone; the menus keep the mnemonic and the ellipsis.
    for (QAction *action : toolBar->actions()) {
        if (!action->isSeparator())
            action->setIconText(MnemonicText::toolButton(action->text()));
    }
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addWidget(m_filter);
    new ToolBarFitter(toolBar); // owned by the tool bar
}

void MainWindow::createCentralWidget()
{
    auto *filter = new FilterLineEdit(this);
    m_filter = filter;
    m_filter->setObjectName(QStringLiteral("ruleFilter"));
    m_filter->setPlaceholderText(tr("Filter rules (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    m_filter->setMinimumWidth(180);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_ruleProxy->setFilterFixedString(text);
        updateActions();
    });
    connect(filter, &FilterLineEdit::listRequested, this, [this] {
        if (m_ruleProxy->rowCount() == 0)
            return;
        m_rulesView->setFocus(Qt::TabFocusReason);
        m_rulesView->selectionModel()->setCurrentIndex(m_ruleProxy->index(0, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });

    m_rulesView = new QTableView(this);
    m_rulesView->setObjectName(QStringLiteral("rulesView"));
    m_rulesView->setModel(m_ruleProxy);
    m_rulesView->setSortingEnabled(true);
    m_rulesView->sortByColumn(RuleTableModel::NameColumn, Qt::AscendingOrder);
    m_rulesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rulesView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_rulesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rulesView->setAlternatingRowColors(true);
    m_rulesView->setWordWrap(false);
    m_rulesView->verticalHeader()->hide();
    m_rulesView->horizontalHeader()->setStretchLastSection(true);
    m_rulesView->horizontalHeader()->setHighlightSections(false);
    m_rulesView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_rulesView->addAction(m_deleteAction);
    // Wide enough for a listen address on every interface with its icon and words, in the user's language.
    const int listenWidth = m_rulesView->fontMetrics().horizontalAdvance(
                                RuleTableModel::tr("%1 (exposed)").arg(QStringLiteral("0.0.0.0:65535"))) +
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
        m_rulesView->setColumnWidth(column, width);
    connect(m_rulesView, &QTableView::customContextMenuRequested, this, &MainWindow::showRulesContextMenu);
    connect(m_rulesView, &QTableView::activated, this, &MainWindow::editRule);
    connect(m_rulesView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onCurrentRuleChanged);
    connect(m_rulesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentRuleChanged);

    m_backendsPane = new BackendsPane(m_backendModel, this);
    connect(m_backendsPane, &BackendsPane::drainRequested, this,
            [this](const QString &rule, int backend, bool draining) {
                m_host->setBackendDraining(rule, backend, draining);
            });
    connect(m_backendsPane, &BackendsPane::checkRequested, this,
            [this](const QString &rule, int backend) { m_host->checkBackendNow(rule, backend); });
    connect(m_backendsPane, &BackendsPane::enableRequested, this, &MainWindow::setBackendEnabled);
    m_trafficPane = new TrafficPane(&m_history, this);
    connect(m_trafficPane, &TrafficPane::settingsChanged, this, [this] {
        m_settings->setValue(Settings::Key::ChartRangeSeconds, m_trafficPane->rangeSeconds());
        m_settings->setValue(Settings::Key::ChartShowsAllRules, m_trafficPane->showsAllRules());
    });
    m_connectionsPane = new ConnectionsPane(m_host.get(), this);
    m_eventsPane = new EventLogPane(m_eventModel, this);

    m_details = new QTabWidget(this);
    m_details->setObjectName(QStringLiteral("detailTabs"));
    m_details->setDocumentMode(true);
    m_details->addTab(m_backendsPane, tr("&Backends"));
    m_details->addTab(m_trafficPane, tr("&Traffic"));
    m_details->addTab(m_connectionsPane, tr("&Connections"));
    m_details->addTab(m_eventsPane, tr("E&vents"));
    auto *detailHeader = new QWidget(this);
    auto *detailHeaderLayout = new QHBoxLayout(detailHeader);
    detailHeaderLayout->setContentsMargins(6, 6, 6, 2);
    detailHeaderLayout->setSpacing(4);
    // The selected rule's exposure repeats the rules table's marker where its details are read.
    m_detailExposure = new QLabel(detailHeader);
    m_detailExposure->setObjectName(QStringLiteral("detailExposure"));
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_detailExposure->setPixmap(StateIcons::icon(EngineEvent::Level::Warning).pixmap(iconSize, iconSize));
    m_detailExposure->setToolTip(tr("Reachable from other machines on the network. Listen on 127.0.0.1 to keep the "
                                    "rule on this computer."));
    m_detailExposure->hide();
    m_detailTitle = new QLabel(detailHeader);
    m_detailTitle->setObjectName(QStringLiteral("detailTitle"));
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    detailHeaderLayout->addWidget(m_detailExposure);
    detailHeaderLayout->addWidget(m_detailTitle);
    m_details->setCornerWidget(detailHeader, Qt::TopRightCorner);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_rulesView);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    m_emptyState = new EmptyStateWidget(this);
    connect(m_emptyState, &EmptyStateWidget::createRequested, this, &MainWindow::newRule);
    connect(m_emptyState, &EmptyStateWidget::importRequested, this, &MainWindow::importRules);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_splitter);
    setCentralWidget(m_stack);
}

void MainWindow::createStatusBar()
{
    m_statusRules = new QLabel(this);
    m_statusRules->setObjectName(QStringLiteral("statusRules"));
    m_statusConnections = new QLabel(this);
    m_statusConnections->setObjectName(QStringLiteral("statusConnections"));
    m_statusThroughput = new QLabel(this);
    m_statusThroughput->setObjectName(QStringLiteral("statusThroughput"));
    for (QLabel *label : {m_statusRules, m_statusConnections, m_statusThroughput}) {
        label->setContentsMargins(8, 0, 8, 0);
        statusBar()->addPermanentWidget(label);
    }
}

void MainWindow::createTray()
{
    m_trayPresence =
        new TrayPresence(m_options.tray, m_settings.get(),
                         {m_showAction, nullptr, m_startAllAction, m_stopAllAction, nullptr, m_quitAction}, this);
    connect(m_trayPresence, &TrayPresence::installed, this, [this] {
        updateTrayRules();
        updateStatusBar();
    });
    connect(m_trayPresence, &TrayPresence::ruleToggled, this, [this](const QString &name, bool start) {
        if (start)
            startRules({name});
        else
            stopRules({name});
    });
    connect(m_trayPresence, &TrayPresence::activated, this, [this] {
        if (isVisible() && !isMinimized() && isActiveWindow())
            hide();
        else
            showAndRaise();
    });
    m_trayPresence->start();
}

TrayIcon *MainWindow::tray() const
{
    return m_trayPresence ? m_trayPresence->icon() : nullptr;
}

void MainWindow::restoreSettings()
{
    restoreGeometry(m_settings->value(Settings::Key::WindowGeometry).toByteArray());
    restoreState(m_settings->value(Settings::Key::WindowState).toByteArray());
    if (!m_splitter->restoreState(m_settings->value(Settings::Key::MainSplitter).toByteArray()))
        m_splitter->setSizes({260, 380});
    m_rulesView->horizontalHeader()->restoreState(m_settings->value(Settings::Key::RulesHeader).toByteArray());
    m_backendsPane->view()->horizontalHeader()->restoreState(
        m_settings->value(Settings::Key::BackendsHeader).toByteArray());
    m_connectionsPane->view()->horizontalHeader()->restoreState(
        m_settings->value(Settings::Key::ConnectionsHeader).toByteArray());
    m_eventsPane->view()->horizontalHeader()->restoreState(
        m_settings->value(Settings::Key::EventsHeader).toByteArray());
    m_details->setCurrentIndex(m_settings->value(Settings::Key::DetailTab).toInt());
    // Read both first: applying one stores the pane's current state of the other.
    const int range = m_settings->value(Settings::Key::ChartRangeSeconds).toInt();
    const bool allRules = m_settings->value(Settings::Key::ChartShowsAllRules).toBool();
    m_trafficPane->setRangeSeconds(range);
    m_trafficPane->setShowsAllRules(allRules);
    if (m_settings->value(Settings::Key::WindowGeometry).toByteArray().isEmpty())
        resize(1180, 760);
}

void MainWindow::saveSettings()
{
    m_settings->setValue(Settings::Key::WindowGeometry, saveGeometry());
    m_settings->setValue(Settings::Key::WindowState, saveState());
    m_settings->setValue(Settings::Key::MainSplitter, m_splitter->saveState());
    m_settings->setValue(Settings::Key::RulesHeader, m_rulesView->horizontalHeader()->saveState());
    m_settings->setValue(Settings::Key::BackendsHeader, m_backendsPane->view()->horizontalHeader()->saveState());
    m_settings->setValue(Settings::Key::ConnectionsHeader, m_connectionsPane->view()->horizontalHeader()->saveState());
    m_settings->setValue(Settings::Key::EventsHeader, m_eventsPane->view()->horizontalHeader()->saveState());
    m_settings->setValue(Settings::Key::DetailTab, m_details->currentIndex());
    m_settings->sync();
}

void MainWindow::onSampled(const EngineSnapshot &snapshot)
{
    m_lastSnapshot = snapshot;
    m_ruleModel->applySnapshot(snapshot);
    m_backendModel->applySnapshot(snapshot);

    QHash<QString, TrafficHistory::Sample> perRule;
    for (int row = 0; row < m_ruleModel->rowCount(); ++row) {
        const RuleTableModel::Traffic t = m_ruleModel->trafficAt(row);
        perRule.insert(m_ruleModel->nameAt(row),
                       TrafficHistory::Sample{t.inPerSecond, t.outPerSecond, double(t.connections)});
    }
    const RuleTableModel::Totals totals = m_ruleModel->totals();
    m_history.push(perRule, TrafficHistory::Sample{totals.traffic.inPerSecond, totals.traffic.outPerSecond,
                                                   double(totals.traffic.connections)});
    m_trafficPane->chart()->refresh();
    updateStatusBar();
}

void MainWindow::onRuleStatusChanged(const RuleStatus &status)
{
    const int row = m_ruleModel->rowOf(status.name);
    const RuleState previous = m_ruleModel->stateAt(row);
    m_ruleModel->setStatus(status);
    m_trayPresence->ruleStatusChanged(previous, status);
    updateActions();
    updateTrayRules();
    updateStatusBar();
}

void MainWindow::onEvent(const EngineEvent &event)
{
    m_eventModel->addEvent(event);
    m_trayPresence->eventOccurred(event);
}

void MainWindow::onRuleSetChanged()
{
    const RuleSet &set = m_store->ruleSet();
    m_ruleModel->setRuleSet(set);
    QStringList names;
    for (const Rule &rule : set.rules)
        names.append(rule.name);
    m_eventsPane->setRuleNames(names);
    const bool empty = set.rules.isEmpty();
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyState) : m_splitter);
    m_filter->setEnabled(!empty);
    if (!empty && !m_rulesView->selectionModel()->hasSelection()) {
        const QModelIndex first = m_ruleProxy->index(0, 0);
        m_rulesView->selectionModel()->setCurrentIndex(first,
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    onCurrentRuleChanged();
    updateTrayRules();
    updateStatusBar();
}

void MainWindow::onCurrentRuleChanged()
{
    const QString name = currentRuleName();
    const Rule *rule = m_store->ruleSet().find(name);
    m_backendModel->setRule(rule ? std::optional<Rule>(*rule) : std::nullopt);
    m_backendModel->applySnapshot(m_lastSnapshot);
    m_trafficPane->setSelectedRule(name);
    m_connectionsPane->setRule(name);
    const bool exposed = rule && !rule->listen.isLoopback();
    if (name.isEmpty())
        m_detailTitle->setText(tr("No rule selected"));
    else if (exposed)
        m_detailTitle->setText(tr("%1 — exposed on %2").arg(name, rule->listen.toString()));
    else
        m_detailTitle->setText(name);
    m_detailTitle->setToolTip(exposed ? m_detailExposure->toolTip() : QString());
    m_detailExposure->setVisible(exposed);
    updateActions();
}

QString MainWindow::currentRuleName() const
{
    const QModelIndex current = m_rulesView->selectionModel()->currentIndex();
    if (current.isValid() && m_rulesView->selectionModel()->isRowSelected(current.row(), QModelIndex()))
        return current.data(RuleTableModel::NameRole).toString();
    const QStringList selected = selectedRuleNames();
    return selected.isEmpty() ? QString() : selected.constFirst();
}

QStringList MainWindow::selectedRuleNames() const
{
    QStringList names;
    const QModelIndexList rows = m_rulesView->selectionModel()->selectedRows(RuleTableModel::NameColumn);
    for (const QModelIndex &index : rows)
        names.append(index.data(RuleTableModel::NameRole).toString());
    return names;
}

QStringList MainWindow::shownRuleNames() const
{
    QStringList names;
    for (int row = 0; row < m_ruleProxy->rowCount(); ++row)
        names.append(m_ruleProxy->index(row, 0).data(RuleTableModel::NameRole).toString());
    return names;
}

QString MainWindow::currentGroup() const
{
    const Rule *rule = m_store->ruleSet().find(currentRuleName());
    return rule ? rule->group : QString();
}

void MainWindow::selectRules(const QStringList &names)
{
    QItemSelection selection;
    QModelIndex first;
    for (int row = 0; row < m_ruleProxy->rowCount(); ++row) {
        const QModelIndex index = m_ruleProxy->index(row, 0);
        if (names.contains(index.data(RuleTableModel::NameRole).toString())) {
            selection.select(index, index);
            if (!first.isValid())
                first = index;
        }
    }
    QItemSelectionModel *model = m_rulesView->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_rulesView->scrollTo(first);
    }
    onCurrentRuleChanged();
}

void MainWindow::updateActions()
{
    const QStringList selected = selectedRuleNames();
    const bool any = !selected.isEmpty();
    const bool hasRules = !m_store->ruleSet().rules.isEmpty();
    m_editAction->setEnabled(!currentRuleName().isEmpty());
    m_duplicateAction->setEnabled(any);
    m_deleteAction->setEnabled(any);
    m_exportSelectedAction->setEnabled(any);
    m_exportAction->setEnabled(hasRules);
    bool canStart = false;
    bool canStop = false;
    for (const QString &name : selected) {
        if (const Rule *rule = m_store->ruleSet().find(name)) {
            const RuleState state = m_ruleModel->stateAt(m_ruleModel->rowOf(name));
            canStart = canStart || !rule->enabled || state == RuleState::Failed || state == RuleState::Waiting;
            canStop = canStop || rule->enabled;
        }
    }
    m_startAction->setEnabled(canStart);
    m_stopAction->setEnabled(canStop);
    m_startAllAction->setEnabled(hasRules);
    m_stopAllAction->setEnabled(hasRules);
    const bool filtered = !m_filter->text().isEmpty() && m_ruleProxy->rowCount() > 0;
    m_startShownAction->setEnabled(filtered);
    m_stopShownAction->setEnabled(filtered);
    const QString group = currentGroup();
    m_startGroupAction->setEnabled(!group.isEmpty());
    m_stopGroupAction->setEnabled(!group.isEmpty());
    m_startGroupAction->setText(group.isEmpty() ? tr("Start &Group") : tr("Start &Group “%1”").arg(group));
    m_stopGroupAction->setText(group.isEmpty() ? tr("Stop G&roup") : tr("Stop G&roup “%1”").arg(group));
}

void MainWindow::updateStatusBar()
{
    const RuleTableModel::Totals totals = m_ruleModel->totals();
    m_statusRules->setText(tr("%1 of %n rule(s) running", nullptr, totals.total).arg(totals.running));
    m_statusConnections->setText(
        tr("%n connection(s)", nullptr, int(qMin<qint64>(totals.traffic.connections, INT_MAX))));
    m_statusThroughput->setText(
        tr("In %1 · Out %2")
            .arg(HumanFormat::rate(totals.traffic.inPerSecond), HumanFormat::rate(totals.traffic.outPerSecond)));
    TrayIcon *trayIcon = tray();
    if (!trayIcon)
        return;
    QStringList down;
    for (const RuleSnapshot &rule : m_lastSnapshot.rules) {
        for (const BackendSnapshot &backend : rule.backends) {
            if (backend.state == BackendState::Down)
                down.append(tr("%1: %2 down").arg(rule.status.name, backend.address));
        }
    }
    trayIcon->setState(TrayIcon::stateFor(totals), statusText(), down);
}

void MainWindow::updateTrayRules()
{
    TrayIcon *trayIcon = tray();
    if (!trayIcon)
        return;
    QList<TrayIcon::RuleItem> items;
    for (const Rule &rule : m_store->ruleSet().rules) {
        const int row = m_ruleModel->rowOf(rule.name);
        items.append({rule.name, StateIcons::text(m_ruleModel->stateAt(row)), rule.enabled});
    }
    trayIcon->setRules(items);
}

QString MainWindow::statusText() const
{
    return QStringList{m_statusRules->text(), m_statusConnections->text(), m_statusThroughput->text()}.join(
        QStringLiteral(", "));
}

void MainWindow::showRulesContextMenu(const QPoint &position)
{
    QMenu menu(this);
    if (m_rulesView->indexAt(position).isValid()) {
        menu.addAction(m_editAction);
        menu.addAction(m_duplicateAction);
        menu.addAction(m_deleteAction);
        menu.addSeparator();
        menu.addAction(m_startAction);
        menu.addAction(m_stopAction);
        if (!currentGroup().isEmpty()) {
            menu.addSeparator();
            menu.addAction(m_startGroupAction);
            menu.addAction(m_stopGroupAction);
        }
        menu.addSeparator();
        menu.addAction(m_exportSelectedAction);
    } else {
        menu.addAction(m_newAction);
        menu.addAction(m_importAction);
    }
    menu.exec(m_rulesView->viewport()->mapToGlobal(position));
}

void MainWindow::newRule()
{
    Rule rule;
    rule.listen.port = 0; // the editor asks for it; it is the one thing a new rule needs
    openRuleEditor(rule, QString());
}

void MainWindow::editRule()
{
    const QString name = currentRuleName();
    if (const Rule *rule = m_store->ruleSet().find(name))
        openRuleEditor(*rule, name);
}

void MainWindow::openRuleEditor(const Rule &initial, const QString &originalName)
{
    RuleSet others = m_store->ruleSet();
    others.rules.removeIf([&originalName](const Rule &rule) { return rule.name == originalName; });
    auto *dialog = new RuleEditorDialog(initial, others, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!originalName.isEmpty())
        dialog->setRuleStatus(m_ruleModel->statusAt(m_ruleModel->rowOf(originalName)));
    connect(dialog, &QDialog::accepted, this, [this, dialog, originalName] {
        if (originalName.isEmpty())
            addRule(dialog->rule());
        else
            replaceRule(originalName, dialog->rule());
    });
    dialog->open();
}

bool MainWindow::addRule(const Rule &rule)
{
    return settle(m_edits->add(rule));
}

bool MainWindow::replaceRule(const QString &name, const Rule &rule)
{
    return settle(m_edits->replace(name, rule));
}

bool MainWindow::settle(const RuleSetEdits::Outcome &outcome, bool select)
{
    if (!outcome) {
        reportIssues(outcome.title, outcome.text, outcome.issues);
        return false;
    }
    if (select && !outcome.names.isEmpty())
        selectRules(outcome.names);
    return true;
}

void MainWindow::duplicateRules()
{
    settle(m_edits->duplicate(selectedRuleNames()));
}

void MainWindow::deleteSelected()
{
    deleteRules(selectedRuleNames());
}

void MainWindow::deleteRules(const QStringList &names)
{
    if (names.isEmpty() || !settle(m_edits->remove(names)))
        return;
    const QString message = tr("Deleted %n rule(s). Undo (%1) brings them back.", nullptr, int(names.size()))
                                .arg(m_undoAction->shortcut().toString(QKeySequence::NativeText));
    statusBar()->showMessage(message, 10000);
    // Once undone, the advice is stale; the next change of any kind ends the watch.
    const int deletedAt = m_store->undoStack()->index();
    connect(
        m_store->undoStack(), &QUndoStack::indexChanged, statusBar(),
        [bar = statusBar(), message, deletedAt](int index) {
            if (index < deletedAt && bar->currentMessage() == message)
                bar->clearMessage();
        },
        Qt::SingleShotConnection);
}

void MainWindow::startRules(const QStringList &names)
{
    settle(m_edits->setRunning(names, true), false);
    updateActions();
}

void MainWindow::stopRules(const QStringList &names)
{
    settle(m_edits->setRunning(names, false), false);
    updateActions();
}

void MainWindow::setGroupRunning(bool running)
{
    const QString group = currentGroup();
    if (group.isEmpty())
        return;
    QStringList names;
    for (const Rule &rule : m_store->ruleSet().rules) {
        if (rule.group == group)
            names.append(rule.name);
    }
    if (running)
        startRules(names);
    else
        stopRules(names);
}

void MainWindow::setBackendEnabled(const QString &ruleName, int backend, bool enabled)
{
    settle(m_edits->setBackendEnabled(ruleName, backend, enabled), false);
    onCurrentRuleChanged();
}

void MainWindow::importRules()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Rules"), QDir::homePath(),
                                                      tr("Rules files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

bool MainWindow::importFile(const QString &path)
{
    const RuleSetImport::Source source = RuleSetImport::read(path);
    if (!source.ok) {
        m_lastIssues = source.issues;
        QMessageBox *box = ImportDialog::failureBox(path, source.issues, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    auto *dialog = new ImportDialog(m_store->ruleSet(), source.ruleSet, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString fileName = QFileInfo(path).fileName();
    dialog->setSourceName(fileName);
    dialog->setRejectedRules(source.rejected);
    connect(dialog, &QDialog::accepted, this, [this, dialog, fileName] {
        const QString outcomeText = dialog->outcomeText();
        if (settle(m_edits->import(dialog->plan(), fileName))) {
            m_lastIssues.clear();
            statusBar()->showMessage(outcomeText, 10000);
        }
    });
    dialog->open();
    return true;
}

void MainWindow::exportRules(bool selectedOnly)
{
    QString path = QFileDialog::getSaveFileName(this, selectedOnly ? tr("Export Selected Rules") : tr("Export Rules"),
                                                QDir(QDir::homePath()).filePath(QStringLiteral("portrelay-rules.json")),
                                                tr("Rules files (*.json)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        path += QStringLiteral(".json");
    exportFile(path, selectedOnly);
}

bool MainWindow::exportFile(const QString &path, bool selectedOnly)
{
    const RuleSet &all = m_store->ruleSet();
    const RuleSet set = selectedOnly ? all.selection(selectedRuleNames()) : all;
    QString error;
    if (!RuleSetWriter::writeFile(path, set, &error)) {
        QMessageBox *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"),
                                           tr("Could not write %1: %2").arg(path, error), QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    statusBar()->showMessage(tr("Exported %n rule(s) to %1", nullptr, int(set.rules.size())).arg(path), 5000);
    return true;
}

void MainWindow::reportIssues(const QString &title, const QString &text, const RuleSetIssues &issues)
{
    m_lastIssues = issues;
    QStringList lines;
    for (const RuleSetIssue &issue : issues.mid(0, 20))
        lines.append(issue.toTranslatedString());
    if (issues.size() > 20)
        lines.append(tr("… and %n more", nullptr, int(issues.size() - 20)));
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setInformativeText(lines.join(u'\n'));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showDetailTab(DetailTab tab)
{
    m_details->setCurrentIndex(int(tab));
}

void MainWindow::showAndRaise()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(m_settings.get(), tray() != nullptr, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About PortRelay"),
                       tr("<h3>PortRelay %1</h3><p>A port-forwarding manager with a load-balancing engine.</p>"
                          "<p>Rules are saved in %2.</p><p>Free software under the GNU General Public License, "
                          "version 3 or later.</p>")
                           .arg(QCoreApplication::applicationVersion(), m_store->path().toHtmlEscaped()));
}

void MainWindow::quit()
{
    if (m_closePolicy->confirmQuit(m_ruleModel->totals().running))
        quitNow();
}

void MainWindow::quitNow()
{
    m_quitting = true;
    saveSettings();
    m_store->saveNow();
    QCoreApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    if (m_quitting) {
        m_store->saveNow();
        QMainWindow::closeEvent(event);
        return;
    }
    switch (m_closePolicy->closeRequested(tray() != nullptr, m_ruleModel->totals().running)) {
    case ClosePolicy::Action::Cancel:
        event->ignore();
        return;
    case ClosePolicy::Action::Quit:
        event->accept();
        quitNow();
        return;
    case ClosePolicy::Action::HideToTray:
        hide();
        event->ignore();
        m_store->saveNow();
        // Once: a window that vanishes while its rules go on should say where it went.
        if (m_closePolicy->takeTrayHint())
            m_trayPresence->sayStillRunning();
        return;
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localJsonFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = localJsonFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    // After the drop returns, so the drag source is not kept waiting on a dialog.
    QTimer::singleShot(0, this, [this, path] { importFile(path); });
}

} // namespace PortRelay
