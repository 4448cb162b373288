#pragma once

#include "core/engine/rulestatus.h"
#include "core/i18n/message.h"
#include "core/net/backendstate.h"
#include "core/net/trafficcounters.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace PortRelay {

struct BackendSnapshot
{
    QString address; // as configured: "127.0.0.1:8081", "db.local:5432"
    BackendState state = BackendState::Unknown;
    TrafficSample traffic;
    int weight = 1;
    bool backup = false;
    qint64 lastCheckEpochMs = 0; // 0: not checked yet
    qint32 lastCheckMicros = -1;
    Message lastFailure;           // the last failed check's reason
    qint64 lastFailureEpochMs = 0; // when it failed
    qint64 stateSinceEpochMs = 0;  // when it entered its current state
};

// A running hop (HopRuntime) at the moment of the snapshot.
struct HopSnapshot
{
    QString name;
    QString state;  // "connecting", "up", "down" (HopRuntime::stateName)
    Message reason; // why it is down, or what it is doing
    qint64 sinceEpochMs = 0;
};

struct RuleSnapshot
{
    RuleStatus status;
    QString listen;
    TrafficSample traffic;
    quint64 refused = 0;             // turned away at accept (allow list, connection limits)
    quint64 failed = 0;              // no backend could be reached
    QList<BackendSnapshot> backends; // empty while the rule is not running
};

// Counters of every rule at one moment, in rule-set order. Cheap to take (no locks on the data
// path); the UI and portrelayd take one about once a second.
struct EngineSnapshot
{
    qint64 takenAtMs = 0; // monotonic
    QList<RuleSnapshot> rules;
    QList<HopSnapshot> hops; // the hops that run (those the enabled rules use), by name

    const RuleSnapshot *find(QStringView name) const
    {
        for (const RuleSnapshot &rule : rules) {
            if (rule.status.name == name)
                return &rule;
        }
        return nullptr;
    }
};

} // namespace PortRelay

Q_DECLARE_METATYPE(PortRelay::EngineSnapshot)
