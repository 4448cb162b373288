#pragma once

#include "core/net/transport.h"
#include "core/net/uniquefd.h"

namespace PortRelay {

// A TCP socket as it is: send(2), recv(2), splice(2), shutdown(SHUT_WR), and a reset by
// SO_LINGER 0 on an abortive close. Movable, so a session can hold it by value (TransportSlot).
class RawTcpTransport final : public Transport
{
public:
    RawTcpTransport() = default;
    explicit RawTcpTransport(UniqueFd fd)
        : m_fd(std::move(fd))
    {}
    ~RawTcpTransport() override { close(false); }
    RawTcpTransport(RawTcpTransport &&) noexcept = default;
    RawTcpTransport &operator=(RawTcpTransport &&) noexcept = default;
    Q_DISABLE_COPY(RawTcpTransport)

    int fd() const override { return m_fd.get(); }
    // The socket, for a transport that takes it over (TLS over a connection made directly).
    UniqueFd releaseDescriptor() { return std::move(m_fd); }
    IoResult receive(char *buffer, std::size_t length) override;
    IoResult send(const char *data, std::size_t length) override;
    bool canSplice() const override { return true; }
    IoResult receiveToPipe(int pipeWriteEnd, std::size_t length) override;
    IoResult sendFromPipe(int pipeReadEnd, std::size_t length) override;
    IoResult shutdownWrite(bool closeFollows) override;
    int pendingError() const override;
    void close(bool abortive) override;

private:
    UniqueFd m_fd;
};

} // namespace PortRelay
