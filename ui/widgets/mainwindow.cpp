#include "ui/widgets/mainwindow.h"

#include "core/engine/enginehost.h"
#include "core/ruleset/rulesetparser.h"
#include "ui/charts/trafficchart.h"
#include "ui/models/backendstatusmodel.h"
#include "ui/models/eventlogmodel.h"
#include "ui/models/hoptablemodel.h"
#include "ui/models/ruletablemodel.h"
#include "ui/rulestore.h"
#include "ui/ruletransfer.h"
#include "ui/settings.h"
#include "ui/stateicons.h"
#include "ui/tray/trayicon.h"
#include "ui/widgets/backendspane.h"
#include "ui/widgets/connectionspane.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/eventlogpane.h"
#include "ui/widgets/filterlineedit.h"
#include "ui/widgets/preferencesdialog.h"
#include "ui/widgets/rulesview.h"
#include "ui/widgets/statustotals.h"
#include "ui/widgets/trafficpane.h"

#include "ui/dialogs/ruleeditordialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

namespace PortRelay {

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

    m_store = new RuleStore(m_host.get(), m_options.rulesPath, this);
    m_edits = std::make_unique<RuleSetEdits>(m_store);
    m_closePolicy = std::make_unique<ClosePolicy>(m_settings.get(), this);
    m_ruleModel = new RuleTableModel(this);
    m_backendModel = new BackendStatusModel(this);
    m_eventModel = new EventLogModel(EventLogModel::DefaultCapacity, this);

    m_actions = new WindowActions(m_store->undoStack(), this);
    m_transfer = new RuleTransfer(m_store, this);
    connect(m_transfer, &RuleTransfer::importAccepted, this,
            [this](const RuleSetImport &plan, const QString &fileName, const QString &outcomeText) {
                if (settle(m_edits->import(plan, fileName))) {
                    m_lastIssues.clear();
                    statusBar()->showMessage(outcomeText, 10000);
                }
            });
    connect(m_transfer, &RuleTransfer::importFailed, this,
            [this](const RuleSetIssues &issues) { m_lastIssues = issues; });
    connect(m_transfer, &RuleTransfer::exported, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connectActions();
    createCentralWidget();
    m_actions->fillMenuBar(this);
    m_actions->addToolBar(this, m_filter);
    m_statusTotals = new StatusTotals(statusBar());
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
    return m_details->trafficPane()->chart();
}

ConnectionsPane *MainWindow::connectionsPane() const
{
    return m_details->connectionsPane();
}

QTableView *MainWindow::rulesView() const
{
    return m_rulesView;
}

QSortFilterProxyModel *MainWindow::ruleProxy() const
{
    return m_rulesView->proxy();
}

QLineEdit *MainWindow::filterEdit() const
{
    return m_filter;
}

void MainWindow::connectActions()
{
    using A = WindowActions;
    // What each action does; WindowActions holds their words, keys and places.
    const QList<QPair<A::Id, std::function<void()>>> behaviours{
        {A::NewRule, [this] { newRule(); }},
        {A::EditRule, [this] { editRule(); }},
        {A::Duplicate, [this] { duplicateRules(); }},
        {A::Delete, [this] { deleteSelected(); }},
        {A::Start, [this] { startRules(selectedRuleNames()); }},
        {A::Stop, [this] { stopRules(selectedRuleNames()); }},
        {A::StartAll, [this] { startRules(m_store->ruleSet().names()); }},
        {A::StopAll, [this] { stopRules(m_store->ruleSet().names()); }},
        {A::StartShown, [this] { startRules(m_rulesView->shownRuleNames()); }},
        {A::StopShown, [this] { stopRules(m_rulesView->shownRuleNames()); }},
        {A::StartGroup, [this] { setGroupRunning(true); }},
        {A::StopGroup, [this] { setGroupRunning(false); }},
        {A::Import, [this] { m_transfer->chooseImport(); }},
        {A::ExportAll, [this] { m_transfer->chooseExport(m_store->ruleSet(), false); }},
        {A::ExportSelected,
         [this] { m_transfer->chooseExport(m_store->ruleSet().selection(selectedRuleNames()), true); }},
        {A::Preferences, [this] { showPreferences(); }},
        {A::Quit, [this] { quit(); }},
        {A::Find,
         [this] {
             m_filter->setFocus(Qt::ShortcutFocusReason);
             m_filter->selectAll();
         }},
        {A::Show, [this] { showAndRaise(); }},
        {A::Documentation, [this] { QDesktopServices::openUrl(m_actions->action(A::Documentation)->data().toUrl()); }},
        {A::About, [this] { showAbout(); }},
    };
    for (const auto &[id, behaviour] : behaviours)
        connect(m_actions->action(id), &QAction::triggered, this, behaviour);
}

void MainWindow::createCentralWidget()
{
    m_filter = new FilterLineEdit(this);
    m_filter->setObjectName(QStringLiteral("ruleFilter"));
    m_filter->setPlaceholderText(tr("Filter rules (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    m_filter->setMinimumWidth(180);

    m_rulesView = new RulesView(m_ruleModel, this);
    m_rulesView->addAction(m_actions->action(WindowActions::Delete));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_rulesView->setFilterText(text);
        updateActions();
    });
    connect(m_filter, &FilterLineEdit::listRequested, m_rulesView, &RulesView::focusFirstRow);
    connect(m_rulesView, &QTableView::customContextMenuRequested, this, &MainWindow::showRulesContextMenu);
    connect(m_rulesView, &QTableView::activated, this, &MainWindow::editRule);
    connect(m_rulesView, &RulesView::currentRuleChanged, this, &MainWindow::onCurrentRuleChanged);

    m_hopModel = new HopTableModel(this);
    m_details = new DetailTabs(m_backendModel, &m_history, m_host.get(), m_eventModel, m_hopModel, this);
    BackendsPane *backends = m_details->backendsPane();
    connect(backends, &BackendsPane::drainRequested, this, [this](const QString &rule, int backend, bool draining) {
        m_host->setBackendDraining(rule, backend, draining);
    });
    connect(backends, &BackendsPane::checkRequested, this,
            [this](const QString &rule, int backend) { m_host->checkBackendNow(rule, backend); });
    connect(backends, &BackendsPane::enableRequested, this, &MainWindow::setBackendEnabled);
    TrafficPane *traffic = m_details->trafficPane();
    connect(traffic, &TrafficPane::settingsChanged, this, [this, traffic] {
        m_settings->setValue(Settings::Key::ChartRangeSeconds, traffic->rangeSeconds());
        m_settings->setValue(Settings::Key::ChartShowsAllRules, traffic->showsAllRules());
    });

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_rulesView);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    m_emptyState = new EmptyStateWidget(this);
    connect(m_emptyState, &EmptyStateWidget::createRequested, this, &MainWindow::newRule);
    connect(m_emptyState, &EmptyStateWidget::importRequested, this, [this] { m_transfer->chooseImport(); });

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_splitter);
    setCentralWidget(m_stack);
}

void MainWindow::createTray()
{
    m_trayPresence =
        new TrayPresence(m_options.tray, m_settings.get(),
                         {m_actions->action(WindowActions::Show), nullptr, m_actions->action(WindowActions::StartAll),
                          m_actions->action(WindowActions::StopAll), nullptr, m_actions->action(WindowActions::Quit)},
                         this);
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
    m_details->restoreState(*m_settings);
    if (m_settings->value(Settings::Key::WindowGeometry).toByteArray().isEmpty())
        resize(1180, 760);
}

void MainWindow::saveSettings()
{
    m_settings->setValue(Settings::Key::WindowGeometry, saveGeometry());
    m_settings->setValue(Settings::Key::WindowState, saveState());
    m_settings->setValue(Settings::Key::MainSplitter, m_splitter->saveState());
    m_settings->setValue(Settings::Key::RulesHeader, m_rulesView->horizontalHeader()->saveState());
    m_details->saveState(m_settings.get());
    m_settings->sync();
}

void MainWindow::onSampled(const EngineSnapshot &snapshot)
{
    m_lastSnapshot = snapshot;
    m_ruleModel->applySnapshot(snapshot);
    m_backendModel->applySnapshot(snapshot);
    m_hopModel->applySnapshot(snapshot);

    QHash<QString, TrafficHistory::Sample> perRule;
    for (int row = 0; row < m_ruleModel->rowCount(); ++row) {
        const RuleTableModel::Traffic t = m_ruleModel->trafficAt(row);
        perRule.insert(m_ruleModel->nameAt(row),
                       TrafficHistory::Sample{t.inPerSecond, t.outPerSecond, double(t.connections)});
    }
    const RuleTableModel::Totals totals = m_ruleModel->totals();
    m_history.push(perRule, TrafficHistory::Sample{totals.traffic.inPerSecond, totals.traffic.outPerSecond,
                                                   double(totals.traffic.connections)});
    m_details->trafficPane()->chart()->refresh();
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
    m_details->eventsPane()->setRuleNames(names);
    const bool empty = set.rules.isEmpty();
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyState) : m_splitter);
    m_filter->setEnabled(!empty);
    m_rulesView->selectFirstIfNone();
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
    m_details->trafficPane()->setSelectedRule(name);
    m_details->connectionsPane()->setRule(name);
    m_details->showRule(name, rule);
    updateActions();
}

QString MainWindow::currentRuleName() const
{
    return m_rulesView->currentRuleName();
}

QStringList MainWindow::selectedRuleNames() const
{
    return m_rulesView->selectedRuleNames();
}

QString MainWindow::currentGroup() const
{
    const Rule *rule = m_store->ruleSet().find(currentRuleName());
    return rule ? rule->group : QString();
}

void MainWindow::selectRules(const QStringList &names)
{
    m_rulesView->selectRules(names);
}

void MainWindow::updateActions()
{
    WindowActions::Selection selection;
    const QStringList selected = selectedRuleNames();
    selection.hasCurrent = !currentRuleName().isEmpty();
    selection.any = !selected.isEmpty();
    selection.hasRules = !m_store->ruleSet().rules.isEmpty();
    for (const QString &name : selected) {
        if (const Rule *rule = m_store->ruleSet().find(name)) {
            const RuleState state = m_ruleModel->stateAt(m_ruleModel->rowOf(name));
            selection.canStart =
                selection.canStart || !rule->enabled || state == RuleState::Failed || state == RuleState::Waiting;
            selection.canStop = selection.canStop || rule->enabled;
        }
    }
    selection.filtered = m_rulesView->isFiltered();
    selection.group = currentGroup();
    m_actions->update(selection);
}

void MainWindow::updateStatusBar()
{
    const RuleTableModel::Totals totals = m_ruleModel->totals();
    m_statusTotals->show(totals);
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
    return m_statusTotals->text();
}

void MainWindow::showRulesContextMenu(const QPoint &position)
{
    QMenu menu(this);
    m_actions->fillContextMenu(&menu, m_rulesView->indexAt(position).isValid(), !currentGroup().isEmpty());
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
    if (!originalName.isEmpty()) {
        dialog->setRuleStatus(m_ruleModel->statusAt(m_ruleModel->rowOf(originalName)));
        // The rule may start, fail or begin to wait while it is edited: the editor follows it.
        connect(m_host.get(), &EngineHost::ruleStatusChanged, dialog, [dialog, originalName](const RuleStatus &status) {
            if (status.name == originalName)
                dialog->setRuleStatus(status);
        });
    }
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
    const QString message =
        tr("Deleted %n rule(s). Undo (%1) brings them back.", nullptr, int(names.size()))
            .arg(m_actions->action(WindowActions::Undo)->shortcut().toString(QKeySequence::NativeText));
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

bool MainWindow::importFile(const QString &path)
{
    return m_transfer->importFile(path);
}

bool MainWindow::exportFile(const QString &path, bool selectedOnly)
{
    const RuleSet &all = m_store->ruleSet();
    return m_transfer->exportFile(path, selectedOnly ? all.selection(selectedRuleNames()) : all);
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

} // namespace PortRelay
