#pragma once

#include "core/engine/rulestatus.h"
#include "core/net/backendstate.h"
#include "core/net/engineevent.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QPalette>
#include <QString>

namespace PortRelay {

// How states look: an icon whose shape differs per state (not colour alone, for colour-blind
// users), a word, and a text colour that stays readable on light and dark palettes.
class StateIcons
{
    Q_DECLARE_TR_FUNCTIONS(StateIcons)

public:
    enum class TrayState
    {
        Idle,     // nothing running
        AllUp,    // every running rule has its backends up
        SomeDown, // a backend is down
        Failed,   // a rule failed to start
    };

    static QIcon icon(BackendState state);
    static QIcon icon(RuleState state);
    static QIcon icon(EngineEvent::Level level);
    static QIcon trayIcon(TrayState state);
    static QIcon appIcon();

    static QString text(BackendState state);
    static QString text(RuleState state);
    static QString text(EngineEvent::Level level);

    static QColor colour(BackendState state, const QPalette &palette);
    static QColor colour(RuleState state, const QPalette &palette);
};

} // namespace PortRelay
