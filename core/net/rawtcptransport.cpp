#include "core/net/rawtcptransport.h"

#include "core/net/sockets.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/socket.h>

namespace PortRelay {

IoResult RawTcpTransport::receive(char *buffer, std::size_t length)
{
    for (;;) {
        const ssize_t n = ::recv(m_fd.get(), buffer, length, 0);
        if (n > 0)
            return IoResult::done(std::size_t(n));
        if (n == 0)
            return IoResult::end();
        if (errno == EAGAIN)
            return IoResult::wouldBlock(IoResult::WantRead);
        if (errno != EINTR)
            return IoResult::failed(errno);
    }
}

IoResult RawTcpTransport::send(const char *data, std::size_t length)
{
    for (;;) {
        const ssize_t n = ::send(m_fd.get(), data, length, MSG_NOSIGNAL);
        if (n >= 0)
            return IoResult::done(std::size_t(n));
        if (errno == EAGAIN)
            return IoResult::wouldBlock(IoResult::WantWrite);
        if (errno != EINTR)
            return IoResult::failed(errno);
    }
}

IoResult RawTcpTransport::receiveToPipe(int pipeWriteEnd, std::size_t length)
{
    for (;;) {
        const ssize_t n =
            ::splice(m_fd.get(), nullptr, pipeWriteEnd, nullptr, length, SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
        if (n > 0)
            return IoResult::done(std::size_t(n));
        if (n == 0)
            return IoResult::end();
        if (errno == EAGAIN)
            return IoResult::wouldBlock(IoResult::WantRead);
        if (errno != EINTR)
            return IoResult::failed(errno);
    }
}

IoResult RawTcpTransport::sendFromPipe(int pipeReadEnd, std::size_t length)
{
    for (;;) {
        const ssize_t n =
            ::splice(pipeReadEnd, nullptr, m_fd.get(), nullptr, length, SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
        if (n > 0)
            return IoResult::done(std::size_t(n));
        if (n == 0)
            return IoResult::failed(EPIPE);
        if (errno == EAGAIN)
            return IoResult::wouldBlock(IoResult::WantWrite);
        if (errno != EINTR)
            return IoResult::failed(errno);
    }
}

IoResult RawTcpTransport::shutdownWrite(bool closeFollows)
{
    // close() sends the FIN as well: one system call less per connection.
    if (!closeFollows)
        ::shutdown(m_fd.get(), SHUT_WR);
    return IoResult::done(0);
}

int RawTcpTransport::pendingError() const
{
    return Sockets::pendingError(m_fd.get());
}

void RawTcpTransport::close(bool abortive)
{
    if (!m_fd.isValid())
        return;
    if (abortive)
        Sockets::resetAndClose(m_fd.release());
    else
        m_fd.reset();
}

} // namespace PortRelay
