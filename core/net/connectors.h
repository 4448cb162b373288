#pragma once

#include "core/net/directtcpconnector.h"

namespace PortRelay {

class RuleRuntime;

// Which UpstreamConnector reaches a backend: one decision, made here for the sessions that relay
// and for the health checks that probe, so that a check always takes the path traffic takes.
// A backend behind a hop has its own connector in its rule's runtime (made by the engine, which
// runs the hops: an SshConnector today; SOCKS5, HTTP CONNECT and TLS origination are further
// ones); every other backend is reached directly (docs/architecture.md). Shared by every
// worker: connectors keep no state of their own, their attempts do.
class Connectors
{
public:
    const UpstreamConnector &forBackend(const RuleRuntime &rule, int backend) const;

private:
    DirectTcpConnector m_direct;
};

} // namespace PortRelay
