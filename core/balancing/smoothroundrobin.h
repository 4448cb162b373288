#pragma once

#include "core/balancing/balancer.h"

#include <atomic>
#include <memory>
#include <mutex>

namespace PortRelay {

// nginx's smooth weighted round robin, for the rule as a whole: weights 5,1,1 give a a b a c a a,
// spreading the heavy backend's turns instead of bunching them, whichever worker accepts.
//
// The order of one weight cycle is computed once for the candidates at hand (their indices and
// weights) and published under a sequence lock; every pick takes the next place in it from one
// atomic cursor. Picks never block: a reader that meets a rewrite in progress retries, and only
// a change of the candidates (a backend down or back, a weight ramping in steps) rebuilds the
// cycle, under a mutex that picks never take otherwise. A place that falls on a candidate
// excluded for this connection (already tried) is used up and the next one taken, which keeps
// the others' shares exact.
class SmoothRoundRobin final : public Balancer
{
public:
    // The longest cycle kept; longer ones are scaled down (weights stay >= 1).
    static constexpr int MaxCycle = 4096;

    // capacity: the longest cycle the rule can need (cycleCapacityFor()).
    explicit SmoothRoundRobin(int capacity);
    qsizetype pick(const BackendCandidates &candidates, quint64 clientHash) override;

    // Enough for the rule's configured weights, or MaxCycle when weights change at run time
    // (slow start, adaptive weights).
    static int cycleCapacityFor(const Rule &rule);
    // The smooth order of one cycle of these weights (reduced by their common divisor, scaled
    // down to at most maxLength), as positions in weights.
    static std::vector<quint8> cycleOf(const std::vector<int> &weights, int maxLength);

private:
    static quint64 keyOf(const BackendCandidates &candidates);
    void rebuild(const BackendCandidates &candidates, quint64 key);

    const int m_capacity;
    // Written only under m_rebuildMutex, bracketed by m_sequence (odd while a rewrite runs).
    std::atomic<quint32> m_sequence{0};
    std::atomic<quint64> m_key{0}; // keyOf() the cycle was built for; 0: none yet
    std::atomic<quint32> m_length{0};
    std::atomic<quint64> m_base{0}; // cursor value at which the cycle starts
    std::unique_ptr<std::atomic<quint8>[]> m_order;
    std::atomic<quint64> m_cursor{0};
    std::mutex m_rebuildMutex;
};

} // namespace PortRelay
