#include "core/net/portprobe.h"

#include "core/net/listenerfactory.h"
#include "core/net/socketaddress.h"
#include "core/net/sockets.h"

#include <cerrno>

namespace PortRelay {

bool PortProbe::Result::inUse() const
{
    return errorCode == EADDRINUSE;
}

PortProbe::Result PortProbe::probe(Protocol protocol, const QHostAddress &address, quint16 port)
{
    Result result;
    int code = 0;
    // The very socket the rule would listen on, so the verdict is what starting the rule says.
    const UniqueFd fd = ListenerFactory::forProtocol(protocol).open(SocketAddress(address, port), 1, &code);
    if (!fd.isValid()) {
        result.errorCode = code != 0 ? code : EINVAL;
        result.error = Sockets::errorMessage(result.errorCode);
    }
    return result;
}

std::optional<quint16> PortProbe::nextFree(Protocol protocol, const QHostAddress &address, quint16 from,
                                           int maxAttempts, const std::function<bool(quint16)> &skip)
{
    for (int port = int(from) + 1; port <= 65535 && port <= int(from) + maxAttempts; ++port) {
        if (skip && skip(quint16(port)))
            continue;
        if (probe(protocol, address, quint16(port)).isFree())
            return quint16(port);
    }
    return std::nullopt;
}

} // namespace PortRelay
