#pragma once

#include "core/health/healthprobe.h"
#include "core/i18n/message.h"
#include "core/net/backendstate.h"

#include <QObject>

namespace PortRelay {
class ClockTimer;
}

#include <functional>
#include <memory>
#include <vector>

namespace PortRelay {

class Clock;
struct HealthCheck;
class HealthProbe;
class RuleRuntime;
class WorkerPool;

// Decides the health of one running rule's backends: active checks on a timer (a connect through
// the backend's connector, then optional send/expect), spread evenly over the interval, with
// rise/fall hysteresis; and the follow-up of passive marks from the workers. Each backend's checks
// run as a HealthProbe on one of the workers' event loops (the backends spread over them), and
// its rise/fall count is kept there too: a check costs the control thread nothing, and only a
// verdict that changes the state is handed over. The control thread (the engine's, never the GUI
// thread) moves the state in the backends' atomics, where the workers read it on every pick, and
// emits stateChanged() in the same step; it also decides draining, names that stop resolving and
// the fail window with checks off.
class HealthChecker final : public QObject
{
    Q_OBJECT

public:
    HealthChecker(std::shared_ptr<RuleRuntime> runtime, WorkerPool &workers, const Clock &clock,
                  QObject *parent = nullptr);
    // The probes are freed on their workers' threads, after what was posted to them before.
    ~HealthChecker() override;
    Q_DISABLE_COPY_MOVE(HealthChecker)

    // Starts the periodic checks (nothing to do with "type": "none").
    void start();
    // Runs one check of a backend now, outside the schedule.
    void checkNow(int backend);
    // A worker marked the backend down after failed connects. Its success streak starts again;
    // with active checks off it returns to "unknown" once fail_window_ms has passed.
    void onMarkedDown(int backend, BackendState previous, const Message &reason);
    void setDraining(int backend, bool draining);
    // The backend cannot be tried (reason: "cannot resolve db.test: Name or service not known",
    // "hop \"bastion\" is down: …"): it is down at once, whatever the checks say.
    void onUnresolvable(int backend, const PortRelay::Message &reason);
    // The backend's addresses changed (its name resolves again, or to other addresses): a backend
    // down is given its chance now, by a check, or with checks off by returning to "unknown".
    void onAddressesChanged(int backend);
    // The way to the backend is back (its hop is up again; reason says so): as onAddressesChanged().
    void onPathRestored(int backend, const PortRelay::Message &reason);

    // A check's outcome in words: "connection refused", "expected \"+PONG\", got \"-ERR\"". The
    // same for the event log, the backends pane and the editor's "Test Backends".
    static Message describe(const HealthCheck &check, const HealthProbe::Outcome &outcome);

Q_SIGNALS:
    void stateChanged(int backend, PortRelay::BackendState from, PortRelay::BackendState to,
                      const PortRelay::Message &reason);

private:
    struct ProbeSlot;
    struct Shared;

    // Runs task with the backend's slot on its worker (the probe made there at first use).
    void onProbe(int backend, std::function<void(ProbeSlot &)> task);
    // On the probe's worker: counts the outcome towards rise or fall and moves the state.
    static void judge(const std::shared_ptr<Shared> &shared, ProbeSlot &slot, int backend,
                      const HealthProbe::Outcome &outcome);
    void transition(int backend, BackendState from, BackendState to, const Message &reason);
    void startRevive(int backend);

    std::shared_ptr<RuleRuntime> m_runtime;
    WorkerPool &m_workers;
    std::vector<std::unique_ptr<ClockTimer>> m_revive; // with checks off: the end of each fail window
    std::vector<std::shared_ptr<ProbeSlot>> m_probes;
    std::shared_ptr<Shared> m_shared; // what the probes' side needs; may outlive us
};

} // namespace PortRelay
