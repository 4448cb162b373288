#include "core/net/tcplistenerfactory.h"

#include "core/net/sockets.h"
#include "core/net/tcplistener.h"

namespace PortRelay {

UniqueFd TcpListenerFactory::open(const SocketAddress &address, int backlog, int *errorCode) const
{
    return Sockets::listen(address, backlog, errorCode);
}

std::unique_ptr<Listener> TcpListenerFactory::create(int fd, std::shared_ptr<RuleRuntime> rule,
                                                     Listener::Admitter &admitter) const
{
    return std::make_unique<TcpListener>(fd, std::move(rule), admitter);
}

} // namespace PortRelay
