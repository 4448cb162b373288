#pragma once

#include "core/net/clocktimer.h"
#include "core/net/hostresolver.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace PortRelay {

class Clock;
class RuleRuntime;

// Keeps the addresses of one running rule's named backends current. Every name is looked up when
// the rule starts or is reloaded, again every refresh interval while it runs (a name that moves
// is followed), soon after its backend fails (a container restarted elsewhere), and, while a name
// does not resolve, with backoff from 1 s up to the refresh interval, so that the backend comes
// back without a restart once it resolves. Literal addresses need none of this and cost nothing.
//
// Lives on the engine's control thread; lookups run on the HostResolver's threads. New address
// lists are published to the backends' runtimes; the lists they replace go to retire(), which
// frees them once no worker can be reading them.
class BackendResolution final : public QObject
{
    Q_OBJECT

public:
    using Retire = std::function<void(std::shared_ptr<const void>)>;

    BackendResolution(std::shared_ptr<RuleRuntime> runtime, HostResolver &resolver, Retire retire,
                      int refreshIntervalMs, const Clock &clock, QObject *parent = nullptr);
    ~BackendResolution() override;
    Q_DISABLE_COPY_MOVE(BackendResolution)

    // Looks every name up now, and then every refresh interval.
    void start();
    // Looks every name up now (a reload).
    void refreshAll();
    // The backend failed: its name is looked up again now, or 2 s after the last lookup.
    void onBackendFailing(int backend);
    // Every name has been looked up once (true at once for a rule of literal addresses).
    bool isSettled() const { return m_settled; }

Q_SIGNALS:
    // Every name has been looked up once.
    void settled();
    // The backend's name does not resolve: "cannot resolve db.test: Name or service not known".
    void unresolvable(int backend, const PortRelay::Message &reason);
    // The backend has new addresses, or resolves again after it did not.
    void addressesChanged(int backend);

private:
    struct Name;
    void lookUp(Name &name);
    void onResult(Name &name, const HostResolver::Result &result);

    std::shared_ptr<RuleRuntime> m_runtime;
    HostResolver &m_resolver;
    const Clock &m_clock;
    Retire m_retire;
    const int m_refreshIntervalMs;
    std::shared_ptr<int> m_guard; // lookups finishing after this object is gone are dropped
    std::vector<std::unique_ptr<Name>> m_names;
    ClockTimer m_refresh;
    bool m_settled = false;
};

} // namespace PortRelay
