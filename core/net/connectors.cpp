#include "core/net/connectors.h"

namespace PortRelay {

const UpstreamConnector &Connectors::forBackend(const RuleRuntime &, int) const
{
    return m_direct;
}

} // namespace PortRelay
