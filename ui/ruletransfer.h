#pragma once

#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetissue.h"

#include <QObject>

class QWidget;

namespace PortRelay {

class RuleSetImport;
class RuleStore;

// Rules files in and out of the window: the file dialogs, a rules file dropped on the window, the
// import preview (ImportDialog) against the store's rules, writing an export, and the message
// boxes when a file cannot be read or written. What the user accepts is applied by the window
// (importAccepted), so every change of the set goes through its edits and the undo stack.
class RuleTransfer final : public QObject
{
    Q_OBJECT

public:
    // window: the parent of the dialogs and message boxes, and where files may be dropped.
    RuleTransfer(const RuleStore *store, QWidget *window);
    Q_DISABLE_COPY_MOVE(RuleTransfer)

    // Asks for a file, then importFile().
    void chooseImport();
    // Reads path and opens the import preview (window-modal); a file that cannot be imported gets
    // a message box instead, and false.
    bool importFile(const QString &path);

    // Asks where to save set (".json" appended when missing), then exportFile().
    void chooseExport(const RuleSet &set, bool selectedOnly);
    // Writes set to path atomically; a failure gets a message box, and false.
    bool exportFile(const QString &path, const RuleSet &set);

Q_SIGNALS:
    // The user accepted the preview of the file named fileName; outcomeText says what it did.
    void importAccepted(const PortRelay::RuleSetImport &plan, const QString &fileName, const QString &outcomeText);
    // A file could not be imported at all, for these reasons.
    void importFailed(const PortRelay::RuleSetIssues &issues);
    // For the status bar.
    void exported(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const RuleStore *m_store;
    QWidget *m_window;
};

} // namespace PortRelay
