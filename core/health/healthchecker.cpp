#include "core/health/healthchecker.h"

#include "core/health/healthprobe.h"
#include "core/net/clock.h"
#include "core/net/clocktimer.h"
#include "core/net/ruleruntime.h"
#include "core/net/sockets.h"
#include "core/net/workerpool.h"

#include <QDateTime>

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

// What the probes' side needs, shared with their workers; it may outlive the checker.
struct HealthChecker::Shared
{
    std::shared_ptr<RuleRuntime> runtime;
    WorkerPool *workers = nullptr;
    const Clock *clock = nullptr;
    HealthChecker *checker = nullptr; // control thread only; null once the checker is gone
};

// One backend's probe and its rise/fall count, on its worker's thread only: the probe is made
// there by the first task that needs it, and freed there by the last (or with its worker).
struct HealthChecker::ProbeSlot
{
    int worker = 0;
    std::function<std::unique_ptr<HealthProbe>(EventLoop &)> make; // set before the first post
    std::unique_ptr<HealthProbe> probe;
    int successes = 0;
    int failures = 0;
};

HealthChecker::HealthChecker(std::shared_ptr<RuleRuntime> runtime, WorkerPool &workers, const Clock &clock,
                             QObject *parent)
    : QObject(parent)
    , m_runtime(std::move(runtime))
    , m_workers(workers)
    , m_revive(std::size_t(m_runtime->backendCount()))
    , m_shared(std::make_shared<Shared>())
{
    m_shared->runtime = m_runtime;
    m_shared->workers = &m_workers;
    m_shared->clock = &clock;
    m_shared->checker = this;
    const Connectors &connectors = m_workers.connectors();
    for (int i = 0; i < m_runtime->backendCount(); ++i) {
        auto slot = std::make_shared<ProbeSlot>();
        // Spread the rules' backends over the workers, not all first backends on the first.
        slot->worker = int((m_runtime->id() + quint64(i)) % quint64(qMax(1, m_workers.size())));
        const UpstreamConnector &connector = connectors.forBackend(*m_runtime, i);
        ProbeSlot *raw = slot.get(); // the probe lives in the slot: it cannot outlive it
        slot->make = [shared = m_shared, raw, i, &connector](EventLoop &loop) {
            return std::make_unique<HealthProbe>(
                shared->runtime, i, connector, loop,
                [shared, raw, i](const HealthProbe::Outcome &outcome) { judge(shared, *raw, i, outcome); });
        };
        m_probes.push_back(std::move(slot));
    }
}

HealthChecker::~HealthChecker()
{
    m_shared->checker = nullptr;
    // After whatever was posted to it before: tasks to one worker run in order.
    for (std::shared_ptr<ProbeSlot> &slot : m_probes) {
        const int worker = slot->worker;
        m_workers.postTo(worker, [slot = std::move(slot)](EventLoop &) { slot->probe.reset(); });
    }
}

void HealthChecker::onProbe(int backend, std::function<void(ProbeSlot &)> task)
{
    const std::shared_ptr<ProbeSlot> &slot = m_probes[std::size_t(backend)];
    m_workers.postTo(slot->worker, [slot, task = std::move(task)](EventLoop &loop) {
        if (!slot->probe)
            slot->probe = slot->make(loop);
        task(*slot);
    });
}

void HealthChecker::start()
{
    const int count = m_runtime->backendCount();
    if (m_runtime->rule().healthCheck.type == HealthCheck::Type::None) {
        // A backend still down from before a reload gets its fail window like any other.
        for (int i = 0; i < count; ++i) {
            if (m_runtime->backend(i).health.load() == BackendState::Down && m_runtime->backend(i).isReachable())
                startRevive(i);
        }
        return;
    }
    // Spread the backends' checks over the interval instead of firing them all at once.
    const int interval = m_runtime->rule().healthCheck.intervalMs;
    const qint64 now = m_shared->clock->nowMs();
    for (int i = 0; i < count; ++i) {
        if (m_runtime->backend(i).health.load() == BackendState::Disabled)
            continue;
        const qint64 first = now + qint64(interval) * i / count;
        onProbe(i, [first](ProbeSlot &slot) { slot.probe->schedule(first); });
    }
}

void HealthChecker::checkNow(int backend)
{
    if (backend >= 0 && backend < int(m_probes.size()))
        onProbe(backend, [](ProbeSlot &slot) { slot.probe->checkNow(); });
}

Message HealthChecker::describe(const HealthCheck &check, const HealthProbe::Outcome &outcome)
{
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
        return Message(Context, QT_TR_NOOP("expected \"%1\", got \"%2\""))
            .arg(printable(check.expect))
            .arg(printable(outcome.received));
    case HealthProbe::Outcome::Kind::TimedOut:
        return Message(Context, QT_TR_NOOP("timeout after %1 ms")).arg(check.timeoutMs);
    case HealthProbe::Outcome::Kind::Failed:
    case HealthProbe::Outcome::Kind::LocalShortage:
        break;
    }
    return outcome.reason.isEmpty() ? Sockets::errorMessage(outcome.error) : outcome.reason;
}

void HealthChecker::judge(const std::shared_ptr<Shared> &sharedPtr, ProbeSlot &slot, int backend,
                          const HealthProbe::Outcome &outcome)
{
    Shared &shared = *sharedPtr;
    // Out of descriptors here says nothing about the backend.
    if (outcome.kind == HealthProbe::Outcome::Kind::LocalShortage)
        return;
    const HealthCheck &check = shared.runtime->rule().healthCheck;
    BackendRuntime &target = shared.runtime->backend(backend);
    target.lastCheckEpochMs.store(QDateTime::currentMSecsSinceEpoch());
    target.lastCheckMicros.store(qint32(qMin<qint64>(outcome.micros, INT_MAX)));
    const bool passed = outcome.passed();
    if (!passed)
        target.setLastFailure(describe(check, outcome));
    const BackendState current = target.health.load();
    BackendState to = current;
    Message reason;
    if (passed) {
        ++slot.successes;
        slot.failures = 0;
        if (current == BackendState::Unknown) {
            to = BackendState::Up;
            reason = describe(check, outcome);
        } else if (current == BackendState::Down && slot.successes >= check.rise) {
            to = BackendState::Up;
            reason = Message(Context, QT_TR_NOOP("%1 (%2/%3 checks)"))
                         .arg(describe(check, outcome))
                         .arg(slot.successes)
                         .arg(check.rise);
        }
    } else {
        ++slot.failures;
        slot.successes = 0;
        if ((current == BackendState::Up || current == BackendState::Unknown) && slot.failures >= check.fall) {
            to = BackendState::Down;
            reason = Message(Context, QT_TR_NOOP("%1 (%2/%3 checks)"))
                         .arg(describe(check, outcome))
                         .arg(slot.failures)
                         .arg(check.fall);
        }
    }
    if (to == current)
        return;
    // A change of state is rare: that, and only that, goes to the control thread, which moves the
    // state and tells of it in one step (so whoever sees the new state has the event too).
    shared.workers->deliver([sharedPtr, backend, current, to, reason] {
        if (HealthChecker *checker = sharedPtr->checker)
            checker->transition(backend, current, to, reason);
    });
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
        target.upSinceMs.store(m_shared->clock->nowMs());
    Q_EMIT stateChanged(backend, from, to, reason);
}

void HealthChecker::startRevive(int backend)
{
    std::unique_ptr<ClockTimer> &revive = m_revive[std::size_t(backend)];
    if (!revive) {
        revive = std::make_unique<ClockTimer>(*m_shared->clock);
        revive->setSingleShot(true);
        revive->setInterval(m_runtime->rule().failWindowMs);
        connect(revive.get(), &ClockTimer::timeout, this, [this, backend] {
            transition(backend, BackendState::Down, BackendState::Unknown,
                       Message(Context, QT_TR_NOOP("fail window of %1 ms passed")).arg(m_runtime->rule().failWindowMs));
        });
    }
    revive->start();
}

void HealthChecker::onMarkedDown(int backend, BackendState previous, const Message &reason)
{
    if (backend < 0 || backend >= int(m_probes.size()))
        return;
    // Its streak starts again: the checks count from the mark.
    onProbe(backend, [](ProbeSlot &slot) {
        slot.successes = 0;
        slot.failures = 0;
    });
    Q_EMIT stateChanged(backend, previous, BackendState::Down, reason);
    if (m_runtime->rule().healthCheck.type == HealthCheck::Type::None)
        startRevive(backend);
}

void HealthChecker::onUnresolvable(int backend, const Message &reason)
{
    if (backend < 0 || backend >= int(m_probes.size()))
        return;
    BackendRuntime &target = m_runtime->backend(backend);
    target.setLastFailure(reason);
    onProbe(backend, [](ProbeSlot &slot) { slot.successes = 0; });
    for (BackendState from : {BackendState::Unknown, BackendState::Up}) {
        if (target.health.load() == from)
            transition(backend, from, BackendState::Down, reason);
    }
}

void HealthChecker::onAddressesChanged(int backend)
{
    onPathRestored(backend, Message(Context, QT_TR_NOOP("resolves again")));
}

void HealthChecker::onPathRestored(int backend, const Message &reason)
{
    if (backend < 0 || backend >= int(m_probes.size()))
        return;
    if (m_runtime->backend(backend).health.load() != BackendState::Down)
        return;
    if (m_runtime->rule().healthCheck.type == HealthCheck::Type::None) {
        if (ClockTimer *revive = m_revive[std::size_t(backend)].get())
            revive->stop();
        transition(backend, BackendState::Down, BackendState::Unknown, reason);
    } else {
        checkNow(backend);
    }
}

void HealthChecker::setDraining(int backend, bool draining)
{
    if (backend < 0 || backend >= int(m_probes.size()))
        return;
    BackendRuntime &target = m_runtime->backend(backend);
    const BackendState from = target.state();
    target.draining.store(draining);
    const BackendState to = target.state();
    if (from != to) {
        target.markStateChanged();
        Q_EMIT stateChanged(backend, from, to,
                            draining ? Message(Context, QT_TR_NOOP("draining: no new connections"))
                                     : Message(Context, QT_TR_NOOP("drain ended")));
    }
}

} // namespace PortRelay
