#include "core/engine/backendresolution.h"

#include "core/net/clock.h"
#include "core/net/ruleruntime.h"

namespace PortRelay {

namespace {

constexpr char Context[] = "PortRelay::BackendResolution";

// A failing backend's name is looked up again at most this often.
constexpr qint64 FailingLookupIntervalMs = 2000;
constexpr int FirstRetryMs = 1000;

} // namespace

struct BackendResolution::Name
{
    int backend = 0;
    QString host;
    quint16 port = 0;
    bool inFlight = false;
    bool done = false;    // looked up at least once
    bool failing = false; // does not resolve now
    int backoffMs = 0;
    qint64 lastLookupMs = -FailingLookupIntervalMs;
    explicit Name(const Clock &clock)
        : retry(clock)
    {}
    ClockTimer retry;
};

BackendResolution::BackendResolution(std::shared_ptr<RuleRuntime> runtime, HostResolver &resolver, Retire retire,
                                     int refreshIntervalMs, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_runtime(std::move(runtime))
    , m_resolver(resolver)
    , m_clock(clock)
    , m_retire(std::move(retire))
    , m_refreshIntervalMs(qMax(100, refreshIntervalMs))
    , m_guard(std::make_shared<int>(0))
    , m_refresh(clock)
{
    const Rule &rule = m_runtime->rule();
    for (int i = 0; i < rule.backends.size(); ++i) {
        const Backend &backend = rule.backends[i];
        // A backend behind a hop is resolved on the far side of it.
        if (!backend.enabled || backend.address.numericAddress() || !rule.hopOf(i).isEmpty())
            continue;
        auto name = std::make_unique<Name>(m_clock);
        name->backend = i;
        name->host = backend.address.host;
        name->port = backend.address.port;
        name->retry.setSingleShot(true);
        Name *raw = name.get();
        connect(&name->retry, &ClockTimer::timeout, this, [this, raw] { lookUp(*raw); });
        m_names.push_back(std::move(name));
    }
    m_refresh.setInterval(m_refreshIntervalMs);
    connect(&m_refresh, &ClockTimer::timeout, this, &BackendResolution::refreshAll);
}

BackendResolution::~BackendResolution() = default;

void BackendResolution::start()
{
    if (m_names.empty()) {
        m_settled = true;
        return;
    }
    refreshAll();
    m_refresh.start();
}

void BackendResolution::refreshAll()
{
    for (const auto &name : m_names)
        lookUp(*name);
}

void BackendResolution::onBackendFailing(int backend)
{
    for (const auto &name : m_names) {
        if (name->backend != backend)
            continue;
        const qint64 wait = name->lastLookupMs + FailingLookupIntervalMs - m_clock.nowMs();
        if (wait <= 0)
            lookUp(*name);
        else if (!name->retry.isActive() || name->retry.remainingMs() > wait)
            name->retry.start(int(wait));
    }
}

void BackendResolution::lookUp(Name &name)
{
    if (name.inFlight)
        return;
    name.inFlight = true;
    name.lastLookupMs = m_clock.nowMs();
    m_resolver.resolve(name.host, name.port, m_guard,
                       [this, &name](const HostResolver::Result &result) { onResult(name, result); });
}

void BackendResolution::onResult(Name &name, const HostResolver::Result &result)
{
    name.inFlight = false;
    name.done = true;
    BackendRuntime &backend = m_runtime->backend(name.backend);
    const std::shared_ptr<const AddressList> current = backend.publishedAddresses();
    if (!result.addresses.empty()) {
        const bool wasFailing = name.failing;
        name.failing = false;
        name.backoffMs = 0;
        name.retry.stop();
        backend.setResolveError(Message());
        const bool changed = current->addresses != result.addresses;
        if (changed)
            m_retire(backend.publishAddresses(AddressList::make(result.addresses)));
        if (changed || wasFailing)
            Q_EMIT addressesChanged(name.backend);
    } else {
        const Message reason = Message(Context, QT_TR_NOOP("cannot resolve %1: %2")).arg(name.host).arg(result.error);
        backend.setResolveError(reason);
        // A lookup that failed for a while (a DNS server not answering) keeps the addresses the
        // name had; a name that does not exist (any more) has none.
        if (result.nameUnknown && !current->isEmpty())
            m_retire(backend.publishAddresses(AddressList::make({})));
        if (backend.publishedAddresses()->isEmpty() && !name.failing) {
            name.failing = true;
            Q_EMIT unresolvable(name.backend, reason);
        }
        name.backoffMs = name.backoffMs == 0 ? FirstRetryMs : qMin(name.backoffMs * 2, m_refreshIntervalMs);
        name.retry.start(name.backoffMs);
    }
    if (!m_settled) {
        bool all = true;
        for (const auto &n : m_names)
            all = all && n->done;
        if (all) {
            m_settled = true;
            Q_EMIT settled();
        }
    }
}

} // namespace PortRelay
