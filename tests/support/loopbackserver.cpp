#include "loopbackserver.h"

#include <QByteArray>

#include <cerrno>
#include <chrono>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

namespace PortRelay::Test {

namespace {

sockaddr_in loopback(quint16 port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

} // namespace

UniqueFd listenOnLoopback(int backlog, quint16 *port, int receiveBuffer)
{
    return listenOn("127.0.0.1", backlog, port, receiveBuffer);
}

UniqueFd listenOn(const char *address, int backlog, quint16 *port, int receiveBuffer)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage); ::inet_pton(AF_INET6, address, &in6->sin6_addr) == 1) {
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(*port);
        length = sizeof(sockaddr_in6);
    } else if (auto *in = reinterpret_cast<sockaddr_in *>(&storage);
               ::inet_pton(AF_INET, address, &in->sin_addr) == 1) {
        in->sin_family = AF_INET;
        in->sin_port = htons(*port);
        length = sizeof(sockaddr_in);
    } else {
        qFatal("test server: %s is not an address", address);
    }
    UniqueFd fd(::socket(storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const int on = 1;
    ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    if (storage.ss_family == AF_INET6)
        ::setsockopt(fd.get(), IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof(on));
    if (receiveBuffer > 0)
        ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof(receiveBuffer));
    if (::bind(fd.get(), reinterpret_cast<const sockaddr *>(&storage), length) != 0 || ::listen(fd.get(), backlog) != 0)
        qFatal("test server: cannot listen on %s: %s", address, strerror(errno));
    sockaddr_storage bound{};
    socklen_t boundLength = sizeof(bound);
    ::getsockname(fd.get(), reinterpret_cast<sockaddr *>(&bound), &boundLength);
    *port = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port
                                              : reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
    return fd;
}

LoopbackServer::LoopbackServer(Handler handler, quint16 port, int receiveBuffer, const char *address)
    : m_handler(std::move(handler))
    , m_port(port)
{
    m_listener = listenOn(address, 512, &m_port, receiveBuffer);
    m_acceptThread = std::thread([this] { acceptLoop(); });
}

LoopbackServer::~LoopbackServer()
{
    stop();
    std::lock_guard<std::mutex> lock(m_mutex);
    for (std::thread &t : m_handlers)
        t.join();
}

void LoopbackServer::stop()
{
    m_stopping = true;
    if (m_acceptThread.joinable())
        m_acceptThread.join();
}

void LoopbackServer::acceptLoop()
{
    while (!m_stopping) {
        pollfd p{m_listener.get(), POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0)
            continue;
        const int fd = ::accept4(m_listener.get(), nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        ++m_accepted;
        std::lock_guard<std::mutex> lock(m_mutex);
        m_handlers.emplace_back([this, fd] {
            m_handler(fd);
            ::close(fd);
        });
    }
    m_listener.reset();
}

quint16 freeLoopbackPort()
{
    quint16 port = 0;
    listenOnLoopback(1, &port);
    return port;
}

UniqueFd connectToLoopback(quint16 port, int timeoutMs, int *error)
{
    return connectFrom(nullptr, port, timeoutMs, error);
}

UniqueFd connectFrom(const char *sourceAddress, quint16 port, int timeoutMs, int *error)
{
    int ignored = 0;
    if (!error)
        error = &ignored;
    *error = 0;
    UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (sourceAddress) {
        // Let connect() pick the port, as without bind(): thousands of test connections would
        // otherwise run out of ports that bind() alone may hand out.
        const int on = 1;
        ::setsockopt(fd.get(), IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &on, sizeof(on));
        sockaddr_in local{};
        local.sin_family = AF_INET;
        if (::inet_pton(AF_INET, sourceAddress, &local.sin_addr) != 1 ||
            ::bind(fd.get(), reinterpret_cast<const sockaddr *>(&local), sizeof(local)) != 0) {
            *error = errno ? errno : EINVAL;
            return {};
        }
    }
    const sockaddr_in address = loopback(port);
    if (::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
        if (errno != EINPROGRESS) {
            *error = errno;
            return {};
        }
        pollfd p{fd.get(), POLLOUT, 0};
        if (::poll(&p, 1, timeoutMs) != 1) {
            *error = ETIMEDOUT;
            return {};
        }
        socklen_t length = sizeof(*error);
        ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, error, &length);
        if (*error != 0)
            return {};
    }
    ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
    return fd;
}

void echo(int fd)
{
    char buffer[16384];
    for (;;) {
        // Ten seconds of silence end it, so a forgotten client never keeps a test alive.
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 10000) <= 0)
            return;
        const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
        if (n <= 0)
            break;
        for (ssize_t sent = 0; sent < n;) {
            const ssize_t k = ::send(fd, buffer + sent, std::size_t(n - sent), MSG_NOSIGNAL);
            if (k <= 0)
                return;
            sent += k;
        }
    }
    ::shutdown(fd, SHUT_WR);
}

bool echoRoundTrip(int fd, const QByteArray &message)
{
    if (::send(fd, message.constData(), std::size_t(message.size()), MSG_NOSIGNAL) != message.size())
        return false;
    QByteArray answer;
    char buffer[4096];
    while (answer.size() < message.size()) {
        const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
        if (n <= 0)
            return false;
        answer.append(buffer, n);
    }
    return answer == message;
}

int connectAndAwaitEnd(quint16 port, int timeoutMs)
{
    return connectFromAndAwaitEnd(nullptr, port, timeoutMs);
}

int connectFromAndAwaitEnd(const char *sourceAddress, quint16 port, int timeoutMs)
{
    int error = 0;
    UniqueFd fd = connectFrom(sourceAddress, port, timeoutMs, &error);
    if (fd.isValid())
        readAll(fd.get(), timeoutMs, &error);
    return error;
}

QByteArray readAll(int fd, int timeoutMs, int *error)
{
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    QByteArray data;
    char buffer[16384];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        pollfd p{fd, POLLIN, 0};
        if (left <= 0 || ::poll(&p, 1, int(left)) != 1) {
            if (error)
                *error = ETIMEDOUT;
            return data;
        }
        const ssize_t n = ::recv(fd, buffer, sizeof(buffer), MSG_DONTWAIT);
        if (n > 0) {
            data.append(buffer, n);
        } else if (n == 0) {
            if (error)
                *error = 0;
            return data;
        } else if (errno != EAGAIN && errno != EINTR) {
            if (error)
                *error = errno;
            return data;
        }
    }
}

UnresponsiveListener::UnresponsiveListener()
{
    m_listener = listenOnLoopback(0, &m_port);
    // Fill the accept queue until a handshake no longer completes.
    for (int i = 0; i < 16; ++i) {
        UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
        const sockaddr_in address = loopback(m_port);
        ::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), sizeof(address));
        pollfd p{fd.get(), POLLOUT, 0};
        const bool completed = ::poll(&p, 1, 200) == 1;
        m_fillers.push_back(std::move(fd));
        if (!completed)
            return;
    }
    qFatal("test: could not fill the accept queue of an unresponsive listener");
}

} // namespace PortRelay::Test
