#pragma once

#include "core/i18n/message.h"
#include "core/ruleset/rule.h"

#include <QHostAddress>

#include <QString>

#include <functional>
#include <optional>

namespace PortRelay {

// Whether a rule could listen on an address and port now, found the way the engine listens: the
// socket its protocol's ListenerFactory opens (the engine's options, bound, listening for a moment
// if it is a stream), then closed. Costs a few system calls; for the window's checks, never for
// the data path.
class PortProbe
{
public:
    struct Result
    {
        int errorCode = 0; // errno of the failed bind or listen; 0 when the port is free
        Message error;     // its words, "address already in use"
        bool isFree() const { return errorCode == 0; }
        bool inUse() const; // taken by another socket: another port may do
    };

    static Result probe(Protocol protocol, const QHostAddress &address, quint16 port);

    // The nearest port above from that probe() finds free and skip (if given) does not reject,
    // trying at most maxAttempts ports and none past 65535.
    static std::optional<quint16> nextFree(Protocol protocol, const QHostAddress &address, quint16 from,
                                           int maxAttempts, const std::function<bool(quint16)> &skip = {});
};

} // namespace PortRelay
