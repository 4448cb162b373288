#include "core/net/relaydirection.h"

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

RelayDirection::Flush RelayDirection::flush(Transport &dst, quint64 *moved)
{
    while (m_bufferLength > m_bufferOffset) {
        const IoResult r = dst.send(m_buffer.get() + m_bufferOffset, m_bufferLength - m_bufferOffset);
        if (r.status == IoResult::Status::Done) {
            m_bufferOffset += quint32(r.bytes);
            *moved += r.bytes;
        } else if (r.status == IoResult::Status::WouldBlock) {
            m_destinationWants = r.wants;
            return Flush::Blocked;
        } else {
            m_error = r.error;
            return Flush::Failed;
        }
    }
    m_bufferOffset = m_bufferLength = 0;
    while (m_pipeBytes > 0) {
        const IoResult r = dst.sendFromPipe(m_pipe.readEnd, m_pipeBytes);
        if (r.status == IoResult::Status::Done) {
            m_pipeBytes -= quint32(r.bytes);
            *moved += r.bytes;
        } else if (r.status == IoResult::Status::WouldBlock) {
            m_destinationWants = r.wants;
            return Flush::Blocked;
        } else {
            m_error = r.error;
            return Flush::Failed;
        }
    }
    return Flush::Done;
}

IoResult RelayDirection::readChunk(Transport &src, ChunkPool &pool, bool canSplice)
{
    if (m_splicing && canSplice) {
        if (!m_pipe.isValid())
            m_pipe = pool.takePipe();
        if (m_pipe.isValid()) {
            const IoResult r = src.receiveToPipe(m_pipe.writeEnd, ChunkPool::PipeCapacity);
            if (r.status == IoResult::Status::Done) {
                m_pipeBytes = quint32(r.bytes);
                // Small reads copy faster than they splice: go back to copying.
                if (pool.mode() == RelayMode::Auto && r.bytes < ChunkPool::BufferSize)
                    m_splicing = false;
            }
            return r;
        }
        m_splicing = false; // no pipe to be had: copy this chunk
    }
    if (!m_buffer)
        m_buffer = pool.takeBuffer();
    const IoResult r = src.receive(m_buffer.get(), ChunkPool::BufferSize);
    if (r.status == IoResult::Status::Done) {
        m_bufferOffset = 0;
        m_bufferLength = quint32(r.bytes);
        // A full buffer means bulk transfer: let the kernel move the next chunks.
        if (pool.mode() != RelayMode::Copy && canSplice && r.bytes == ChunkPool::BufferSize)
            m_splicing = true;
    }
    return r;
}

RelayDirection::Status RelayDirection::pump(Transport &src, Transport &dst, ChunkPool &pool, std::size_t budget,
                                            quint64 *moved, bool closeFollows)
{
    const bool canSplice = src.canSplice() && dst.canSplice();
    if (pool.mode() == RelayMode::Splice && canSplice && !m_eof && !hasPending())
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
                // A transport that cannot end its stream at once (TLS close_notify on a full
                // socket) finishes it on close; the peer still sees a clean end.
                dst.shutdownWrite(closeFollows);
                m_shutdownSent = true;
                release(pool);
            }
            return Status::Finished;
        }
        if (*moved - start >= budget)
            return Status::Budget;
        const IoResult r = readChunk(src, pool, canSplice);
        switch (r.status) {
        case IoResult::Status::Done: {
            // A read that did not fill its chunk almost always drained the socket: pass it on and
            // stop, instead of paying one more read just to hear EAGAIN (a third of all syscalls
            // for small request/response traffic). If more arrived meanwhile, the level-triggered
            // readiness wakes us again; input a transport holds itself never does, so then read on.
            const std::size_t capacity = m_pipeBytes > 0 ? ChunkPool::PipeCapacity : ChunkPool::BufferSize;
            if (r.bytes < capacity && !src.hasBufferedInput()) {
                const Flush result = flush(dst, moved);
                if (result == Flush::Blocked)
                    return Status::WriteBlocked;
                if (result == Flush::Failed)
                    return Status::WriteFailed;
                releaseIdle(pool);
                m_sourceWants = IoResult::WantRead;
                return Status::ReadBlocked;
            }
            continue;
        }
        case IoResult::Status::End:
            m_eof = true;
            continue;
        case IoResult::Status::WouldBlock:
            releaseIdle(pool);
            m_sourceWants = r.wants;
            return Status::ReadBlocked;
        case IoResult::Status::Failed:
            m_error = r.error;
            return Status::ReadFailed;
        }
    }
}

} // namespace PortRelay
