#include "core/engine/rulestatus.h"

namespace PortRelay {

QString RuleStatus::stateName(RuleState state)
{
    switch (state) {
    case RuleState::Stopped:
        return QStringLiteral("stopped");
    case RuleState::Running:
        return QStringLiteral("running");
    case RuleState::Failed:
        return QStringLiteral("failed");
    case RuleState::Waiting:
        return QStringLiteral("waiting");
    }
    return QString();
}

} // namespace PortRelay
