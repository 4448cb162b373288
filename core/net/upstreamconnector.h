#pragma once

#include "core/net/connectattempt.h"

#include <memory>

namespace PortRelay {

class BackendRuntime;
class Clock;

// "Give me a connected transport to this backend." Every way of reaching a backend is one of
// these, so the session that relays, and the health check that probes, take the same path:
// today DirectTcpConnector (the backend's resolved addresses, in order). Hops chain: a SOCKS5 or
// HTTP CONNECT connector dials its proxy through the connector of the hop before it and passes
// the backend's host *name*; an SSH hop's connector dials the master's Unix-domain forward; TLS
// origination wraps the transport of the connector below it. See docs/architecture.md.
class UpstreamConnector
{
public:
    virtual ~UpstreamConnector() = default;

    // An attempt to reach backend that must finish by deadlineMs (on clock). The connector is
    // shared by every worker and must stay usable concurrently: attempts hold the state.
    virtual std::unique_ptr<ConnectAttempt> connect(BackendRuntime &backend, qint64 deadlineMs,
                                                    const Clock &clock) const = 0;
};

} // namespace PortRelay
