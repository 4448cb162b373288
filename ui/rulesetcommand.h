#pragma once

#include "core/ruleset/ruleset.h"

#include <QUndoCommand>

namespace PortRelay {

class RuleStore;

// One undoable edit of the rule set (add, edit, duplicate, delete, import). Whether a rule runs is
// not part of the edit: undoing keeps the current running state of rules that still exist.
class RuleSetCommand final : public QUndoCommand
{
public:
    RuleSetCommand(RuleStore *store, const RuleSet &before, const RuleSet &after, const QString &text);

    void undo() override;
    void redo() override;

private:
    void switchTo(const RuleSet &target);

    RuleStore *m_store; // owns the undo stack, so outlives this command
    RuleSet m_before;
    RuleSet m_after;
};

} // namespace PortRelay
