#include "core/net/connectors.h"

#include "core/net/ruleruntime.h"

namespace PortRelay {

const UpstreamConnector &Connectors::forBackend(const RuleRuntime &rule, int backend) const
{
    const UpstreamConnector *hop = rule.connector(backend);
    return hop ? *hop : m_direct;
}

} // namespace PortRelay
