#pragma once

#include "core/net/relaydirection.h"

namespace PortRelay {

// A connection in its relaying phase: both directions between the client's transport and the
// backend's, which of them to pump on an event, and the epoll interest of each side, computed
// from what the transports said they wait for (a TLS write may wait for the socket to be
// readable), not from the directions alone. Knows nothing of rules, counters or the loop.
class Relay
{
public:
    enum class Side : quint8
    {
        Client,
        Backend
    };
    struct Outcome
    {
        enum class Kind : quint8
        {
            Open,     // both or one direction still flows
            Finished, // both ended cleanly: close without a reset
            Broken    // a reset or failure: reset the other side too
        };
        Kind kind = Kind::Open;
        int backendError = 0; // the backend broke the connection off (errno): charge it
        quint64 upMoved = 0;  // client to backend, this call
        quint64 downMoved = 0;
    };

    // Bytes one direction may move per call before other connections get their turn.
    static constexpr std::size_t Budget = 1024 * 1024;

    Relay() = default;
    Q_DISABLE_COPY_MOVE(Relay)

    // events as the loop reported them for side's descriptor.
    Outcome onIo(Transport &client, Transport &backend, Side side, quint32 events, ChunkPool &pool);
    // A turn without an event, for input a transport holds itself and the socket will not
    // signal again (see needsTurn()).
    Outcome onTurn(Transport &client, Transport &backend, ChunkPool &pool);
    // Whether a direction waits to read while its source already holds input.
    bool needsTurn(const Transport &client, const Transport &backend) const;

    // The epoll events side's descriptor should wait for (0: none, errors only).
    quint32 interest(Side side) const;

    const RelayDirection &up() const { return m_up; }
    const RelayDirection &down() const { return m_down; }
    bool hasPending() const { return m_up.hasPending() || m_down.hasPending(); }
    void release(ChunkPool &pool);

private:
    Outcome pump(Transport &client, Transport &backend, bool pumpUp, bool pumpDown, bool error, Side side,
                 ChunkPool &pool);

    RelayDirection m_up;   // client to backend
    RelayDirection m_down; // backend to client
};

} // namespace PortRelay
