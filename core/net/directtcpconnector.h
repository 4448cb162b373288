#pragma once

#include "core/net/upstreamconnector.h"

namespace PortRelay {

// Plain TCP to the backend's own addresses, in the order the resolver gave (the address that
// answered last first). An address that refuses or does not answer in its share of the time
// passes the attempt to the next address; only when none answers does the attempt fail, so a
// name's addresses are one backend.
class DirectTcpConnector final : public UpstreamConnector
{
public:
    std::unique_ptr<ConnectAttempt> connect(BackendRuntime &backend, qint64 deadlineMs,
                                            const Clock &clock) const override;
};

} // namespace PortRelay
