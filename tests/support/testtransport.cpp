#include "testtransport.h"

#include "core/net/sockets.h"

#include <cerrno>
#include <cstring>

#include <sys/socket.h>

namespace PortRelay::Test {

IoResult TestTransport::handshake()
{
    if (m_handshakeDone)
        return IoResult::done(0);
    if (m_counts.handshakeWaits.fetch_add(1) == 0)
        return IoResult::wouldBlock(IoResult::WantWrite);
    m_handshakeDone = true;
    return IoResult::done(0);
}

void TestTransport::readAhead(bool byWrite)
{
    if (m_peerEnded || m_heldError != 0)
        return;
    if (m_heldOffset > 0) {
        std::memmove(m_held.data(), m_held.data() + m_heldOffset, m_heldLength);
        m_heldOffset = 0;
    }
    while (m_heldLength < HoldCapacity) {
        const ssize_t n = ::recv(m_fd.get(), m_held.data() + m_heldLength, HoldCapacity - m_heldLength, 0);
        if (n > 0) {
            m_heldLength += std::size_t(n);
            if (byWrite)
                m_counts.readByWrites.fetch_add(quint64(n), std::memory_order_relaxed);
        } else if (n == 0) {
            m_peerEnded = true;
            return;
        } else if (errno != EINTR) {
            if (errno != EAGAIN)
                m_heldError = errno;
            return;
        }
    }
}

IoResult TestTransport::receive(char *buffer, std::size_t length)
{
    // As TLS hands out one record at a time while it holds the rest: read everything the socket
    // has, return at most one small record of it.
    readAhead(false);
    if (m_heldLength > 0) {
        const std::size_t n = qMin(qMin(length, m_heldLength), RecordSize);
        std::memcpy(buffer, m_held.data() + m_heldOffset, n);
        m_heldOffset += n;
        m_heldLength -= n;
        if (m_heldLength == 0)
            m_heldOffset = 0;
        return IoResult::done(n);
    }
    if (m_peerEnded)
        return IoResult::end();
    if (m_heldError != 0)
        return IoResult::failed(m_heldError);
    return IoResult::wouldBlock(IoResult::WantRead);
}

IoResult TestTransport::send(const char *data, std::size_t length)
{
    char probe;
    const bool inputWaiting = ::recv(m_fd.get(), &probe, 1, MSG_PEEK | MSG_DONTWAIT) > 0;
    if (!m_owesRead && inputWaiting && m_heldLength < HoldCapacity) {
        // As a TLS write that meets a record on its way (a key update): it goes on only once
        // the socket has been readable, which the relay learns from this result alone.
        m_owesRead = true;
        m_counts.writesWantingRead.fetch_add(1, std::memory_order_relaxed);
        return IoResult::wouldBlock(IoResult::WantRead);
    }
    m_owesRead = false;
    readAhead(true);
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

IoResult TestTransport::shutdownWrite(bool)
{
    ::shutdown(m_fd.get(), SHUT_WR);
    return IoResult::done(0);
}

int TestTransport::pendingError() const
{
    return Sockets::pendingError(m_fd.get());
}

void TestTransport::close(bool abortive)
{
    if (!m_fd.isValid())
        return;
    if (abortive)
        Sockets::resetAndClose(m_fd.release());
    else
        m_fd.reset();
}

} // namespace PortRelay::Test
