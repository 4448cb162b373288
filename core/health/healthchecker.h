#pragma once

#include "core/health/healthprobe.h"
#include "core/i18n/message.h"
#include "core/net/backendstate.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace PortRelay {

class Clock;
class HealthProbe;
class RuleRuntime;
class WorkerPool;

// Decides the health of one running rule's backends: active checks on a timer (a connect through
// the backend's connector, then optional send/expect), spread evenly over the interval, with
// rise/fall hysteresis; and the follow-up of passive marks from the workers. The checks
// themselves are HealthProbes on the workers' event loops (the backends spread over them); their
// outcomes come back here, on the engine's control thread (never the GUI thread), which decides
// and writes the state to the backends' atomics, where the workers read it on every pick.
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
    // The backend's name does not resolve (reason: "cannot resolve db.test: Name or service not
    // known"): it is down at once, whatever the checks say.
    void onUnresolvable(int backend, const PortRelay::Message &reason);
    // The backend's addresses changed (its name resolves again, or to other addresses): a backend
    // down is given its chance now, by a check, or with checks off by returning to "unknown".
    void onAddressesChanged(int backend);

Q_SIGNALS:
    void stateChanged(int backend, PortRelay::BackendState from, PortRelay::BackendState to,
                      const PortRelay::Message &reason);

private:
    struct Verdict;
    struct ProbeSlot;
    struct Outcomes;

    // Runs task with the backend's probe on the probe's worker (the probe made there at first use).
    void onProbe(int backend, std::function<void(HealthProbe &)> task);
    void onOutcome(int backend, const HealthProbe::Outcome &outcome);
    Message describe(const HealthProbe::Outcome &outcome) const;
    void transition(int backend, BackendState from, BackendState to, const Message &reason);
    void startRevive(int backend);

    std::shared_ptr<RuleRuntime> m_runtime;
    WorkerPool &m_workers;
    const Clock &m_clock;
    std::vector<Verdict> m_verdicts;
    std::vector<std::shared_ptr<ProbeSlot>> m_probes;
    std::shared_ptr<Outcomes> m_outcomes; // where the probes' reports land; outlives us
};

} // namespace PortRelay
