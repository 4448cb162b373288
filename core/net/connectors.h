#pragma once

#include "core/net/directtcpconnector.h"

namespace PortRelay {

class RuleRuntime;

// Which UpstreamConnector reaches a backend: one decision, made here for the sessions that relay
// and for the health checks that probe, so that a check always takes the path traffic takes.
// Today every backend is reached directly; hops (SSH, SOCKS5, HTTP CONNECT) and TLS origination
// will be chosen here from the backend's configuration (docs/architecture.md). Shared by every
// worker: connectors keep no state of their own, their attempts do.
class Connectors
{
public:
    const UpstreamConnector &forBackend(const RuleRuntime &rule, int backend) const;

private:
    DirectTcpConnector m_direct;
};

} // namespace PortRelay
