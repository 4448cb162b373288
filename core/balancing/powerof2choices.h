#pragma once

#include "core/balancing/balancer.h"

#include <atomic>
#include <random>

namespace PortRelay {

// Weighted power of two choices: draw two backends by weight, keep the one with fewer active
// connections per weight. Nearly as even as least connections, without its herd behaviour.
class PowerOfTwoChoices final : public Balancer
{
public:
    explicit PowerOfTwoChoices(quint64 seed = std::random_device{}());
    qsizetype pick(const BackendCandidates &candidates, quint64 clientHash) override;

private:
    // A random number from a shared counter (splitmix64): lock-free from any number of threads.
    quint64 next();
    qsizetype drawByWeight(const BackendCandidates &candidates, qint64 totalWeight);
    std::atomic<quint64> m_state;
};

} // namespace PortRelay
