#include "ui/dialogs/balancestrategytext.h"

namespace PortRelay {

QString BalanceStrategyText::label(BalanceStrategy strategy)
{
    switch (strategy) {
    case BalanceStrategy::RoundRobin:
        return tr("Round robin");
    case BalanceStrategy::LeastConnections:
        return tr("Least connections");
    case BalanceStrategy::SourceHash:
        return tr("Source hash (sticky clients)");
    case BalanceStrategy::Random:
        return tr("Power of two random choices");
    }
    return {};
}

QString BalanceStrategyText::help(BalanceStrategy strategy)
{
    switch (strategy) {
    case BalanceStrategy::RoundRobin:
        return tr("Takes the backends in turn, in proportion to their weights.");
    case BalanceStrategy::LeastConnections:
        return tr("Picks the backend with the fewest open connections for its weight.");
    case BalanceStrategy::SourceHash:
        return tr("Keeps sending each client address to the same backend; when a backend "
                  "leaves, only its own clients move.");
    case BalanceStrategy::Random:
        return tr("Draws two backends at random by weight and takes the less loaded one.");
    }
    return {};
}

} // namespace PortRelay
