#include "core/net/listenerfactory.h"

#include "core/net/tcplistenerfactory.h"

namespace PortRelay {

const ListenerFactory &ListenerFactory::forProtocol(Protocol protocol)
{
    static const TcpListenerFactory tcp;
    switch (protocol) {
    case Protocol::Tcp:
        return tcp;
    }
    Q_UNREACHABLE();
    return tcp;
}

} // namespace PortRelay
