#pragma once

#include "core/net/uniquefd.h"

#include <QtGlobal>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace PortRelay::Test {

// A real TCP server on 127.0.0.1 (or another loopback address, "::1" included; ephemeral port)
// that runs a handler for each accepted
// connection on a thread of its own. Handlers must end by themselves (use timeouts); the
// connection is closed when the handler returns.
class LoopbackServer
{
public:
    using Handler = std::function<void(int fd)>;

    // port 0: an ephemeral port; otherwise that port (to restart a "crashed" backend in place).
    // receiveBuffer > 0: SO_RCVBUF for the accepted sockets, set on the listener before it listens
    // (set after the handshake it would shrink a window already advertised and stall TCP).
    explicit LoopbackServer(Handler handler, quint16 port = 0, int receiveBuffer = 0,
                            const char *address = "127.0.0.1");
    ~LoopbackServer();
    Q_DISABLE_COPY_MOVE(LoopbackServer)

    quint16 port() const { return m_port; }
    int accepted() const { return m_accepted.load(); }
    // Closes the listening socket: later connections are refused. Open ones go on.
    void stop();

private:
    void acceptLoop();

    Handler m_handler;
    UniqueFd m_listener;
    quint16 m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_accepted{0};
    std::thread m_acceptThread;
    std::mutex m_mutex;
    std::vector<std::thread> m_handlers;
};

// A listening socket on 127.0.0.1 (*port 0: an ephemeral port, written back); fatal on failure.
UniqueFd listenOnLoopback(int backlog, quint16 *port, int receiveBuffer = 0);
// The same on another address ("127.0.0.2", "::1").
UniqueFd listenOn(const char *address, int backlog, quint16 *port, int receiveBuffer = 0);

// A port on 127.0.0.1 that nothing listens on at the moment of the call.
quint16 freeLoopbackPort();

// A blocking connect to 127.0.0.1:port; an invalid fd on failure, with *error set to its errno.
// A peer that accepts and resets at once can make the connect itself report ECONNRESET.
UniqueFd connectToLoopback(quint16 port, int timeoutMs = 5000, int *error = nullptr);
// The same from a given local address such as "127.0.0.2" (any of 127.0.0.0/8 is on loopback).
UniqueFd connectFrom(const char *sourceAddress, quint16 port, int timeoutMs = 5000, int *error = nullptr);

// Connects and reads to the end: the errno that ended the connection (ECONNRESET for a reset,
// ECONNREFUSED if nothing listens, ETIMEDOUT if nothing happened), or 0 for a clean end of stream.
int connectAndAwaitEnd(quint16 port, int timeoutMs = 5000);
int connectFromAndAwaitEnd(const char *sourceAddress, quint16 port, int timeoutMs = 5000);

// A handler for LoopbackServer: sends back what it reads until the client's end of stream (then
// half-closes) or ten seconds of silence.
void echo(int fd);

// Sends message and reads until as many bytes came back; true when they are the same.
bool echoRoundTrip(int fd, const QByteArray &message);

// Reads until end of stream or error; returns the bytes, sets *error to errno on failure.
QByteArray readAll(int fd, int timeoutMs, int *error = nullptr);

// A listening socket that never accepts and whose accept queue is full, so a connect to it gets
// no answer at all (the kernel drops the SYN): the "backend that never answers the handshake".
class UnresponsiveListener
{
public:
    UnresponsiveListener();
    quint16 port() const { return m_port; }

private:
    UniqueFd m_listener;
    std::vector<UniqueFd> m_fillers;
    quint16 m_port = 0;
};

} // namespace PortRelay::Test
