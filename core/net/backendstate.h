#pragma once

#include <QString>

namespace PortRelay {

enum class BackendState : quint8
{
    Unknown,  // no verdict yet; eligible
    Up,       // eligible
    Down,     // failed checks or could not be resolved
    Draining, // set by the user: no new connections, open ones finish
    Disabled, // enabled: false in the rule
};

// "unknown", "up", ... as used in logs and JSON.
QString backendStateName(BackendState state);

inline bool isEligible(BackendState state)
{
    return state == BackendState::Unknown || state == BackendState::Up;
}

} // namespace PortRelay
