#include "core/net/backendruntime.h"

#include "core/ruleset/rule.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace PortRelay {

namespace {

quint32 ewma(quint32 average, quint32 sample)
{
    return quint32((quint64(average) * 4 + sample) / 5);
}

} // namespace

BackendRuntime::BackendRuntime()
    : stateSinceEpochMs(QDateTime::currentMSecsSinceEpoch())
    , m_addressesOwner(std::make_shared<const AddressList>())
    , m_addresses(m_addressesOwner.get())
{}

std::shared_ptr<const AddressList> BackendRuntime::publishAddresses(std::shared_ptr<const AddressList> list)
{
    std::shared_ptr<const AddressList> old = std::move(m_addressesOwner);
    m_addressesOwner = std::move(list);
    m_addresses.store(m_addressesOwner.get(), std::memory_order_release);
    return old;
}

void BackendRuntime::setResolveError(const Message &error)
{
    QMutexLocker lock(&m_failureMutex);
    m_resolveError = error;
}

Message BackendRuntime::resolveError() const
{
    QMutexLocker lock(&m_failureMutex);
    return m_resolveError;
}

void BackendRuntime::markStateChanged()
{
    stateSinceEpochMs.store(QDateTime::currentMSecsSinceEpoch(), std::memory_order_relaxed);
}

void BackendRuntime::setLastFailure(const Message &reason)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&m_failureMutex);
    m_lastFailure = reason;
    m_lastFailureEpochMs = now;
}

Message BackendRuntime::lastFailure(qint64 *atEpochMs) const
{
    QMutexLocker lock(&m_failureMutex);
    if (atEpochMs)
        *atEpochMs = m_lastFailureEpochMs;
    return m_lastFailure;
}

BackendState BackendRuntime::state() const
{
    const BackendState h = health.load(std::memory_order_relaxed);
    if (h != BackendState::Disabled && draining.load(std::memory_order_relaxed))
        return BackendState::Draining;
    return h;
}

bool BackendRuntime::isEligible() const
{
    return PortRelay::isEligible(state()) && hasAddresses();
}

bool BackendRuntime::recordFailure(qint64 nowMs, const Rule &rule, BackendState *previous)
{
    m_failureRatioPpm.store(ewma(m_failureRatioPpm.load(std::memory_order_relaxed), 1000000),
                            std::memory_order_relaxed);
    if (rule.maxFails <= 0)
        return false;
    int failures;
    if (nowMs - m_windowStartMs.load(std::memory_order_relaxed) > rule.failWindowMs) {
        m_windowStartMs.store(nowMs, std::memory_order_relaxed);
        m_windowFailures.store(1, std::memory_order_relaxed);
        failures = 1;
    } else {
        failures = m_windowFailures.fetch_add(1, std::memory_order_relaxed) + 1;
    }
    if (failures < rule.maxFails)
        return false;
    // Only one worker wins the transition, so it is reported once.
    for (BackendState from : {BackendState::Up, BackendState::Unknown}) {
        if (health.compare_exchange_strong(from, BackendState::Down, std::memory_order_relaxed)) {
            m_windowFailures.store(0, std::memory_order_relaxed);
            markStateChanged();
            *previous = from;
            return true;
        }
    }
    return false;
}

void BackendRuntime::recordSuccess(qint64 connectMicros)
{
    m_failureRatioPpm.store(ewma(m_failureRatioPpm.load(std::memory_order_relaxed), 0), std::memory_order_relaxed);
    const quint32 sample = quint32(std::clamp<qint64>(connectMicros, 0, 60000000));
    const quint32 average = m_connectMicros.load(std::memory_order_relaxed);
    m_connectMicros.store(average == 0 ? sample : ewma(average, sample), std::memory_order_relaxed);
}

double BackendRuntime::healthScore() const
{
    const double failureRatio = m_failureRatioPpm.load(std::memory_order_relaxed) / 1e6;
    const double connectMs = m_connectMicros.load(std::memory_order_relaxed) / 1000.0;
    return std::clamp((1.0 - failureRatio) / (1.0 + connectMs / 20.0), 0.05, 1.0);
}

int BackendRuntime::effectiveWeight(int configuredWeight, const Rule &rule, qint64 nowMs) const
{
    // Both factors move in steps (1/32 of the ramp, 1/20 of the score), so that a balancer's view
    // of the weights changes a few dozen times per ramp, not with every connection.
    double weight = double(configuredWeight) * WeightScale;
    if (rule.slowStartMs > 0) {
        const qint64 since = upSinceMs.load(std::memory_order_relaxed);
        if (since > 0 && nowMs - since < rule.slowStartMs)
            weight *= std::max(1.0, std::floor(32.0 * double(nowMs - since) / rule.slowStartMs)) / 32.0;
    }
    if (rule.adaptiveWeights)
        weight *= std::max(1.0, std::round(healthScore() * 20.0)) / 20.0;
    return std::max(1, int(weight));
}

} // namespace PortRelay
