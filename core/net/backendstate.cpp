#include "core/net/backendstate.h"

namespace PortRelay {

QString backendStateName(BackendState state)
{
    switch (state) {
    case BackendState::Unknown:
        return QStringLiteral("unknown");
    case BackendState::Up:
        return QStringLiteral("up");
    case BackendState::Down:
        return QStringLiteral("down");
    case BackendState::Draining:
        return QStringLiteral("draining");
    case BackendState::Disabled:
        return QStringLiteral("disabled");
    }
    return QStringLiteral("unknown");
}

} // namespace PortRelay
