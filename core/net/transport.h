#pragma once

#include <QtGlobal>

#include <cstddef>

namespace PortRelay {

// What a transport operation did. The relay never calls send(), recv() or splice() itself: it
// asks a Transport and reads this.
struct IoResult
{
    enum class Status : quint8
    {
        Done,       // bytes moved (> 0), or the operation completed
        WouldBlock, // try again once `wants` is ready on the transport's descriptor
        End,        // receive: the peer ended its stream (clean end of stream)
        Failed,     // error says why (ECONNRESET, EPIPE, ...)
    };
    enum Want : quint8
    {
        WantNothing = 0,
        WantRead = 1, // EPOLLIN
        WantWrite = 4 // EPOLLOUT
    };

    Status status = Status::Done;
    std::size_t bytes = 0;
    int error = 0;
    quint8 wants = WantNothing; // with WouldBlock: what the transport waits for (a TLS write may need a read)

    static IoResult done(std::size_t bytes) { return {Status::Done, bytes, 0, WantNothing}; }
    static IoResult wouldBlock(quint8 wants) { return {Status::WouldBlock, 0, 0, wants}; }
    static IoResult end() { return {Status::End, 0, 0, WantNothing}; }
    static IoResult failed(int error) { return {Status::Failed, 0, error, WantNothing}; }
};

// One side of a relayed connection, between the relay and its socket, in the spirit of HAProxy's
// xprt_ops and Envoy's TransportSocket: buffers in and out, optional pipe operations where the
// kernel can move the bytes itself (splice), the end of the write side, close. A transport tells
// with each WouldBlock what it waits for, so a session computes its descriptors' epoll interest
// from its transports, not from its directions.
//
// Raw TCP (RawTcpTransport) is a thin layer over the socket and keeps splice. TLS (OpenSSL) will
// be another: its send() may want a read (a key update) and its receive() a write, it holds input
// the socket will not signal again (hasBufferedInput(), SSL_pending), its shutdownWrite() sends
// close_notify, and it has no pipe operations, so the relay copies. See docs/architecture.md.
class Transport
{
public:
    virtual ~Transport() = default;

    // The descriptor the event loop watches for this transport.
    virtual int fd() const = 0;

    // Whatever must pass before the first byte is relayed (a TLS handshake): Done when complete,
    // WouldBlock with what it waits for, Failed with why. Raw TCP has nothing to do.
    virtual IoResult handshake() { return IoResult::done(0); }

    // Reads at most length bytes into buffer.
    virtual IoResult receive(char *buffer, std::size_t length) = 0;
    // Writes from data; Done with the bytes taken (maybe fewer than length).
    virtual IoResult send(const char *data, std::size_t length) = 0;

    // Whether the pipe operations below work: both transports of a direction must say so for
    // the relay to splice.
    virtual bool canSplice() const { return false; }
    // Moves at most length bytes from the socket into a pipe (splice), or from a pipe to the
    // socket. Only called when canSplice().
    virtual IoResult receiveToPipe(int pipeWriteEnd, std::size_t length);
    virtual IoResult sendFromPipe(int pipeReadEnd, std::size_t length);

    // Input already read from the socket and held inside the transport: the socket will not
    // report it readable, so the relay must receive without waiting (TLS records read ahead).
    virtual bool hasBufferedInput() const { return false; }

    // Ends the write side (a half-close the peer sees as end of stream). closeFollows: the
    // transport is closed right after, so a raw socket may leave the FIN to close() and save a
    // system call; a TLS transport still sends its close_notify.
    virtual IoResult shutdownWrite(bool closeFollows) = 0;

    // The error pending on the descriptor (SO_ERROR), for a hang-up reported by the event loop.
    virtual int pendingError() const = 0;

    // Closes the descriptor: abortive sends a reset, so the peer sees a failure as a failure.
    virtual void close(bool abortive) = 0;
};

} // namespace PortRelay
