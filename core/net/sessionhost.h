#pragma once

#include "core/net/engineevent.h"

#include <QString>

namespace PortRelay {

class ChunkPool;
class EventLoop;
class RuleRuntime;
class TcpSession;
class UpstreamConnector;

// What a session needs from the worker that runs it: the loop and the pool, the way to each
// backend, a rate-limited report channel, and bookkeeping when it ends. Calls come from the
// worker's thread only.
class SessionHost
{
public:
    virtual EventLoop &loop() = 0;
    virtual ChunkPool &pool() = 0;
    virtual const UpstreamConnector &connectorFor(RuleRuntime &rule, int backend) = 0;

    // Whether a report of kind about rule (null: none) may be sent now; how many were held back.
    virtual bool admitReport(RuleRuntime *rule, EngineEvent::Kind kind, quint64 *suppressed) = 0;
    virtual void sendReport(EngineEvent::Level level, EngineEvent::Kind kind, RuleRuntime *rule, const Message &message,
                            quint64 suppressed) = 0;
    // Real traffic's failures marked a backend down (passive check).
    virtual void markedDown(RuleRuntime &rule, int backend, BackendState previous, const Message &reason) = 0;

    // This process ran out of descriptors or memory: stop taking clients for a moment.
    virtual void localShortage() = 0;
    // Bytes moved: keeps the pool's buffers warm.
    virtual void relayed() = 0;
    // The session holds input its socket will not signal: run it again after this batch.
    virtual void wantsTurn(TcpSession &session) = 0;
    // The session closed; it is destroyed after the current batch of events.
    virtual void sessionClosed(TcpSession &session) = 0;

protected:
    ~SessionHost() = default;
};

// A report whose text is only built when it is sent: under a flood most end at the throttle.
template<typename MakeMessage>
void report(SessionHost &host, EngineEvent::Level level, EngineEvent::Kind kind, RuleRuntime *rule,
            MakeMessage makeMessage)
{
    quint64 suppressed = 0;
    if (host.admitReport(rule, kind, &suppressed))
        host.sendReport(level, kind, rule, makeMessage(), suppressed);
}

} // namespace PortRelay
