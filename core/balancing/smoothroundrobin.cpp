#include "core/balancing/smoothroundrobin.h"

#include <algorithm>
#include <numeric>
#include <thread>

namespace PortRelay {

namespace {

quint64 mix(quint64 x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

SmoothRoundRobin::SmoothRoundRobin(int capacity)
    : m_capacity(qBound(1, capacity, MaxCycle + Rule::MaxBackends))
    , m_order(std::make_unique<std::atomic<quint8>[]>(std::size_t(m_capacity)))
{}

int SmoothRoundRobin::cycleCapacityFor(const Rule &rule)
{
    if (rule.slowStartMs > 0 || rule.adaptiveWeights)
        return MaxCycle + Rule::MaxBackends;
    qint64 total = 0;
    for (const Backend &backend : rule.backends)
        total += backend.weight;
    // Scaling down keeps every weight >= 1, so a cycle may exceed MaxCycle by one per backend.
    return int(std::clamp<qint64>(total, 1, MaxCycle + Rule::MaxBackends));
}

std::vector<quint8> SmoothRoundRobin::cycleOf(const std::vector<int> &weights, int maxLength)
{
    std::vector<qint64> reduced(weights.begin(), weights.end());
    qint64 divisor = 0;
    for (const qint64 w : reduced)
        divisor = std::gcd(divisor, w);
    qint64 total = 0;
    for (qint64 &w : reduced) {
        w /= qMax<qint64>(divisor, 1);
        total += w;
    }
    if (total > maxLength) {
        const qint64 scaledFrom = total;
        total = 0;
        for (qint64 &w : reduced) {
            w = qMax<qint64>(1, w * maxLength / scaledFrom);
            total += w;
        }
    }
    std::vector<quint8> order;
    order.reserve(std::size_t(total));
    std::vector<qint64> current(reduced.size(), 0);
    for (qint64 step = 0; step < total; ++step) {
        std::size_t best = 0;
        for (std::size_t i = 0; i < reduced.size(); ++i) {
            current[i] += reduced[i];
            if (current[i] > current[best])
                best = i;
        }
        current[best] -= total;
        order.push_back(quint8(best));
    }
    return order;
}

quint64 SmoothRoundRobin::keyOf(const BackendCandidates &candidates)
{
    quint64 key = 0x51ed270b27a5c3a7ULL;
    for (const BackendCandidate &c : candidates)
        key = mix(key ^ (quint64(quint32(c.index)) << 32 | quint32(c.weight)));
    return key | 1; // never 0, which means "no cycle yet"
}

void SmoothRoundRobin::rebuild(const BackendCandidates &candidates, quint64 key)
{
    std::lock_guard<std::mutex> lock(m_rebuildMutex);
    if (m_key.load(std::memory_order_relaxed) == key)
        return; // another worker did it meanwhile
    std::vector<int> weights;
    weights.reserve(std::size_t(candidates.size()));
    for (const BackendCandidate &c : candidates)
        weights.push_back(c.weight);
    const std::vector<quint8> order = cycleOf(weights, qMin(m_capacity, int(MaxCycle)));

    const quint32 sequence = m_sequence.load(std::memory_order_relaxed);
    m_sequence.store(sequence + 1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    for (std::size_t i = 0; i < order.size(); ++i)
        m_order[i].store(quint8(candidates[qsizetype(order[i])].index), std::memory_order_relaxed);
    m_length.store(quint32(order.size()), std::memory_order_relaxed);
    // The new cycle starts at its beginning with the next pick.
    m_base.store(m_cursor.load(std::memory_order_relaxed), std::memory_order_relaxed);
    m_key.store(key, std::memory_order_relaxed);
    m_sequence.store(sequence + 2, std::memory_order_release);
}

qsizetype SmoothRoundRobin::pick(const BackendCandidates &candidates, quint64)
{
    const quint64 key = keyOf(candidates);
    // Position in candidates of each backend index that may be chosen.
    qint8 position[Rule::MaxBackends];
    std::fill(std::begin(position), std::end(position), qint8(-1));
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const int index = candidates[i].index;
        if (!candidates[i].excluded && index >= 0 && index < Rule::MaxBackends)
            position[index] = qint8(i);
    }
    for (;;) {
        const quint32 before = m_sequence.load(std::memory_order_acquire);
        if (before & 1) {
            std::this_thread::yield(); // a rewrite is under way: a few hundred nanoseconds
            continue;
        }
        if (m_key.load(std::memory_order_relaxed) != key) {
            rebuild(candidates, key);
            continue;
        }
        const quint64 length = m_length.load(std::memory_order_relaxed);
        const quint64 base = m_base.load(std::memory_order_relaxed);
        // A place that falls on an excluded backend is used up and the next one taken: the other
        // backends then keep their exact shares of the places they get.
        qsizetype chosen = -1;
        for (quint64 step = 0; step < length && chosen < 0; ++step) {
            const quint64 place = m_cursor.fetch_add(1, std::memory_order_relaxed) - base;
            const quint8 index = m_order[std::size_t(place % length)].load(std::memory_order_relaxed);
            if (index < Rule::MaxBackends)
                chosen = position[index];
        }
        std::atomic_thread_fence(std::memory_order_acquire);
        if (m_sequence.load(std::memory_order_relaxed) == before)
            return chosen >= 0 ? chosen : firstAvailable(candidates); // (a key collision: never seen)
    }
}

} // namespace PortRelay
