#pragma once

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
    QString reason;            // Failed, Waiting: "cannot listen on 127.0.0.1:5432: address already in use"
    qint64 retryAtEpochMs = 0; // Waiting: when the next attempt is due (ms since the epoch)

    static QString stateName(RuleState state);
};

} // namespace PortRelay

Q_DECLARE_METATYPE(PortRelay::RuleStatus)
