#include "core/net/tcplistener.h"

#include "core/net/sockets.h"

#include <cerrno>

namespace PortRelay {

namespace {

// Clients taken per wake-up before other descriptors get their turn.
constexpr int MaxAcceptsPerWake = 64;

} // namespace

void TcpListener::onIo(quint32, quint8)
{
    for (int i = 0; i < MaxAcceptsPerWake; ++i) {
        sockaddr_storage peer{};
        socklen_t peerLength = sizeof(peer);
        const int client =
            ::accept4(fd(), reinterpret_cast<sockaddr *>(&peer), &peerLength, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (client < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (Sockets::isLocalResourceError(errno))
                m_admitter.acceptShortage();
            return;
        }
        // Our own reference: admitting may change the listener's rule (never today, but cheap).
        const std::shared_ptr<RuleRuntime> current = rule();
        // A shortage met while admitting pauses accepting: stop here too, or the rest of this
        // round would take clients only to reset them.
        if (!m_admitter.admit(client, current, peer, peerLength))
            return;
    }
}

} // namespace PortRelay
