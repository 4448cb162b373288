#pragma once

#include <QtGlobal>

#include <memory>
#include <vector>

namespace PortRelay {

// How relayed bytes are moved between the two sockets of a connection.
enum class RelayMode
{
    Auto,   // copy small reads through a buffer; splice once reads fill the buffer (bulk)
    Copy,   // always copy through a user-space buffer (portable)
    Splice, // always splice through a pipe, never touching the bytes (Linux)
};

// A pipe used as a splice(2) carrier.
struct SplicePipe
{
    int readEnd = -1;
    int writeEnd = -1;
    bool isValid() const { return readEnd >= 0; }
};

// The buffers and pipes of one worker. A connection borrows one per direction only while bytes
// are in flight and gives it back when its source runs dry, so an idle connection holds none:
// memory and descriptors per idle connection stay at the two sockets.
class ChunkPool
{
public:
    static constexpr std::size_t BufferSize = 16 * 1024;
    static constexpr std::size_t PipeCapacity = 64 * 1024;

    explicit ChunkPool(RelayMode mode);
    ~ChunkPool();
    Q_DISABLE_COPY_MOVE(ChunkPool)

    RelayMode mode() const { return m_mode; }

    std::unique_ptr<char[]> takeBuffer();
    void giveBuffer(std::unique_ptr<char[]> buffer);

    // An empty pipe, or an invalid one when none can be made (descriptors exhausted).
    SplicePipe takePipe();
    // Takes back an empty pipe.
    void givePipe(SplicePipe pipe);
    // Closes a pipe that still holds bytes (its connection died mid-transfer).
    static void discardPipe(SplicePipe pipe);

    // Whether buffers or pipes wait here unused.
    bool holdsIdle() const { return !m_buffers.empty() || !m_pipes.empty(); }
    // Frees every idle buffer and pipe: after a quiet spell, so an idle forwarder holds only its
    // sockets, and at once when descriptors run short.
    void trim();

private:
    static constexpr std::size_t MaxIdleBuffers = 256;
    static constexpr std::size_t MaxIdlePipes = 64;

    RelayMode m_mode;
    std::vector<std::unique_ptr<char[]>> m_buffers;
    std::vector<SplicePipe> m_pipes;
};

} // namespace PortRelay
