#pragma once

#include "core/net/listener.h"
#include "core/net/uniquefd.h"
#include "core/ruleset/rule.h"

#include <memory>

namespace PortRelay {

class SocketAddress;

// How a rule of one protocol listens: the socket the engine opens and owns, and the Listener each
// worker runs on it. The engine and the workers ask forProtocol() and know no protocol
// themselves, so a new kind of rule is a factory beside this one: UDP opens a datagram socket
// whose listener keeps a table of client flows; a local SOCKS5 rule listens like TCP and makes
// sessions that negotiate before they connect.
class ListenerFactory
{
public:
    virtual ~ListenerFactory() = default;

    // The listening socket, bound to address, non-blocking. On failure an invalid fd and the
    // errno of the step that failed in *errorCode.
    virtual UniqueFd open(const SocketAddress &address, int backlog, int *errorCode) const = 0;
    // The watcher one worker runs on a socket open() made.
    virtual std::unique_ptr<Listener> create(int fd, std::shared_ptr<RuleRuntime> rule,
                                             Listener::Admitter &admitter) const = 0;

    // The factory of a protocol; every Protocol has one.
    static const ListenerFactory &forProtocol(Protocol protocol);
};

} // namespace PortRelay
