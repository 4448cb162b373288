#include "core/ruleset/ruleset.h"

namespace PortRelay {

const Rule *RuleSet::find(QStringView name) const
{
    for (const Rule &rule : rules) {
        if (rule.name == name)
            return &rule;
    }
    return nullptr;
}

} // namespace PortRelay
