#include "core/health/backendtest.h"

#include "core/health/healthchecker.h"
#include "core/health/healthprobe.h"
#include "core/net/addresslist.h"
#include "core/net/clock.h"
#include "core/net/hostresolver.h"
#include "core/net/ruleruntime.h"
#include "core/net/workerpool.h"

#include <QPointer>

#include <vector>

namespace PortRelay {

// One run's state. The probes live on the worker's thread only (made and freed there); the rest
// is this object's thread's.
struct BackendTest::Run
{
    std::shared_ptr<RuleRuntime> runtime;
    std::vector<std::unique_ptr<HealthProbe>> probes; // worker thread only
};

BackendTest::BackendTest(QObject *parent)
    : QObject(parent)
{}

BackendTest::~BackendTest()
{
    cancel();
    // The pool runs what was posted to it before it shuts down: the probes go first.
    m_workers.reset();
}

Rule BackendTest::testedRule(const Rule &rule)
{
    Rule tested = rule;
    for (Backend &backend : tested.backends)
        backend.enabled = true;
    if (tested.healthCheck.type == HealthCheck::Type::None) {
        tested.healthCheck.type = HealthCheck::Type::Tcp;
        tested.healthCheck.send.clear();
        tested.healthCheck.expect.clear();
        tested.healthCheck.timeoutMs = rule.connectTimeoutMs;
    }
    return tested;
}

void BackendTest::run(const Rule &rule)
{
    cancel();
    if (!m_workers) {
        // One thread is plenty: a check is a socket and a few system calls.
        m_workers = std::make_unique<WorkerPool>(1, RelayMode::Copy, Clock::system());
        m_resolver = std::make_unique<HostResolver>(2);
    }
    const Rule tested = testedRule(rule);
    std::vector<std::shared_ptr<const AddressList>> addresses;
    for (const Backend &backend : tested.backends) {
        const std::optional<QHostAddress> literal = backend.address.numericAddress();
        addresses.push_back(literal ? AddressList::make({SocketAddress(*literal, backend.address.port)}) : nullptr);
    }
    auto run = std::make_shared<Run>();
    run->runtime = std::make_shared<RuleRuntime>(tested, addresses);
    run->probes.resize(tested.backends.size());
    m_run = run;
    m_pending = int(tested.backends.size());
    if (m_pending == 0) {
        Q_EMIT finished();
        return;
    }
    for (int i = 0; i < int(tested.backends.size()); ++i) {
        if (const QString &hop = tested.hopOf(i); !hop.isEmpty()) {
            // Never directly, and here no hop runs: the running rule checks it through its hop.
            const Message text =
                Message("PortRelay::BackendTest", QT_TR_NOOP("reached through hop \"%1\": checked through it "
                                                             "while the rule runs (Hops tab)"))
                    .arg(hop);
            QMetaObject::invokeMethod(
                this, [this, run, i, text] { report(run, i, false, 0, text); }, Qt::QueuedConnection);
            continue;
        }
        if (addresses[std::size_t(i)]) {
            startCheck(run, i);
            continue;
        }
        const Endpoint &name = tested.backends[i].address;
        m_resolver->resolve(name.host, name.port, run, [this, run, i, name](const HostResolver::Result &result) {
            if (run != m_run)
                return;
            if (result.addresses.empty()) {
                // The engine's words for it (BackendResolution).
                report(run, i, false, 0,
                       Message("PortRelay::BackendResolution",
                               QT_TRANSLATE_NOOP("PortRelay::BackendResolution", "cannot resolve %1: %2"))
                           .arg(name.host)
                           .arg(result.error));
                return;
            }
            run->runtime->backend(i).publishAddresses(AddressList::make(result.addresses));
            startCheck(run, i);
        });
    }
}

void BackendTest::startCheck(const std::shared_ptr<Run> &run, int backend)
{
    const UpstreamConnector &connector = m_workers->connectors().forBackend(*run->runtime, backend);
    WorkerPool *workers = m_workers.get();
    QPointer<BackendTest> self(this);
    m_workers->postTo(0, [run, backend, &connector, workers, self](EventLoop &loop) {
        auto &probe = run->probes[std::size_t(backend)];
        probe = std::make_unique<HealthProbe>(
            run->runtime, backend, connector, loop,
            [run, backend, workers, self, &loop](const HealthProbe::Outcome &outcome) {
                const Message text = HealthChecker::describe(run->runtime->rule().healthCheck, outcome);
                workers->deliver([run, backend, self, outcome, text] {
                    if (self)
                        self->report(run, backend, outcome.passed(), outcome.micros, text);
                });
                // Not from inside its own report: the probe is still on the stack.
                loop.post([run, backend] { run->probes[std::size_t(backend)].reset(); });
            });
        probe->checkNow();
    });
}

void BackendTest::report(const std::shared_ptr<Run> &run, int backend, bool passed, qint64 micros,
                         const Message &result)
{
    if (run != m_run)
        return;
    Q_EMIT tested(backend, passed, micros, result);
    if (--m_pending == 0)
        Q_EMIT finished();
}

void BackendTest::cancel()
{
    if (!m_run)
        return;
    // Probes under way are freed on their thread; their reports, if any, name a run no longer ours.
    m_workers->postTo(0, [run = m_run](EventLoop &) {
        for (auto &probe : run->probes)
            probe.reset();
    });
    m_run.reset();
    m_pending = 0;
}

} // namespace PortRelay
