#include "core/net/chunkpool.h"

#include <fcntl.h>
#include <unistd.h>

namespace PortRelay {

ChunkPool::ChunkPool(RelayMode mode)
    : m_mode(mode)
{}

ChunkPool::~ChunkPool()
{
    for (const SplicePipe &pipe : m_pipes)
        discardPipe(pipe);
}

std::unique_ptr<char[]> ChunkPool::takeBuffer()
{
    if (m_buffers.empty())
        return std::make_unique<char[]>(BufferSize);
    std::unique_ptr<char[]> buffer = std::move(m_buffers.back());
    m_buffers.pop_back();
    return buffer;
}

void ChunkPool::giveBuffer(std::unique_ptr<char[]> buffer)
{
    if (buffer && m_buffers.size() < MaxIdleBuffers)
        m_buffers.push_back(std::move(buffer));
}

SplicePipe ChunkPool::takePipe()
{
    if (!m_pipes.empty()) {
        const SplicePipe pipe = m_pipes.back();
        m_pipes.pop_back();
        return pipe;
    }
    int fds[2];
    if (::pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0)
        return {};
    return {fds[0], fds[1]};
}

void ChunkPool::givePipe(SplicePipe pipe)
{
    if (!pipe.isValid())
        return;
    if (m_pipes.size() < MaxIdlePipes)
        m_pipes.push_back(pipe);
    else
        discardPipe(pipe);
}

void ChunkPool::trim()
{
    m_buffers.clear();
    for (const SplicePipe &pipe : m_pipes)
        discardPipe(pipe);
    m_pipes.clear();
}

void ChunkPool::discardPipe(SplicePipe pipe)
{
    if (pipe.isValid()) {
        ::close(pipe.readEnd);
        ::close(pipe.writeEnd);
    }
}

} // namespace PortRelay
