#include "ui/widgets/windowactions.h"

#include "ui/documentation.h"
#include "ui/mnemonictext.h"
#include "ui/widgets/toolbarfitter.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>

namespace PortRelay {

WindowActions::WindowActions(QUndoStack *undoStack, QWidget *parent)
    : QObject(parent)
{
    // One row per action. Undo and Redo come from the undo stack, which keeps their words.
    struct Row
    {
        Id id;
        QString text;
        QString toolTip;
        QKeySequence shortcut;
        int icon; // a QStyle::StandardPixmap, or -1
        const char *objectName;
    };
    const QList<Row> rows{
        {NewRule, tr("&New Rule…"), tr("Create a forwarding rule"), QKeySequence::New, QStyle::SP_FileIcon,
         "newRuleAction"},
        {EditRule, tr("&Edit Rule…"), tr("Change the selected rule"), QKeySequence(Qt::Key_F2),
         QStyle::SP_FileDialogDetailedView, "editRuleAction"},
        {Duplicate, tr("D&uplicate"), tr("Copy the selected rules (the copies start stopped)"),
         QKeySequence(Qt::CTRL | Qt::Key_D), -1, nullptr},
        {Delete, tr("&Delete"), tr("Delete the selected rules (Undo brings them back)"), QKeySequence::Delete,
         QStyle::SP_TrashIcon, nullptr},
        {Start, tr("&Start"), tr("Start the selected rules"), QKeySequence(Qt::Key_F5), QStyle::SP_MediaPlay, nullptr},
        {Stop, tr("S&top"), tr("Stop the selected rules"), QKeySequence(Qt::SHIFT | Qt::Key_F5), QStyle::SP_MediaStop,
         nullptr},
        {StartAll, tr("Start &All"), tr("Start every rule"), QKeySequence(Qt::CTRL | Qt::Key_F5), -1, nullptr},
        {StopAll, tr("Stop A&ll"), tr("Stop every rule"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5), -1, nullptr},
        {StartShown, tr("Start Rules &Shown"), tr("Start the rules the filter shows"), {}, -1, nullptr},
        {StopShown, tr("Stop Rules S&hown"), tr("Stop the rules the filter shows"), {}, -1, nullptr},
        {StartGroup, tr("Start &Group"), {}, {}, -1, nullptr},
        {StopGroup, tr("Stop G&roup"), {}, {}, -1, nullptr},
        {Import, tr("&Import…"), tr("Add rules from a rules file"), QKeySequence::Open, QStyle::SP_DialogOpenButton,
         nullptr},
        {ExportAll, tr("&Export All…"), tr("Save every rule to a rules file"), QKeySequence::Save,
         QStyle::SP_DialogSaveButton, nullptr},
        {ExportSelected, tr("Export &Selected…"), tr("Save the selected rules to a rules file"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), -1, nullptr},
        {Preferences, tr("&Preferences…"), {}, QKeySequence::Preferences, -1, nullptr},
        {Quit, tr("&Quit"), {}, QKeySequence(Qt::CTRL | Qt::Key_Q), -1, "quitAction"},
        {Find, tr("&Find…"), {}, QKeySequence::Find, -1, nullptr},
        {Show, tr("&Show PortRelay"), {}, {}, -1, nullptr},
        {Documentation, tr("&Documentation"), tr("Open the PortRelay documentation"), QKeySequence::HelpContents, -1,
         "documentationAction"},
        {About, tr("&About PortRelay"), {}, {}, -1, nullptr},
    };
    const QStyle *style = parent->style();
    for (const Row &row : rows) {
        auto *action = new QAction(row.text, parent);
        if (!row.toolTip.isEmpty())
            action->setToolTip(row.toolTip);
        action->setShortcut(row.shortcut);
        if (row.icon >= 0)
            action->setIcon(style->standardIcon(QStyle::StandardPixmap(row.icon)));
        if (row.objectName)
            action->setObjectName(QString::fromLatin1(row.objectName));
        m_actions[row.id] = action;
    }
    m_actions[Undo] = undoStack->createUndoAction(parent, tr("&Undo"));
    m_actions[Undo]->setShortcut(QKeySequence::Undo);
    m_actions[Redo] = undoStack->createRedoAction(parent, tr("&Redo"));
    m_actions[Redo]->setShortcut(QKeySequence::Redo);

    // Delete acts in the rules table only: in a text field it deletes text.
    m_actions[Delete]->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_actions[Preferences]->setMenuRole(QAction::PreferencesRole);
    m_actions[Quit]->setMenuRole(QAction::QuitRole);
    m_actions[About]->setMenuRole(QAction::AboutRole);
    m_actions[Documentation]->setData(Documentation::entry());
}

void WindowActions::update(const Selection &selection)
{
    m_actions[EditRule]->setEnabled(selection.hasCurrent);
    for (Id id : {Duplicate, Delete, ExportSelected})
        m_actions[id]->setEnabled(selection.any);
    for (Id id : {ExportAll, StartAll, StopAll})
        m_actions[id]->setEnabled(selection.hasRules);
    m_actions[Start]->setEnabled(selection.canStart);
    m_actions[Stop]->setEnabled(selection.canStop);
    m_actions[StartShown]->setEnabled(selection.filtered);
    m_actions[StopShown]->setEnabled(selection.filtered);
    const QString &group = selection.group;
    m_actions[StartGroup]->setEnabled(!group.isEmpty());
    m_actions[StopGroup]->setEnabled(!group.isEmpty());
    m_actions[StartGroup]->setText(group.isEmpty() ? tr("Start &Group") : tr("Start &Group “%1”").arg(group));
    m_actions[StopGroup]->setText(group.isEmpty() ? tr("Stop G&roup") : tr("Stop G&roup “%1”").arg(group));
}

void WindowActions::fillMenuBar(QMainWindow *window) const
{
    const auto fill = [this](QMenu *menu, std::initializer_list<int> ids) {
        for (int id : ids) {
            if (id < 0)
                menu->addSeparator();
            else
                menu->addAction(m_actions[id]);
        }
    };
    constexpr int Separator = -1; // a line between groups
    QMenuBar *bar = window->menuBar();
    fill(bar->addMenu(tr("&File")),
         {NewRule, Separator, Import, ExportAll, ExportSelected, Separator, Preferences, Separator, Quit});
    fill(bar->addMenu(tr("&Edit")), {Undo, Redo, Separator, EditRule, Duplicate, Delete, Separator, Find});
    fill(bar->addMenu(tr("&Rules")), {Start, Stop, Separator, StartAll, StopAll, Separator, StartShown, StopShown,
                                      Separator, StartGroup, StopGroup});
    fill(bar->addMenu(tr("&Help")), {Documentation, Separator, About});
}

QToolBar *WindowActions::addToolBar(QMainWindow *window, QWidget *trailing) const
{
    QToolBar *toolBar = window->addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (const Id id : {NewRule, EditRule, Delete})
        toolBar->addAction(m_actions[id]);
    toolBar->addSeparator();
    toolBar->addAction(m_actions[Start]);
    toolBar->addAction(m_actions[Stop]);
    toolBar->addSeparator();
    toolBar->addAction(m_actions[Import]);
    toolBar->addAction(m_actions[ExportAll]);
    // Buttons show the words alone; the menus keep the mnemonic and the ellipsis.
    for (QAction *action : toolBar->actions()) {
        if (!action->isSeparator())
            action->setIconText(MnemonicText::toolButton(action->text()));
    }
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addWidget(trailing);
    new ToolBarFitter(toolBar); // owned by the tool bar
    return toolBar;
}

void WindowActions::fillContextMenu(QMenu *menu, bool onRule, bool hasGroup) const
{
    if (!onRule) {
        menu->addAction(m_actions[NewRule]);
        menu->addAction(m_actions[Import]);
        return;
    }
    menu->addAction(m_actions[EditRule]);
    menu->addAction(m_actions[Duplicate]);
    menu->addAction(m_actions[Delete]);
    menu->addSeparator();
    menu->addAction(m_actions[Start]);
    menu->addAction(m_actions[Stop]);
    if (hasGroup) {
        menu->addSeparator();
        menu->addAction(m_actions[StartGroup]);
        menu->addAction(m_actions[StopGroup]);
    }
    menu->addSeparator();
    menu->addAction(m_actions[ExportSelected]);
}

} // namespace PortRelay
