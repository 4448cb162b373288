#include "core/net/socketaddress.h"

#include <cstring>

#include <netinet/in.h>

namespace PortRelay {

SocketAddress::SocketAddress(const QHostAddress &address, quint16 port)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in = reinterpret_cast<sockaddr_in *>(&m_storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(address.toIPv4Address());
        m_length = sizeof(sockaddr_in);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&m_storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR raw = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, raw.c, sizeof(raw.c));
        m_length = sizeof(sockaddr_in6);
    }
}

SocketAddress SocketAddress::fromNative(const sockaddr *address, socklen_t length)
{
    SocketAddress result;
    if (length > 0 && length <= socklen_t(sizeof(result.m_storage))) {
        std::memcpy(&result.m_storage, address, length);
        result.m_length = length;
    }
    return result;
}

bool operator==(const SocketAddress &a, const SocketAddress &b)
{
    return a.m_length == b.m_length && std::memcmp(&a.m_storage, &b.m_storage, a.m_length) == 0;
}

SocketAddress SocketAddress::withPort(quint16 port) const
{
    SocketAddress result = *this;
    if (family() == AF_INET)
        reinterpret_cast<sockaddr_in *>(&result.m_storage)->sin_port = htons(port);
    else if (family() == AF_INET6)
        reinterpret_cast<sockaddr_in6 *>(&result.m_storage)->sin6_port = htons(port);
    return result;
}

QHostAddress SocketAddress::address() const
{
    return isValid() ? QHostAddress(native()) : QHostAddress();
}

quint16 SocketAddress::port() const
{
    if (family() == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in *>(&m_storage)->sin_port);
    if (family() == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 *>(&m_storage)->sin6_port);
    return 0;
}

QString SocketAddress::toString() const
{
    const QString host = address().toString();
    const QString port = QString::number(this->port());
    if (family() == AF_INET6)
        return QLatin1Char('[') + host + QStringLiteral("]:") + port;
    return host + QLatin1Char(':') + port;
}

} // namespace PortRelay
