#pragma once

#include <QHostAddress>
#include <QString>

#include <sys/socket.h>

namespace PortRelay {

// A resolved socket address in the form the kernel takes, built once off the data path so that
// connect() and bind() need no conversion per connection.
class SocketAddress
{
public:
    SocketAddress() = default;
    SocketAddress(const QHostAddress &address, quint16 port);
    static SocketAddress fromNative(const sockaddr *address, socklen_t length);

    bool isValid() const { return m_length > 0; }
    int family() const { return m_storage.ss_family; }
    const sockaddr *native() const { return reinterpret_cast<const sockaddr *>(&m_storage); }
    socklen_t length() const { return m_length; }

    // The same address (scope id and all) with another port.
    SocketAddress withPort(quint16 port) const;

    QHostAddress address() const;
    quint16 port() const;
    // "127.0.0.1:80", "[::1]:80"
    QString toString() const;

    friend bool operator==(const SocketAddress &a, const SocketAddress &b);
    friend bool operator!=(const SocketAddress &a, const SocketAddress &b) { return !(a == b); }

private:
    sockaddr_storage m_storage{};
    socklen_t m_length = 0;
};

} // namespace PortRelay
