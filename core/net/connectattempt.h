#pragma once

#include "core/i18n/message.h"
#include "core/net/transportslot.h"

#include <QtGlobal>

#include <memory>

namespace PortRelay {

// One attempt to reach one backend, started by an UpstreamConnector: from the first connect to
// a transport ready for the relay. Driven by the session that owns it, which watches fd() for
// interest() and calls onTimeout() at timeoutAtMs(); each call says how far it got. Pull-style
// (a result, not a callback), so an attempt is never destroyed inside its own call.
//
// An attempt may take several steps on its descriptor before it is Connected: the next address
// of a name after a refusal, a proxy's greeting and reply (SOCKS5, HTTP CONNECT), a TLS handshake
// with the backend. Each is more InProgress results with other interests.
class ConnectAttempt
{
public:
    enum class Progress : quint8
    {
        InProgress,    // wait for interest() on fd(), or until timeoutAtMs()
        Connected,     // takeTransport() has the connection
        Failed,        // error() says why; the backend may be charged with it
        LocalShortage, // out of descriptors or memory here: not the backend's fault
    };

    virtual ~ConnectAttempt() = default;

    virtual Progress start(qint64 nowMs) = 0;
    // events: what the loop reported for fd().
    virtual Progress onIo(quint32 events, qint64 nowMs) = 0;
    virtual Progress onTimeout(qint64 nowMs) = 0;

    // The descriptor to watch now. socketSerial() changes whenever the attempt closed one and
    // opened another (the next address), even when the kernel hands out the same number.
    virtual int fd() const = 0;
    virtual quint32 socketSerial() const = 0;
    virtual quint32 interest() const = 0;
    virtual qint64 timeoutAtMs() const = 0;

    // After Connected: the connection, once.
    virtual TransportSlot takeTransport() = 0;
    // After Failed or LocalShortage: the errno of the last failure (ETIMEDOUT for a timeout).
    virtual int error() const = 0;
    // After Failed: why, in words, when the errno alone does not say it (a hop that is down, a
    // channel the far side refused); empty otherwise.
    virtual Message failureReason() const { return Message(); }
    // After Connected: microseconds from start() to Connected, for adaptive weights.
    virtual qint64 setupMicros() const = 0;
};

} // namespace PortRelay
