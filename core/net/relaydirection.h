#pragma once

#include "core/net/chunkpool.h"
#include "core/net/transport.h"

#include <memory>

namespace PortRelay {

// One direction of a relayed connection: receives from one transport and sends to the other,
// holding at most one chunk (a buffer or a pipe's worth) in flight. That chunk is the whole
// per-direction memory bound: while the destination cannot take it, the source is not read
// (backpressure). End of stream is passed on as a half-close (the destination's shutdownWrite()),
// never as a close. Splices only when both transports can.
class RelayDirection
{
public:
    enum class Status
    {
        ReadBlocked,  // source has nothing now: wait for sourceWants() on it
        WriteBlocked, // destination is full: wait for destinationWants() on it, do not read meanwhile
        Budget,       // moved its share for this round; more may be ready
        Finished,     // source ended and the half-close was passed on
        ReadFailed,   // the source failed (reset): error() says why
        WriteFailed,  // the destination failed (reset, gone): error() says why
    };

    RelayDirection() = default;
    ~RelayDirection();
    Q_DISABLE_COPY_MOVE(RelayDirection)

    // Moves bytes from src to dst until one side blocks, the stream ends, or about budget bytes
    // have moved. Adds the bytes written to *moved. closeFollows: the other direction has
    // finished, so dst is closed as soon as this one does; a raw socket's close() then sends the
    // end of stream and the shutdown() is skipped (one system call less per connection).
    Status pump(Transport &src, Transport &dst, ChunkPool &pool, std::size_t budget, quint64 *moved,
                bool closeFollows = false);

    bool hasPending() const { return pendingBytes() > 0; }
    // Read and not yet written: never more than one chunk (ChunkPool::BufferSize or a pipe).
    quint32 pendingBytes() const { return m_bufferLength - m_bufferOffset + m_pipeBytes; }
    bool finished() const { return m_shutdownSent; }
    bool wantsRead() const { return !m_eof && !hasPending(); }
    // What the source waits for while wantsRead(), and the destination while hasPending(), as
    // IoResult::Want bits (equal to EPOLLIN and EPOLLOUT): a TLS source may wait to write.
    quint8 sourceWants() const { return m_sourceWants; }
    quint8 destinationWants() const { return m_destinationWants; }
    int error() const { return m_error; }

    // Gives borrowed chunks back (or discards a pipe still holding bytes). Call before destruction.
    void release(ChunkPool &pool);

private:
    enum class Flush
    {
        Done,
        Blocked,
        Failed
    };
    Flush flush(Transport &dst, quint64 *moved);
    // Reads one chunk into the buffer or the pipe.
    IoResult readChunk(Transport &src, ChunkPool &pool, bool canSplice);
    void releaseIdle(ChunkPool &pool);

    std::unique_ptr<char[]> m_buffer;
    SplicePipe m_pipe;
    quint32 m_bufferOffset = 0;
    quint32 m_bufferLength = 0;
    quint32 m_pipeBytes = 0;
    int m_error = 0;
    quint8 m_sourceWants = IoResult::WantRead;
    quint8 m_destinationWants = IoResult::WantWrite;
    bool m_splicing = false;
    bool m_eof = false;
    bool m_shutdownSent = false;
};

} // namespace PortRelay
