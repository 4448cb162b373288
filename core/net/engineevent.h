#pragma once

#include "core/net/backendstate.h"

#include "core/i18n/message.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace PortRelay {

// Something the engine did or saw that a person may want to know: logged by portrelayd, listed in
// the window. Rare by design (never per byte or per healthy connection).
struct EngineEvent
{
    enum class Level
    {
        Info,
        Warning,
        Error
    };
    enum class Kind
    {
        RuleStarted,
        RuleStopped,
        RuleFailed,
        RuleWaiting,
        RuleChanged,
        BackendStateChanged,
        ConnectFailed,
        ClientRefused,
        AcceptPaused,
        RuleSetLoaded,
        RuleSetRejected,
        HopStateChanged,
    };
    static constexpr int KindCount = int(Kind::HopStateChanged) + 1;

    QDateTime time;
    Level level = Level::Info;
    Kind kind = Kind::RuleStarted;
    QString rule;
    QString backend;
    QString hop; // hop state changes: the hop, and its new state ("connecting", "up", "down")
    QString hopState;
    std::optional<BackendState> from; // backend state changes
    std::optional<BackendState> to;
    Message message; // the human reason: "connection refused (3/3 checks)"

    // "rule_started", "backend_state_changed", ... as logged.
    static QString kindName(Kind kind);
    static QString levelName(Level level);
};

} // namespace PortRelay

Q_DECLARE_METATYPE(PortRelay::EngineEvent)
