#pragma once

#include "core/engine/backendstate.h"

#include <QObject>

#include <memory>
#include <vector>

namespace PortRelay {

class Clock;
class RuleRuntime;

// Decides the health of one running rule's backends: active checks on a timer (TCP connect, then
// optional send/expect), spread evenly over the interval, with rise/fall hysteresis; and the
// follow-up of passive marks from the workers. Lives on the engine's control thread, never on the
// GUI thread or a worker; the state it decides is written to the backends' atomics, where the
// workers read it on every pick.
class HealthChecker final : public QObject
{
    Q_OBJECT

public:
    HealthChecker(std::shared_ptr<RuleRuntime> runtime, const Clock &clock, QObject *parent = nullptr);
    ~HealthChecker() override;
    Q_DISABLE_COPY_MOVE(HealthChecker)

    // Starts the periodic checks (nothing to do with "type": "none").
    void start();
    // Runs one check of a backend now, outside the schedule.
    void checkNow(int backend);
    // A worker marked the backend down after failed connects. Its success streak starts again;
    // with active checks off it returns to "unknown" once fail_window_ms has passed.
    void onMarkedDown(int backend, BackendState previous, const QString &reason);
    void setDraining(int backend, bool draining);
    // The backend's name does not resolve (reason: "cannot resolve db.test: Name or service not
    // known"): it is down at once, whatever the checks say.
    void onUnresolvable(int backend, const QString &reason);
    // The backend's addresses changed (its name resolves again, or to other addresses): a backend
    // down is given its chance now, by a check, or with checks off by returning to "unknown".
    void onAddressesChanged(int backend);

Q_SIGNALS:
    void stateChanged(int backend, PortRelay::BackendState from, PortRelay::BackendState to, const QString &reason);

private:
    struct Probe;

    void runCheck(int backend);
    // Connects the probe to the address at position index of the list it holds.
    void connectProbe(int backend, int index);
    void finishCheck(int backend, bool passed, const QString &reason);
    void transition(int backend, BackendState from, BackendState to, const QString &reason);

    std::shared_ptr<RuleRuntime> m_runtime;
    const Clock &m_clock;
    std::vector<std::unique_ptr<Probe>> m_probes;
};

} // namespace PortRelay
