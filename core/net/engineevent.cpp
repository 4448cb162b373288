#include "core/net/engineevent.h"

namespace PortRelay {

QString EngineEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::RuleStarted:
        return QStringLiteral("rule_started");
    case Kind::RuleStopped:
        return QStringLiteral("rule_stopped");
    case Kind::RuleFailed:
        return QStringLiteral("rule_failed");
    case Kind::RuleWaiting:
        return QStringLiteral("rule_waiting");
    case Kind::RuleChanged:
        return QStringLiteral("rule_changed");
    case Kind::BackendStateChanged:
        return QStringLiteral("backend_state_changed");
    case Kind::ConnectFailed:
        return QStringLiteral("connect_failed");
    case Kind::ClientRefused:
        return QStringLiteral("client_refused");
    case Kind::AcceptPaused:
        return QStringLiteral("accept_paused");
    case Kind::RuleSetLoaded:
        return QStringLiteral("ruleset_loaded");
    case Kind::RuleSetRejected:
        return QStringLiteral("ruleset_rejected");
    case Kind::HopStateChanged:
        return QStringLiteral("hop_state_changed");
    }
    return QString();
}

QString EngineEvent::levelName(Level level)
{
    switch (level) {
    case Level::Info:
        return QStringLiteral("info");
    case Level::Warning:
        return QStringLiteral("warning");
    case Level::Error:
        return QStringLiteral("error");
    }
    return QString();
}

} // namespace PortRelay
