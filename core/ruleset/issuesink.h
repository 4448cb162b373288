#pragma once

#include "core/ruleset/rulesetissue.h"

namespace PortRelay {

// What the rules-file reader found in one part of the document: its issues, and the locations whose
// values could not be read. The validator sees defaults there, and what it would say about them is
// noise, so addChecked() leaves it out. Internal to core/ruleset (RuleSetParser, SchemaReader).
class IssueSink
{
public:
    // Holds at most RuleSetParser::MaxIssues + 1 issues: one past the limit is enough for the caller
    // to see that it was reached.
    void add(const RuleSetLocation &where, const Message &what);
    // An issue with the value at where, which is then left at its default.
    void unreadable(const RuleSetLocation &where, const Message &what);
    // "missing required key", on parent; the key counts as unreadable.
    void missing(const RuleSetLocation &parent, QStringView key);
    // "unknown key", with the known key it is close to when there is one.
    void unknownKey(const RuleSetLocation &where, const QString &suggested);

    // Adds the validator's issues, except those about values that could not be read.
    void addChecked(const RuleSetIssues &checked);
    // True when the value at where, or one it lies within, could not be read.
    bool isUnreadable(const RuleSetLocation &where) const;

    RuleSetIssues &issues() { return m_issues; }

private:
    RuleSetIssues m_issues;
    QList<RuleSetLocation> m_unreadable;
};

} // namespace PortRelay
