#pragma once

#include "core/i18n/message.h"

#include <QMetaType>
#include <QString>

namespace PortRelay {

enum class RuleState
{
    Stopped, // not listening (disabled, stopped by the user, or not started yet)
    Running, // listening and forwarding
    Failed,  // could not listen: reason says why
    Waiting, // its address is taken (or not on this machine yet): retried on its own, reason says why
};

struct RuleStatus
{
    QString name;
    RuleState state = RuleState::Stopped;
    Message reason;            // Failed, Waiting: "cannot listen on 127.0.0.1:5432: address already in use"
    int error = 0;             // Failed, Waiting: errno of the failed listen (EADDRINUSE: the port is taken)
    qint64 retryAtEpochMs = 0; // Waiting: when the next attempt is due (ms since the epoch)

    static QString stateName(RuleState state);
};

} // namespace PortRelay

Q_DECLARE_METATYPE(PortRelay::RuleStatus)
