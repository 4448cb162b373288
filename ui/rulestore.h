#pragma once

#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetissue.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class QUndoStack;

namespace PortRelay {

class EngineHost;

// The window's rule set: the one copy the UI edits. Every change is validated as a whole (so the
// saved file always loads again), handed to the engine with EngineHost::apply() (which diffs, so
// unchanged rules keep running), and saved to path a moment later (debounced, atomic, mode 0600).
// A rule the user stopped is saved with "enabled": false, so each rule comes back in its last
// running state. Edits go through an undo stack; starting and stopping do not.
class RuleStore final : public QObject
{
    Q_OBJECT

public:
    static constexpr int SaveDelayMs = 500;

    RuleStore(EngineHost *host, const QString &path, QObject *parent = nullptr);
    ~RuleStore() override;
    Q_DISABLE_COPY_MOVE(RuleStore)

    // Reads path (a missing file is an empty set) and applies it. On a broken file returns false
    // with the issues; the store stays empty and does not overwrite the file until a change.
    bool load(RuleSetIssues *issues = nullptr);

    const RuleSet &ruleSet() const { return m_ruleSet; }
    QString path() const { return m_path; }
    QUndoStack *undoStack() const { return m_undoStack; }

    // An undoable change to ruleSet, named undoText ("Delete rule api"). Refused with the issues
    // when the result is not a valid rule set.
    bool change(const RuleSet &ruleSet, const QString &undoText, RuleSetIssues *issues = nullptr);
    // Starts or stops rules by setting "enabled"; not undoable.
    bool setEnabled(const QStringList &names, bool enabled, RuleSetIssues *issues = nullptr);

    // Writes now if a save is pending (at exit).
    bool saveNow();

    // Used by the undo commands: replaces the set without a new undo step.
    void replace(const RuleSet &ruleSet);

Q_SIGNALS:
    void ruleSetChanged();
    void saveFailed(const QString &error);

private:
    void commit(const RuleSet &ruleSet);

    QPointer<EngineHost> m_host;
    QString m_path;
    RuleSet m_ruleSet;
    QUndoStack *m_undoStack = nullptr;
    QTimer m_saveTimer;
    bool m_dirty = false;
};

} // namespace PortRelay
