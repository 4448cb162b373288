#include "core/net/sockets.h"

#include <cerrno>
#include <clocale>
#include <cstring>

#include <fcntl.h>
#include <locale.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/socket.h>

namespace PortRelay::Sockets {

namespace {

constexpr char Context[] = "Sockets";

void setIntOption(int fd, int level, int name, int value)
{
    ::setsockopt(fd, level, name, &value, sizeof(value));
}

} // namespace

UniqueFd listen(const SocketAddress &address, int backlog, int *errorCode)
{
    const auto fail = [&](int code) {
        *errorCode = code;
        return UniqueFd();
    };
    UniqueFd fd(::socket(address.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP));
    if (!fd.isValid())
        return fail(errno);
    // Lets a restarted listener bind while old connections sit in TIME_WAIT; it does not let two
    // listeners share a port (that would be SO_REUSEPORT, which we do not set).
    setIntOption(fd.get(), SOL_SOCKET, SO_REUSEADDR, 1);
    if (address.family() == AF_INET6)
        setIntOption(fd.get(), IPPROTO_IPV6, IPV6_V6ONLY, 1);
    // Accepted sockets inherit these from the listener: no setsockopt() per client connection.
    tuneConnected(fd.get());
    if (::bind(fd.get(), address.native(), address.length()) != 0 || ::listen(fd.get(), backlog) != 0)
        return fail(errno);
    return fd;
}

UniqueFd connectNonBlocking(const SocketAddress &address, int *errorCode)
{
    UniqueFd fd(::socket(address.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP));
    if (!fd.isValid()) {
        *errorCode = errno;
        return {};
    }
    // TCP_NODELAY only: keep-alive probes are for clients that vanish without a word (inherited
    // from the listener for free); a dead backend is found by health checks and timeouts, and
    // four more setsockopt() calls per connection cost new-connection throughput.
    setIntOption(fd.get(), IPPROTO_TCP, TCP_NODELAY, 1);
    if (::connect(fd.get(), address.native(), address.length()) == 0) {
        *errorCode = 0;
        return fd;
    }
    *errorCode = errno;
    if (*errorCode == EINPROGRESS)
        return fd;
    return {};
}

void tuneConnected(int fd)
{
    setIntOption(fd, IPPROTO_TCP, TCP_NODELAY, 1);
    setIntOption(fd, SOL_SOCKET, SO_KEEPALIVE, 1);
    setIntOption(fd, IPPROTO_TCP, TCP_KEEPIDLE, 60);
    setIntOption(fd, IPPROTO_TCP, TCP_KEEPINTVL, 10);
    setIntOption(fd, IPPROTO_TCP, TCP_KEEPCNT, 6);
}

int pendingError(int fd)
{
    int error = 0;
    socklen_t length = sizeof(error);
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        return errno;
    return error;
}

void resetAndClose(int fd)
{
    const linger abortive{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive));
    ::close(fd);
}

bool isLocalResourceError(int errorCode)
{
    return errorCode == EMFILE || errorCode == ENFILE || errorCode == ENOBUFS || errorCode == ENOMEM;
}

Message errorMessage(int errorCode)
{
    switch (errorCode) {
    case EADDRINUSE:
        return Message(Context, QT_TRANSLATE_NOOP("Sockets", "address already in use"));
    case EACCES:
        return Message(Context, QT_TRANSLATE_NOOP("Sockets", "permission denied (ports below 1024 need privileges)"));
    case EADDRNOTAVAIL:
        return Message(Context, QT_TRANSLATE_NOOP("Sockets", "address not available on this machine"));
    case ECONNREFUSED:
        return Message(Context, QT_TRANSLATE_NOOP("Sockets", "connection refused"));
    case ETIMEDOUT:
        return Message(Context, QT_TRANSLATE_NOOP("Sockets", "connection timed out"));
    case ECONNRESET:
        return Message(Context, QT_TRANSLATE_NOOP("Sockets", "connection reset by peer"));
    case ENETUNREACH:
        return Message(Context, QT_TRANSLATE_NOOP("Sockets", "network unreachable"));
    case EHOSTUNREACH:
        return Message(Context, QT_TRANSLATE_NOOP("Sockets", "host unreachable"));
    case EMFILE:
    case ENFILE:
        return Message(Context, QT_TRANSLATE_NOOP("Sockets", "out of file descriptors"));
    default:
        return systemErrorMessage(errorCode);
    }
}

Message systemErrorMessage(int errorCode)
{
    // The C locale's text is English whatever LANG says; strerror() follows the user's locale.
    static const locale_t c = ::newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
    const QString english = QString::fromLocal8Bit(c ? ::strerror_l(errorCode, c) : ::strerror(errorCode));
    return Message::verbatim(english, QString::fromLocal8Bit(::strerror(errorCode)));
}

int usableCpuCount()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof(set), &set) == 0)
        return qMax(1, CPU_COUNT(&set));
    return 1;
}

long raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    return long(limit.rlim_cur);
}

} // namespace PortRelay::Sockets
