#include "core/ruleset/rule.h"

#include "core/ruleset/ruleschema.h"

namespace PortRelay {

const QString &Rule::hopOf(int backend) const
{
    const QString &own = backends[backend].via;
    return own.isEmpty() ? via : own;
}

bool operator==(const Rule &a, const Rule &b)
{
    return RuleSchema::equal(a, b);
}

bool operator==(const Backend &a, const Backend &b)
{
    return RuleSchema::equal(a, b);
}

bool operator==(const HealthCheck &a, const HealthCheck &b)
{
    return RuleSchema::equal(a, b);
}

bool operator==(const Hop &a, const Hop &b)
{
    return RuleSchema::equal(a, b);
}

} // namespace PortRelay
