#include "testtransport.h"

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
        const IoResult r = m_socket.receive(m_held.data() + m_heldLength, HoldCapacity - m_heldLength);
        switch (r.status) {
        case IoResult::Status::Done:
            m_heldLength += r.bytes;
            if (byWrite)
                m_counts.readByWrites.fetch_add(quint64(r.bytes), std::memory_order_relaxed);
            break;
        case IoResult::Status::End:
            m_peerEnded = true;
            return;
        case IoResult::Status::Failed:
            m_heldError = r.error;
            return;
        case IoResult::Status::WouldBlock:
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
    const bool inputWaiting = ::recv(m_socket.fd(), &probe, 1, MSG_PEEK | MSG_DONTWAIT) > 0;
    if (!m_owesRead && inputWaiting && m_heldLength < HoldCapacity) {
        // As a TLS write that meets a record on its way (a key update): it goes on only once
        // the socket has been readable, which the relay learns from this result alone.
        m_owesRead = true;
        m_counts.writesWantingRead.fetch_add(1, std::memory_order_relaxed);
        return IoResult::wouldBlock(IoResult::WantRead);
    }
    m_owesRead = false;
    readAhead(true);
    return m_socket.send(data, length);
}

} // namespace PortRelay::Test
