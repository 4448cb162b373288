#include "core/balancing/balancer.h"

#include "core/balancing/leastconnections.h"
#include "core/balancing/powerof2choices.h"
#include "core/balancing/smoothroundrobin.h"
#include "core/balancing/sourcehash.h"

namespace PortRelay {

std::unique_ptr<Balancer> Balancer::create(BalanceStrategy strategy, const QList<Backend> &backends)
{
    switch (strategy) {
    case BalanceStrategy::RoundRobin:
        return std::make_unique<SmoothRoundRobin>(int(backends.size()));
    case BalanceStrategy::LeastConnections:
        return std::make_unique<LeastConnections>();
    case BalanceStrategy::SourceHash:
        return std::make_unique<SourceHash>(backends);
    case BalanceStrategy::Random:
        return std::make_unique<PowerOfTwoChoices>();
    }
    return std::make_unique<SmoothRoundRobin>(int(backends.size()));
}

} // namespace PortRelay
