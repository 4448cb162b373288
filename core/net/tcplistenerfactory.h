#pragma once

#include "core/net/listenerfactory.h"

namespace PortRelay {

// TCP rules: a stream socket (SO_REUSEADDR, IPV6_V6ONLY, keep-alive inherited by the clients)
// watched by a TcpListener on each worker.
class TcpListenerFactory final : public ListenerFactory
{
public:
    UniqueFd open(const SocketAddress &address, int backlog, int *errorCode) const override;
    std::unique_ptr<Listener> create(int fd, std::shared_ptr<RuleRuntime> rule,
                                     Listener::Admitter &admitter) const override;
};

} // namespace PortRelay
