#include "core/balancing/balancer.h"

#include "core/balancing/leastconnections.h"
#include "core/balancing/powerof2choices.h"
#include "core/balancing/smoothroundrobin.h"
#include "core/balancing/sourcehash.h"

namespace PortRelay {

std::unique_ptr<Balancer> Balancer::create(const Rule &rule)
{
    switch (rule.balance) {
    case BalanceStrategy::RoundRobin:
        break;
    case BalanceStrategy::LeastConnections:
        return std::make_unique<LeastConnections>();
    case BalanceStrategy::SourceHash:
        return std::make_unique<SourceHash>(rule.backends);
    case BalanceStrategy::Random:
        return std::make_unique<PowerOfTwoChoices>();
    }
    return std::make_unique<SmoothRoundRobin>(SmoothRoundRobin::cycleCapacityFor(rule));
}

} // namespace PortRelay
