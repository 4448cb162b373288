#include "core/health/healthchecker.h"

#include "core/health/healthprobe.h"
#include "core/net/clock.h"
#include "core/net/ruleruntime.h"
#include "core/net/sockets.h"
#include "core/net/workerpool.h"

#include <QDateTime>
#include <QTimer>

#include <climits>

namespace PortRelay {

namespace {

constexpr char Context[] = "PortRelay::HealthChecker";

QString printable(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes.left(40)).trimmed();
    text.replace(QLatin1Char('\r'), QLatin1String("\\r")).replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return text;
}

} // namespace

// The hysteresis of one backend. Control thread only.
struct HealthChecker::Verdict
{
    int successes = 0;
    int failures = 0;
    std::unique_ptr<QTimer> revive; // with checks off: the end of the fail window
};

// One backend's probe. The probe lives on its worker's thread only: made there by the first task
// that needs it, and freed there by the last (or with its worker).
struct HealthChecker::ProbeSlot
{
    int worker = 0;
    std::function<std::unique_ptr<HealthProbe>(EventLoop &)> make; // set before the first post
    std::unique_ptr<HealthProbe> probe;
};

// Where the probes' outcomes land on the control thread; the checker may be gone by then.
struct HealthChecker::Outcomes
{
    HealthChecker *checker = nullptr; // control thread only
};

HealthChecker::HealthChecker(std::shared_ptr<RuleRuntime> runtime, WorkerPool &workers, const Clock &clock,
                             QObject *parent)
    : QObject(parent)
    , m_runtime(std::move(runtime))
    , m_workers(workers)
    , m_clock(clock)
    , m_verdicts(std::size_t(m_runtime->backendCount()))
    , m_outcomes(std::make_shared<Outcomes>())
{
    m_outcomes->checker = this;
    const Connectors &connectors = m_workers.connectors();
    for (int i = 0; i < m_runtime->backendCount(); ++i) {
        auto slot = std::make_shared<ProbeSlot>();
        // Spread the rules' backends over the workers, not all first backends on the first.
        slot->worker = int((m_runtime->id() + quint64(i)) % quint64(qMax(1, m_workers.size())));
        const UpstreamConnector &connector = connectors.forBackend(*m_runtime, i);
        slot->make = [runtime = m_runtime, i, &connector, workers = &m_workers,
                      outcomes = m_outcomes](EventLoop &loop) {
            return std::make_unique<HealthProbe>(runtime, i, connector, loop,
                                                 [workers, outcomes, i](const HealthProbe::Outcome &outcome) {
                                                     // One hand-over per check, batched with the workers' other
                                                     // deliveries.
                                                     workers->deliver([outcomes, i, outcome] {
                                                         if (outcomes->checker)
                                                             outcomes->checker->onOutcome(i, outcome);
                                                     });
                                                 });
        };
        m_probes.push_back(std::move(slot));
    }
}

HealthChecker::~HealthChecker()
{
    m_outcomes->checker = nullptr;
    // After whatever was posted to it before: tasks to one worker run in order.
    for (std::shared_ptr<ProbeSlot> &slot : m_probes) {
        const int worker = slot->worker;
        m_workers.postTo(worker, [slot = std::move(slot)](EventLoop &) { slot->probe.reset(); });
    }
}

void HealthChecker::onProbe(int backend, std::function<void(HealthProbe &)> task)
{
    const std::shared_ptr<ProbeSlot> &slot = m_probes[std::size_t(backend)];
    m_workers.postTo(slot->worker, [slot, task = std::move(task)](EventLoop &loop) {
        if (!slot->probe)
            slot->probe = slot->make(loop);
        task(*slot->probe);
    });
}

void HealthChecker::start()
{
    if (m_runtime->rule().healthCheck.type == HealthCheck::Type::None) {
        // A backend still down from before a reload gets its fail window like any other.
        for (int i = 0; i < int(m_verdicts.size()); ++i) {
            if (m_runtime->backend(i).health.load() == BackendState::Down && m_runtime->backend(i).hasAddresses())
                startRevive(i);
        }
        return;
    }
    // Spread the backends' checks over the interval instead of firing them all at once.
    const int count = int(m_verdicts.size());
    const int interval = m_runtime->rule().healthCheck.intervalMs;
    const qint64 now = m_clock.nowMs();
    for (int i = 0; i < count; ++i) {
        if (m_runtime->backend(i).health.load() == BackendState::Disabled)
            continue;
        const qint64 first = now + qint64(interval) * i / count;
        onProbe(i, [first](HealthProbe &probe) { probe.schedule(first); });
    }
}

void HealthChecker::checkNow(int backend)
{
    if (backend >= 0 && backend < int(m_verdicts.size()))
        onProbe(backend, [](HealthProbe &probe) { probe.checkNow(); });
}

Message HealthChecker::describe(const HealthProbe::Outcome &outcome) const
{
    const HealthCheck &check = m_runtime->rule().healthCheck;
    switch (outcome.kind) {
    case HealthProbe::Outcome::Kind::Connected:
        return Message(Context, QT_TR_NOOP("connected"));
    case HealthProbe::Outcome::Kind::Sent:
        return Message(Context, QT_TR_NOOP("connected and sent"));
    case HealthProbe::Outcome::Kind::Answered:
        return Message(Context, QT_TR_NOOP("answered as expected"));
    case HealthProbe::Outcome::Kind::Closed:
        return Message(Context, QT_TR_NOOP("closed by the backend"));
    case HealthProbe::Outcome::Kind::Unexpected:
        return Message(Context, QT_TR_NOOP("expected \"%1\", got \"%2\"")).arg(printable(check.expect)).arg(printable(outcome.received));
    case HealthProbe::Outcome::Kind::TimedOut:
        return Message(Context, QT_TR_NOOP("timeout after %1 ms")).arg(check.timeoutMs);
    case HealthProbe::Outcome::Kind::Failed:
    case HealthProbe::Outcome::Kind::LocalShortage:
        break;
    }
    return Sockets::errorMessage(outcome.error);
}

void HealthChecker::onOutcome(int backend, const HealthProbe::Outcome &outcome)
{
    // Out of descriptors here says nothing about the backend.
    if (outcome.kind == HealthProbe::Outcome::Kind::LocalShortage)
        return;
    const Message reason = describe(outcome);
    const bool passed = outcome.passed();
    Verdict &verdict = m_verdicts[std::size_t(backend)];
    const HealthCheck &check = m_runtime->rule().healthCheck;
    BackendRuntime &target = m_runtime->backend(backend);
    target.lastCheckEpochMs.store(QDateTime::currentMSecsSinceEpoch());
    target.lastCheckMicros.store(qint32(qMin<qint64>(outcome.micros, INT_MAX)));
    if (!passed)
        target.setLastFailure(reason);
    const BackendState current = target.health.load();
    if (passed) {
        ++verdict.successes;
        verdict.failures = 0;
        if (current == BackendState::Unknown)
            transition(backend, current, BackendState::Up, reason);
        else if (current == BackendState::Down && verdict.successes >= check.rise)
            transition(backend, current, BackendState::Up,
                       Message(Context, QT_TR_NOOP("%1 (%2/%3 checks)")).arg(reason).arg(verdict.successes).arg(check.rise));
    } else {
        ++verdict.failures;
        verdict.successes = 0;
        if ((current == BackendState::Up || current == BackendState::Unknown) && verdict.failures >= check.fall)
            transition(backend, current, BackendState::Down,
                       Message(Context, QT_TR_NOOP("%1 (%2/%3 checks)")).arg(reason).arg(verdict.failures).arg(check.fall));
    }
}

void HealthChecker::transition(int backend, BackendState from, BackendState to, const Message &reason)
{
    BackendRuntime &target = m_runtime->backend(backend);
    // A worker may have marked the backend down since we looked; its report is on its way and
    // decides, so only move from the state our verdict was based on.
    if (from == to || !target.health.compare_exchange_strong(from, to))
        return;
    target.markStateChanged();
    // Back from down (verified by checks, or given another chance with checks off): ramp up.
    if (from == BackendState::Down && (to == BackendState::Up || to == BackendState::Unknown))
        target.upSinceMs.store(m_clock.nowMs());
    Q_EMIT stateChanged(backend, from, to, reason);
}

void HealthChecker::startRevive(int backend)
{
    Verdict &verdict = m_verdicts[std::size_t(backend)];
    if (!verdict.revive) {
        verdict.revive = std::make_unique<QTimer>();
        verdict.revive->setSingleShot(true);
        verdict.revive->setInterval(m_runtime->rule().failWindowMs);
        connect(verdict.revive.get(), &QTimer::timeout, this, [this, backend] {
            transition(backend, BackendState::Down, BackendState::Unknown,
                       Message(Context, QT_TR_NOOP("fail window of %1 ms passed")).arg(m_runtime->rule().failWindowMs));
        });
    }
    verdict.revive->start();
}

void HealthChecker::onMarkedDown(int backend, BackendState previous, const Message &reason)
{
    if (backend < 0 || backend >= int(m_verdicts.size()))
        return;
    Verdict &verdict = m_verdicts[std::size_t(backend)];
    verdict.successes = 0;
    verdict.failures = 0;
    Q_EMIT stateChanged(backend, previous, BackendState::Down, reason);
    if (m_runtime->rule().healthCheck.type == HealthCheck::Type::None)
        startRevive(backend);
}

void HealthChecker::onUnresolvable(int backend, const Message &reason)
{
    if (backend < 0 || backend >= int(m_verdicts.size()))
        return;
    BackendRuntime &target = m_runtime->backend(backend);
    target.setLastFailure(reason);
    m_verdicts[std::size_t(backend)].successes = 0;
    for (BackendState from : {BackendState::Unknown, BackendState::Up}) {
        if (target.health.load() == from)
            transition(backend, from, BackendState::Down, reason);
    }
}

void HealthChecker::onAddressesChanged(int backend)
{
    if (backend < 0 || backend >= int(m_verdicts.size()))
        return;
    if (m_runtime->backend(backend).health.load() != BackendState::Down)
        return;
    if (m_runtime->rule().healthCheck.type == HealthCheck::Type::None) {
        if (QTimer *revive = m_verdicts[std::size_t(backend)].revive.get())
            revive->stop();
        transition(backend, BackendState::Down, BackendState::Unknown, Message(Context, QT_TR_NOOP("resolves again")));
    } else {
        checkNow(backend);
    }
}

void HealthChecker::setDraining(int backend, bool draining)
{
    if (backend < 0 || backend >= int(m_verdicts.size()))
        return;
    BackendRuntime &target = m_runtime->backend(backend);
    const BackendState from = target.state();
    target.draining.store(draining);
    const BackendState to = target.state();
    if (from != to) {
        target.markStateChanged();
        Q_EMIT stateChanged(backend, from, to, draining ? Message(Context, QT_TR_NOOP("draining: no new connections")) : Message(Context, QT_TR_NOOP("drain ended")));
    }
}

} // namespace PortRelay
