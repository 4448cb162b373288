#pragma once

#include <QObject>
#include <QString>

#include <array>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;
class QUndoStack;
class QWidget;

namespace PortRelay {

// The window's actions, made from one table: their words, keys, icons and object names, where
// each is placed (menus, tool bar, the rules' context menu; the tray takes some too), and which
// are enabled for what is selected. What they do is the window's: it connects to action(id).
//
// Object names, for tests: "newRuleAction", "editRuleAction", "quitAction", "documentationAction".
class WindowActions final : public QObject
{
    Q_OBJECT

public:
    enum Id
    {
        NewRule,
        EditRule,
        Duplicate,
        Delete,
        Undo,
        Redo,
        Start,
        Stop,
        StartAll,
        StopAll,
        StartShown,
        StopShown,
        StartGroup,
        StopGroup,
        Import,
        ExportAll,
        ExportSelected,
        Preferences,
        Quit,
        Find,
        Show,
        Documentation,
        About,
        Count
    };

    // What the enabled states follow.
    struct Selection
    {
        bool hasCurrent = false; // a rule to edit
        bool any = false;        // one or more rules selected
        bool hasRules = false;
        bool canStart = false; // a selected rule is stopped, failed or waiting
        bool canStop = false;  // a selected rule is meant to run
        bool filtered = false; // the filter hides some rules and shows some
        QString group;         // the current rule's group, or empty
    };

    // undoStack: Undo and Redo follow it. parent: where the shortcuts live.
    WindowActions(QUndoStack *undoStack, QWidget *parent);

    QAction *action(Id id) const { return m_actions[id]; }

    void update(const Selection &selection);

    void fillMenuBar(QMainWindow *window) const;
    // A tool bar of the main actions, with trailing (the filter) at its right end.
    QToolBar *addToolBar(QMainWindow *window, QWidget *trailing) const;
    // onRule: the menu opened over a rule; otherwise over the empty part of the table.
    void fillContextMenu(QMenu *menu, bool onRule, bool hasGroup) const;

private:
    std::array<QAction *, Count> m_actions{};
};

} // namespace PortRelay
