#pragma once

#include <QMetaType>
#include <QString>

namespace PortRelay {

enum class RuleState
{
    Stopped, // not listening (disabled, stopped by the user, or not started yet)
    Running, // listening and forwarding
    Failed,  // could not listen: reason says why
};

struct RuleStatus
{
    QString name;
    RuleState state = RuleState::Stopped;
    QString reason; // for Failed: "cannot listen on 127.0.0.1:5432: address already in use"

    static QString stateName(RuleState state);
};

} // namespace PortRelay

Q_DECLARE_METATYPE(PortRelay::RuleStatus)
