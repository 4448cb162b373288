#pragma once

#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetissue.h"

#include <QCoreApplication>

namespace PortRelay {

// Semantic checks on rule values: ranges, required parts, and conflicts between rules.
// The parser runs it after reading a file; the rule editor runs it as the user types, so both
// speak with the same messages.
class RuleValidator
{
    Q_DECLARE_TR_FUNCTIONS(RuleValidator)

public:
    // Issues of one rule on its own; paths start with pathPrefix, e.g. "rules[2]".
    static RuleSetIssues validate(const Rule &rule, const QString &pathPrefix);
    // Issues of every rule plus those between rules (duplicate names, shared listen addresses).
    static RuleSetIssues validate(const RuleSet &ruleSet);
    // True when two enabled rules would fight over the same listen socket.
    static bool listenConflicts(const Endpoint &a, const Endpoint &b);
};

} // namespace PortRelay
