#include "core/net/relaydirection.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/socket.h>

namespace PortRelay {

RelayDirection::~RelayDirection()
{
    // release() should have run; never leak a pipe's descriptors all the same.
    ChunkPool::discardPipe(m_pipe);
}

void RelayDirection::release(ChunkPool &pool)
{
    if (m_pipeBytes > 0)
        ChunkPool::discardPipe(m_pipe);
    else
        pool.givePipe(m_pipe);
    m_pipe = {};
    m_pipeBytes = 0;
    pool.giveBuffer(std::move(m_buffer));
    m_bufferOffset = m_bufferLength = 0;
}

void RelayDirection::releaseIdle(ChunkPool &pool)
{
    if (!hasPending())
        release(pool);
}

RelayDirection::Flush RelayDirection::flush(int dst, quint64 *moved)
{
    while (m_bufferLength > m_bufferOffset) {
        const ssize_t n = ::send(dst, m_buffer.get() + m_bufferOffset, m_bufferLength - m_bufferOffset, MSG_NOSIGNAL);
        if (n > 0) {
            m_bufferOffset += quint32(n);
            *moved += quint64(n);
        } else if (errno == EAGAIN) {
            return Flush::Blocked;
        } else if (errno != EINTR) {
            m_error = errno;
            return Flush::Failed;
        }
    }
    m_bufferOffset = m_bufferLength = 0;
    while (m_pipeBytes > 0) {
        const ssize_t n =
            ::splice(m_pipe.readEnd, nullptr, dst, nullptr, m_pipeBytes, SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
        if (n > 0) {
            m_pipeBytes -= quint32(n);
            *moved += quint64(n);
        } else if (n < 0 && errno == EAGAIN) {
            return Flush::Blocked;
        } else if (n == 0 || errno != EINTR) {
            m_error = n == 0 ? EPIPE : errno;
            return Flush::Failed;
        }
    }
    return Flush::Done;
}

long RelayDirection::readChunk(int src, ChunkPool &pool)
{
    if (m_splicing) {
        if (!m_pipe.isValid())
            m_pipe = pool.takePipe();
        if (m_pipe.isValid()) {
            const ssize_t n = ::splice(src, nullptr, m_pipe.writeEnd, nullptr, ChunkPool::PipeCapacity,
                                       SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
            if (n > 0) {
                m_pipeBytes = quint32(n);
                // Small reads copy faster than they splice: go back to copying.
                if (pool.mode() == RelayMode::Auto && std::size_t(n) < ChunkPool::BufferSize)
                    m_splicing = false;
            }
            return long(n);
        }
        m_splicing = false; // no pipe to be had: copy this chunk
    }
    if (!m_buffer)
        m_buffer = pool.takeBuffer();
    const ssize_t n = ::recv(src, m_buffer.get(), ChunkPool::BufferSize, 0);
    if (n > 0) {
        m_bufferOffset = 0;
        m_bufferLength = quint32(n);
        // A full buffer means bulk transfer: let the kernel move the next chunks.
        if (pool.mode() != RelayMode::Copy && std::size_t(n) == ChunkPool::BufferSize)
            m_splicing = true;
    }
    return long(n);
}

RelayDirection::Status RelayDirection::pump(int src, int dst, ChunkPool &pool, std::size_t budget, quint64 *moved,
                                            bool closeFollows)
{
    if (pool.mode() == RelayMode::Splice && !m_eof && !hasPending())
        m_splicing = true;
    const quint64 start = *moved;
    for (;;) {
        if (hasPending()) {
            const Flush result = flush(dst, moved);
            if (result == Flush::Blocked)
                return Status::WriteBlocked;
            if (result == Flush::Failed)
                return Status::WriteFailed;
        }
        if (m_eof) {
            if (!m_shutdownSent) {
                if (!closeFollows)
                    ::shutdown(dst, SHUT_WR);
                m_shutdownSent = true;
                release(pool);
            }
            return Status::Finished;
        }
        if (*moved - start >= budget)
            return Status::Budget;
        const long n = readChunk(src, pool);
        if (n > 0) {
            // A read that did not fill its chunk almost always drained the socket: pass it on and
            // stop, instead of paying one more read just to hear EAGAIN (a third of all syscalls
            // for small request/response traffic). If more arrived meanwhile, the level-triggered
            // readiness wakes us again.
            const std::size_t capacity = m_pipeBytes > 0 ? ChunkPool::PipeCapacity : ChunkPool::BufferSize;
            if (std::size_t(n) < capacity) {
                const Flush result = flush(dst, moved);
                if (result == Flush::Blocked)
                    return Status::WriteBlocked;
                if (result == Flush::Failed)
                    return Status::WriteFailed;
                releaseIdle(pool);
                return Status::ReadBlocked;
            }
            continue;
        }
        if (n == 0) {
            m_eof = true;
            continue;
        }
        if (errno == EAGAIN) {
            releaseIdle(pool);
            return Status::ReadBlocked;
        }
        if (errno != EINTR) {
            m_error = errno;
            return Status::ReadFailed;
        }
    }
}

} // namespace PortRelay
