#pragma once

#include "core/ruleset/hop.h"
#include "core/ruleset/rule.h"
#include "core/ruleset/rulesetissue.h"

#include <QList>

namespace PortRelay {

// Semantic checks on the hops of a rule set and on the "via" keys that name them: each hop alone
// (its keys, how an ssh hop names its host, secret names), the hops together (unique names, "via"
// chains that end and are at most MaxChainLength long) and the "via" of rules and backends.
// RuleValidator runs it on a whole rule set, the parser as it reads a file.
class HopValidator
{
public:
    // Hops one connection may go through, the last one included.
    static constexpr int MaxChainLength = 8;

    // Issues of the hops, each alone and between them, located in hops[i], in document order. A
    // "via" that names no hop is reported only while every hop has a name: it may mean the one
    // without.
    static RuleSetIssues validate(const QList<Hop> &hops);
    // Issues of the "via" of rules[ruleIndex] and of its backends: each must name one of hops
    // (under the same condition as above).
    static RuleSetIssues validateVia(const Rule &rule, int ruleIndex, const QList<Hop> &hops);

    // The message for too long a list, which the parser also gives before reading such a list.
    static Message tooManyHops(qsizetype count);
};

} // namespace PortRelay
