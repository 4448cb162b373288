#include "core/net/relay.h"

#include <sys/epoll.h>

namespace PortRelay {

static_assert(quint32(IoResult::WantRead) == quint32(EPOLLIN) && quint32(IoResult::WantWrite) == quint32(EPOLLOUT),
              "a transport's wants are used as epoll events");

Relay::Outcome Relay::onIo(Transport &client, Transport &backend, Side side, quint32 events, ChunkPool &pool)
{
    // On an error, still move what can be moved (a response that arrived before the backend's
    // reset), then pass the reset on.
    const bool error = events & EPOLLERR;
    const bool hangup = error || (events & EPOLLHUP);
    const quint32 ready = events & (EPOLLIN | EPOLLOUT);
    const bool clientSide = side == Side::Client;
    const bool pumpUp = hangup || (ready & (clientSide ? m_up.sourceWants() : m_up.destinationWants()));
    const bool pumpDown = hangup || (ready & (clientSide ? m_down.destinationWants() : m_down.sourceWants()));
    return pump(client, backend, pumpUp, pumpDown, error, side, pool);
}

Relay::Outcome Relay::onTurn(Transport &client, Transport &backend, ChunkPool &pool)
{
    return pump(client, backend, true, true, false, Side::Client, pool);
}

Relay::Outcome Relay::pump(Transport &client, Transport &backend, bool pumpUp, bool pumpDown, bool error, Side side,
                           ChunkPool &pool)
{
    Outcome outcome;
    bool failed = false;
    using Status = RelayDirection::Status;
    const auto moveUp = [&] {
        if (failed || m_up.finished())
            return;
        const Status s = m_up.pump(client, backend, pool, Budget, &outcome.upMoved, m_down.finished());
        failed = s == Status::ReadFailed || s == Status::WriteFailed;
        if (s == Status::WriteFailed)
            outcome.backendError = m_up.error();
    };
    const auto moveDown = [&] {
        if (failed || m_down.finished())
            return;
        const Status s = m_down.pump(backend, client, pool, Budget, &outcome.downMoved, m_up.finished());
        failed = s == Status::ReadFailed || s == Status::WriteFailed;
        if (s == Status::ReadFailed)
            outcome.backendError = m_down.error();
    };
    // A write that waits for its transport to be readable (TLS: a record must be read first) may
    // be served by the other direction's read of that same transport, after which the socket
    // will not say readable again: so after reading from a transport, a write waiting on it to
    // be readable is tried again at once. Raw TCP never waits so; a few rounds bound the rest.
    const auto waitsToRead = [](const RelayDirection &d) {
        return d.hasPending() && (d.destinationWants() & IoResult::WantRead);
    };
    bool clientRead = false;
    bool backendRead = false;
    if (pumpUp) {
        moveUp();
        clientRead = true;
    }
    if (pumpDown) {
        moveDown();
        backendRead = true;
    }
    for (int round = 0; round < 4 && !failed; ++round) {
        if (clientRead && waitsToRead(m_down)) {
            clientRead = false;
            moveDown();
            backendRead = true;
        } else if (backendRead && waitsToRead(m_up)) {
            backendRead = false;
            moveUp();
            clientRead = true;
        } else {
            break;
        }
    }
    const bool bothFinished = m_up.finished() && m_down.finished();
    const bool broken = failed || (error && !bothFinished);
    // An error reported on the backend's socket with nothing left to read is the backend's reset.
    if (broken && !failed && side == Side::Backend && outcome.backendError == 0)
        outcome.backendError = backend.pendingError();
    outcome.kind = broken ? Outcome::Kind::Broken : bothFinished ? Outcome::Kind::Finished : Outcome::Kind::Open;
    return outcome;
}

bool Relay::needsTurn(const Transport &client, const Transport &backend) const
{
    return (m_up.wantsRead() && client.hasBufferedInput()) || (m_down.wantsRead() && backend.hasBufferedInput());
}

quint32 Relay::interest(Side side) const
{
    const RelayDirection &reading = side == Side::Client ? m_up : m_down;
    const RelayDirection &writing = side == Side::Client ? m_down : m_up;
    return (reading.wantsRead() ? reading.sourceWants() : 0u) |
           (writing.hasPending() ? writing.destinationWants() : 0u);
}

void Relay::release(ChunkPool &pool)
{
    m_up.release(pool);
    m_down.release(pool);
}

} // namespace PortRelay
