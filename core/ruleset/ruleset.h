#pragma once

#include "core/ruleset/rule.h"

#include <QJsonObject>
#include <QList>

namespace PortRelay {

// The whole document of a rules file (format version 1).
struct RuleSet
{
    static constexpr int CurrentVersion = 1;

    int version = CurrentVersion;
    QList<Rule> rules;
    QJsonObject extensions; // top-level "x-" keys, kept verbatim

    // The rule with this name, or nullptr.
    const Rule *find(QStringView name) const;

    friend bool operator==(const RuleSet &a, const RuleSet &b)
    {
        return a.version == b.version && a.rules == b.rules && a.extensions == b.extensions;
    }
    friend bool operator!=(const RuleSet &a, const RuleSet &b) { return !(a == b); }
};

} // namespace PortRelay
