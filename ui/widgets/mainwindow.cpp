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
#include "ui/tray/trayavailabilitywatcher.h"
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
#include <QApplication>
#include <QCheckBox>
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
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QWindow>

#include <climits>

namespace PortRelay {

namespace {

QString uniqueName(const QString &base, const RuleSet &set)
{
    QString name = base.left(60);
    for (int n = 2; set.find(name); ++n)
        name = base.left(56) + QStringLiteral(" ") + QString::number(n);
    return name;
}

quint16 unusedPort(quint16 from, const RuleSet &set)
{
    QSet<quint16> used;
    for (const Rule &rule : set.rules)
        used.insert(rule.listen.port);
    quint16 port = from;
    while (port < 65535 && used.contains(port))
        ++port;
    return port;
}

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
    const auto make = [this](const QString &text, const QString &toolTip = QString()) {
        auto *action = new QAction(text, this);
        if (!toolTip.isEmpty())
            action->setToolTip(toolTip);
        return action;
    };
    const QStyle *s = style();

    m_newAction = make(tr("&New Rule…"), tr("Create a forwarding rule"));
    m_newAction->setObjectName(QStringLiteral("newRuleAction"));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setIcon(s->standardIcon(QStyle::SP_FileIcon));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newRule);

    m_editAction = make(tr("&Edit Rule…"), tr("Change the selected rule"));
    m_editAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_editAction->setIcon(s->standardIcon(QStyle::SP_FileDialogDetailedView));
    connect(m_editAction, &QAction::triggered, this, &MainWindow::editRule);

    m_duplicateAction = make(tr("D&uplicate"), tr("Copy the selected rules (the copies start stopped)"));
    m_duplicateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_duplicateAction, &QAction::triggered, this, &MainWindow::duplicateRules);

    m_deleteAction = make(tr("&Delete"), tr("Delete the selected rules (Undo brings them back)"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deleteAction->setIcon(s->standardIcon(QStyle::SP_TrashIcon));
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelected);

    m_undoAction = m_store->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_store->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);

    m_startAction = make(tr("&Start"), tr("Start the selected rules"));
    m_startAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_startAction->setIcon(s->standardIcon(QStyle::SP_MediaPlay));
    connect(m_startAction, &QAction::triggered, this, [this] { startRules(selectedRuleNames()); });

    m_stopAction = make(tr("S&top"), tr("Stop the selected rules"));
    m_stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stopAction->setIcon(s->standardIcon(QStyle::SP_MediaStop));
    connect(m_stopAction, &QAction::triggered, this, [this] { stopRules(selectedRuleNames()); });

    m_startAllAction = make(tr("Start &All"), tr("Start every rule"));
    m_startAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    connect(m_startAllAction, &QAction::triggered, this, [this] {
        QStringList names;
        for (const Rule &rule : m_store->ruleSet().rules)
            names.append(rule.name);
        startRules(names);
    });

    m_stopAllAction = make(tr("Stop A&ll"), tr("Stop every rule"));
    m_stopAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5));
    connect(m_stopAllAction, &QAction::triggered, this, [this] {
        QStringList names;
        for (const Rule &rule : m_store->ruleSet().rules)
            names.append(rule.name);
        stopRules(names);
    });

    m_startShownAction = make(tr("Start Rules &Shown"), tr("Start the rules the filter shows"));
    connect(m_startShownAction, &QAction::triggered, this, [this] { startRules(shownRuleNames()); });
    m_stopShownAction = make(tr("Stop Rules S&hown"), tr("Stop the rules the filter shows"));
    connect(m_stopShownAction, &QAction::triggered, this, [this] { stopRules(shownRuleNames()); });

    m_startGroupAction = make(tr("Start &Group"));
    connect(m_startGroupAction, &QAction::triggered, this, [this] { setGroupRunning(true); });
    m_stopGroupAction = make(tr("Stop G&roup"));
    connect(m_stopGroupAction, &QAction::triggered, this, [this] { setGroupRunning(false); });

    m_importAction = make(tr("&Import…"), tr("Add rules from a rules file"));
    m_importAction->setShortcut(QKeySequence::Open);
    m_importAction->setIcon(s->standardIcon(QStyle::SP_DialogOpenButton));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importRules);

    m_exportAction = make(tr("&Export All…"), tr("Save every rule to a rules file"));
    m_exportAction->setShortcut(QKeySequence::Save);
    m_exportAction->setIcon(s->standardIcon(QStyle::SP_DialogSaveButton));
    connect(m_exportAction, &QAction::triggered, this, [this] { exportRules(false); });

    m_exportSelectedAction = make(tr("Export &Selected…"), tr("Save the selected rules to a rules file"));
    m_exportSelectedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_exportSelectedAction, &QAction::triggered, this, [this] { exportRules(true); });

    m_preferencesAction = make(tr("&Preferences…"));
    m_preferencesAction->setShortcut(QKeySequence::Preferences);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);

    m_quitAction = make(tr("&Quit"));
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quit);

    m_findAction = make(tr("&Find…"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    m_showAction = make(tr("&Show PortRelay"));
    connect(m_showAction, &QAction::triggered, this, &MainWindow::showAndRaise);

    m_documentationAction = make(tr("&Documentation"), tr("Open the PortRelay documentation"));
    m_documentationAction->setObjectName(QStringLiteral("documentationAction"));
    m_documentationAction->setShortcut(QKeySequence::HelpContents);
    m_documentationAction->setData(Documentation::entry());
    connect(m_documentationAction, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(m_documentationAction->data().toUrl()); });

    m_aboutAction = make(tr("&About PortRelay"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
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
    if (!m_options.useTray)
        return;
    const std::function<bool()> available =
        m_options.trayAvailable ? m_options.trayAvailable : [] { return QSystemTrayIcon::isSystemTrayAvailable(); };
    if (available() || m_options.forceTray) {
        installTray();
        return;
    }
    // A panel that starts after PortRelay (both from the session's autostart) brings its tray later.
    m_trayWatcher =
        new TrayAvailabilityWatcher(available, m_options.trayPollIntervalMs, m_options.trayPollAttempts, this);
    connect(m_trayWatcher, &TrayAvailabilityWatcher::available, this, [this] {
        installTray();
        updateTrayRules();
        updateStatusBar();
    });
    m_trayWatcher->start();
}

void MainWindow::installTray()
{
    if (m_tray)
        return;
    m_tray = new TrayIcon({m_showAction, nullptr, m_startAllAction, m_stopAllAction, nullptr, m_quitAction}, this);
    connect(m_tray, &TrayIcon::ruleToggled, this, [this](const QString &name, bool start) {
        if (start)
            startRules({name});
        else
            stopRules({name});
    });
    connect(m_tray, &TrayIcon::activated, this, [this] {
        if (isVisible() && !isMinimized() && isActiveWindow())
            hide();
        else
            showAndRaise();
    });
    // The window may close while rules run on in the tray.
    QApplication::setQuitOnLastWindowClosed(false);
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
    if ((status.state == RuleState::Failed || status.state == RuleState::Waiting) && previous != status.state)
        notify(QStringLiteral("rule\n") + status.name, tr("Rule %1 failed to start").arg(status.name),
               status.reason.translated(), true);
    updateActions();
    updateTrayRules();
    updateStatusBar();
}

void MainWindow::onEvent(const EngineEvent &event)
{
    m_eventModel->addEvent(event);
    if (event.kind != EngineEvent::Kind::BackendStateChanged)
        return;
    // One throttle key per backend: a flapping backend is limited on its own, not at its neighbours' cost.
    const QString key = QStringLiteral("backend\n") + event.rule + u'\n' + event.backend;
    if (event.to == BackendState::Down) {
        notify(key, tr("Backend down"),
               tr("%1 of rule %2 is down: %3").arg(event.backend, event.rule, event.message.translated()), true);
    } else if (event.to == BackendState::Up && event.from == BackendState::Down) {
        notify(key, tr("Backend up"), tr("%1 of rule %2 is back up").arg(event.backend, event.rule), false);
    }
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
    if (!m_tray)
        return;
    QStringList down;
    for (const RuleSnapshot &rule : m_lastSnapshot.rules) {
        for (const BackendSnapshot &backend : rule.backends) {
            if (backend.state == BackendState::Down)
                down.append(tr("%1: %2 down").arg(rule.status.name, backend.address));
        }
    }
    m_tray->setState(TrayIcon::stateFor(totals), statusText(), down);
}

void MainWindow::updateTrayRules()
{
    if (!m_tray)
        return;
    QList<TrayIcon::RuleItem> items;
    for (const Rule &rule : m_store->ruleSet().rules) {
        const int row = m_ruleModel->rowOf(rule.name);
        items.append({rule.name, StateIcons::text(m_ruleModel->stateAt(row)), rule.enabled});
    }
    m_tray->setRules(items);
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
    RuleSet set = m_store->ruleSet();
    set.rules.append(rule);
    RuleSetIssues issues;
    if (!m_store->change(set, tr("New rule %1").arg(rule.name), &issues)) {
        reportIssues(tr("Rule not added"), tr("The rule %1 cannot be added:").arg(rule.name), issues);
        return false;
    }
    selectRules({rule.name});
    return true;
}

bool MainWindow::replaceRule(const QString &name, const Rule &rule)
{
    RuleSet set = m_store->ruleSet();
    for (Rule &existing : set.rules) {
        if (existing.name == name)
            existing = rule;
    }
    RuleSetIssues issues;
    if (!m_store->change(set, tr("Edit rule %1").arg(rule.name), &issues)) {
        reportIssues(tr("Rule not changed"), tr("The rule %1 cannot be changed:").arg(rule.name), issues);
        return false;
    }
    selectRules({rule.name});
    return true;
}

void MainWindow::duplicateRules()
{
    RuleSet set = m_store->ruleSet();
    QStringList copies;
    const QStringList names = selectedRuleNames();
    for (const QString &name : names) {
        const Rule *original = set.find(name);
        if (!original)
            continue;
        Rule copy = *original;
        copy.name = uniqueName(tr("%1 copy").arg(original->name), set);
        copy.listen.port = unusedPort(quint16(original->listen.port + 1), set);
        copy.enabled = false; // a copy starts stopped: the user gives it a port of its own first
        set.rules.append(copy);
        copies.append(copy.name);
    }
    RuleSetIssues issues;
    if (!m_store->change(set, tr("Duplicate %n rule(s)", nullptr, int(copies.size())), &issues)) {
        reportIssues(tr("Rules not duplicated"), tr("The copies cannot be added:"), issues);
        return;
    }
    selectRules(copies);
}

void MainWindow::deleteSelected()
{
    deleteRules(selectedRuleNames());
}

void MainWindow::deleteRules(const QStringList &names)
{
    if (names.isEmpty())
        return;
    RuleSet set = m_store->ruleSet();
    set.rules.removeIf([&names](const Rule &rule) { return names.contains(rule.name); });
    const QString text = names.size() == 1 ? tr("Delete rule %1").arg(names.constFirst())
                                           : tr("Delete %n rule(s)", nullptr, int(names.size()));
    if (m_store->change(set, text)) {
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
}

void MainWindow::startRules(const QStringList &names)
{
    RuleSetIssues issues;
    if (!m_store->setEnabled(names, true, &issues))
        reportIssues(tr("Rules not started"), tr("Starting these rules would make two rules share a port:"), issues);
    updateActions();
}

void MainWindow::stopRules(const QStringList &names)
{
    m_store->setEnabled(names, false);
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
    RuleSet set = m_store->ruleSet();
    for (Rule &rule : set.rules) {
        if (rule.name != ruleName || backend < 0 || backend >= rule.backends.size())
            continue;
        rule.backends[backend].enabled = enabled;
        const QString address = rule.backends[backend].address.toString();
        RuleSetIssues issues;
        const QString text = enabled ? tr("Enable backend %1").arg(address) : tr("Disable backend %1").arg(address);
        if (!m_store->change(set, text, &issues))
            reportIssues(tr("Backend not changed"), tr("The rule %1 cannot be changed:").arg(ruleName), issues);
        onCurrentRuleChanged();
        return;
    }
}

void MainWindow::importRules()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Rules"), QDir::homePath(),
                                                      tr("Rules files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path, ImportMode::Preview);
}

bool MainWindow::importFile(const QString &path, ImportMode mode)
{
    if (mode == ImportMode::Preview) {
        QList<RuleSetParser::RejectedRule> rejected;
        const std::optional<RuleSet> incoming = ImportDialog::readFile(path, this, {}, &rejected);
        if (!incoming)
            return false;
        auto *dialog = new ImportDialog(m_store->ruleSet(), *incoming, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        const QString fileName = QFileInfo(path).fileName();
        dialog->setSourceName(fileName);
        dialog->setRejectedRules(rejected);
        connect(dialog, &QDialog::accepted, this, [this, dialog, fileName] {
            RuleSetIssues issues;
            if (!m_store->change(dialog->result(), tr("Import %1").arg(fileName), &issues))
                reportIssues(tr("Rules not imported"), tr("Nothing was changed:"), issues);
            else
                statusBar()->showMessage(dialog->outcomeText(), 10000);
        });
        dialog->open();
        return true;
    }
    const RuleSetParser::Result parsed = RuleSetParser::parseFile(path);
    if (!parsed.ok()) {
        m_lastIssues = parsed.issues;
        return false;
    }
    RuleSet set = m_store->ruleSet();
    QStringList names;
    for (const Rule &rule : parsed.ruleSet.rules) {
        names.append(rule.name);
        bool replaced = false;
        for (Rule &existing : set.rules) {
            if (existing.name == rule.name) {
                existing = rule;
                replaced = true;
            }
        }
        if (!replaced)
            set.rules.append(rule);
    }
    RuleSetIssues issues;
    if (!m_store->change(set, tr("Import %1").arg(QFileInfo(path).fileName()), &issues)) {
        m_lastIssues = issues;
        return false;
    }
    m_lastIssues.clear();
    selectRules(names);
    statusBar()->showMessage(tr("Imported %n rule(s)", nullptr, int(names.size())), 5000);
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
    RuleSet set = m_store->ruleSet();
    if (selectedOnly) {
        const QStringList names = selectedRuleNames();
        set.rules.removeIf([&names](const Rule &rule) { return !names.contains(rule.name); });
    }
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

void MainWindow::notify(const QString &key, const QString &title, const QString &message, bool warning)
{
    if (m_tray && m_settings->value(Settings::Key::NotifyBackendChanges).toBool())
        m_tray->notify(key, title, message, warning);
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
    auto *dialog = new PreferencesDialog(m_settings.get(), m_tray != nullptr, this);
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
    if (confirmQuit())
        quitNow();
}

bool MainWindow::confirmQuit()
{
    const int running = m_ruleModel->totals().running;
    if (running == 0 || !m_settings->value(Settings::Key::ConfirmQuitWhileRunning).toBool())
        return true;
    QMessageBox box(
        QMessageBox::Question, tr("Quit PortRelay?"),
        tr("%n rule(s) are forwarding. Quitting stops them and closes their connections.", nullptr, running),
        QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("quitConfirmation"));
    QPushButton *quitButton = box.addButton(tr("&Quit"), QMessageBox::DestructiveRole);
    quitButton->setObjectName(QStringLiteral("quitButton"));
    box.setDefaultButton(box.addButton(QMessageBox::Cancel)); // Ctrl+Q then Enter by mistake keeps them
    auto *dontAsk = new QCheckBox(tr("Don't ask again"), &box);
    box.setCheckBox(dontAsk);
    box.exec();
    if (box.clickedButton() != quitButton)
        return false;
    if (dontAsk->isChecked())
        m_settings->setValue(Settings::Key::ConfirmQuitWhileRunning, false);
    return true;
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
    if (m_quitting || !m_tray) {
        m_store->saveNow();
        QMainWindow::closeEvent(event);
        if (!m_tray)
            return;
        QCoreApplication::quit();
        return;
    }
    if (!m_settings->value(Settings::Key::CloseToTrayAsked).toBool()) {
        QMessageBox box(QMessageBox::Question, tr("Keep running?"),
                        tr("Keep your rules running in the system tray when the window is closed?"),
                        QMessageBox::NoButton, this);
        QPushButton *keep = box.addButton(tr("Keep Running in Tray"), QMessageBox::AcceptRole);
        box.addButton(tr("Quit PortRelay"), QMessageBox::DestructiveRole);
        QPushButton *cancel = box.addButton(QMessageBox::Cancel);
        auto *remember = new QCheckBox(tr("Do not ask again"), &box);
        remember->setChecked(true);
        box.setCheckBox(remember);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() == cancel) {
            event->ignore();
            return;
        }
        const bool toTray = box.clickedButton() == keep;
        if (remember->isChecked()) {
            m_settings->setValue(Settings::Key::CloseToTray, toTray);
            m_settings->setValue(Settings::Key::CloseToTrayAsked, true);
        }
        if (!toTray) {
            event->accept();
            quitNow();
            return;
        }
    } else if (!m_settings->value(Settings::Key::CloseToTray).toBool()) {
        event->accept();
        quitNow();
        return;
    }
    hide();
    event->ignore();
    m_store->saveNow();
    // Once: a window that vanishes while its rules go on should say where it went.
    if (!m_settings->value(Settings::Key::TrayHintShown).toBool()) {
        m_settings->setValue(Settings::Key::TrayHintShown, true);
        m_tray->notify(QStringLiteral("hint"), tr("PortRelay is still running"),
                       tr("Your rules keep forwarding. PortRelay is in the system tray; choose Quit there to stop it."),
                       false);
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
    QTimer::singleShot(0, this, [this, path] { importFile(path, ImportMode::Preview); });
}

} // namespace PortRelay
