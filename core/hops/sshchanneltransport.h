#pragma once

#include "core/net/rawtcptransport.h"

namespace PortRelay {

// One channel of an SSH master (a stdio forwarding opened over its control socket): the bytes
// travel over a local socket pair whose other end the master holds, so this is a raw transport
// (splice included) that also keeps the control connection the channel was opened on, for the
// channel lives only as long as that connection.
//
// The master passes our half-close to the far side as a channel EOF. The far side's half-close
// reaches us only when the whole channel ends: the master holds our socket's other end twice
// (as the channel's input and output) and closes its output copy alone, which a socket does not
// see as an end. No byte is lost; only that end of stream comes late (docs/architecture.md).
class SshChannelTransport final : public Transport
{
public:
    SshChannelTransport(UniqueFd data, UniqueFd control)
        : m_data(std::move(data))
        , m_control(std::move(control))
    {}
    ~SshChannelTransport() override { close(false); }
    Q_DISABLE_COPY_MOVE(SshChannelTransport)

    int fd() const override { return m_data.fd(); }
    IoResult receive(char *buffer, std::size_t length) override { return m_data.receive(buffer, length); }
    IoResult send(const char *data, std::size_t length) override { return m_data.send(data, length); }
    bool canSplice() const override { return true; }
    IoResult receiveToPipe(int pipeWriteEnd, std::size_t length) override
    {
        return m_data.receiveToPipe(pipeWriteEnd, length);
    }
    IoResult sendFromPipe(int pipeReadEnd, std::size_t length) override
    {
        return m_data.sendFromPipe(pipeReadEnd, length);
    }
    // The FIN must reach the master even when a close follows: it is the channel's EOF.
    IoResult shutdownWrite(bool) override { return m_data.shutdownWrite(false); }
    int pendingError() const override { return m_data.pendingError(); }
    // Closing the control connection makes the master end the channel at once.
    void close(bool abortive) override
    {
        m_data.close(abortive);
        m_control.reset();
    }

private:
    RawTcpTransport m_data;
    UniqueFd m_control;
};

} // namespace PortRelay
