#include "ui/rulesetcommand.h"

#include "core/ruleset/rulevalidator.h"
#include "ui/rulestore.h"

namespace PortRelay {

RuleSetCommand::RuleSetCommand(RuleStore *store, const RuleSet &before, const RuleSet &after, const QString &text)
    : QUndoCommand(text)
    , m_store(store)
    , m_before(before)
    , m_after(after)
{}

void RuleSetCommand::undo()
{
    switchTo(m_before);
}

void RuleSetCommand::redo()
{
    switchTo(m_after);
}

void RuleSetCommand::switchTo(const RuleSet &target)
{
    RuleSet next = target;
    const RuleSet &current = m_store->ruleSet();
    for (Rule &rule : next.rules) {
        if (const Rule *now = current.find(rule.name))
            rule.enabled = now->enabled;
    }
    // Keeping the running state must not make two running rules share a port; if it would, the
    // recorded state wins.
    if (!RuleValidator::validate(next).isEmpty())
        next = target;
    m_store->replace(next);
}

} // namespace PortRelay
