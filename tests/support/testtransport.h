#pragma once

#include "core/net/rawtcptransport.h"

#include <atomic>
#include <vector>

namespace PortRelay::Test {

// A transport layered over a real socket (a RawTcpTransport, as TLS will be) that behaves as a TLS
// transport does where it matters to the relay, so that the relay is proven to follow the
// transport, not the socket:
// - its handshake waits once for the socket to be writable before it is done;
// - receive() reads whatever the socket has into a buffer of its own (at most 16 KiB) and
//   returns at most one small record of it, and send() reads ahead the same way, as OpenSSL
//   reads records while it writes: the socket then no longer signals that input, which only
//   hasBufferedInput() tells;
// - a send() that finds input waiting first waits for the socket to be *readable* (WantRead),
//   once, then reads it ahead and writes;
// - it never splices, and its end of stream is sent even when a close follows (close_notify).
class TestTransport final : public Transport
{
public:
    static constexpr std::size_t HoldCapacity = 16 * 1024;
    static constexpr std::size_t RecordSize = 1000;

    explicit TestTransport(UniqueFd fd)
        : m_socket(std::move(fd))
    {}
    Q_DISABLE_COPY_MOVE(TestTransport)

    int fd() const override { return m_socket.fd(); }
    IoResult handshake() override;
    IoResult receive(char *buffer, std::size_t length) override;
    IoResult send(const char *data, std::size_t length) override;
    bool hasBufferedInput() const override { return m_heldLength > 0 || m_peerEnded || m_heldError != 0; }
    // Always sent, as a close_notify is, even when a close follows.
    IoResult shutdownWrite(bool) override { return m_socket.shutdownWrite(false); }
    int pendingError() const override { return m_socket.pendingError(); }
    void close(bool abortive) override { m_socket.close(abortive); }

    // What the transport did, for tests to see that each path was taken.
    struct Counts
    {
        std::atomic<quint64> readByWrites{0}; // read ahead into the own buffer by send()
        std::atomic<quint64> writesWantingRead{0};
        std::atomic<int> handshakeWaits{0};
    };
    const Counts &counts() const { return m_counts; }

private:
    void readAhead(bool byWrite);

    RawTcpTransport m_socket;
    std::vector<char> m_held = std::vector<char>(HoldCapacity);
    std::size_t m_heldOffset = 0;
    std::size_t m_heldLength = 0;
    int m_heldError = 0;
    bool m_peerEnded = false;
    bool m_handshakeDone = false;
    bool m_owesRead = false; // the last send() waited for a read: this one reads and writes
    Counts m_counts;
};

} // namespace PortRelay::Test
