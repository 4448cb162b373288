#pragma once

#include "core/ruleset/rule.h"

#include <QVarLengthArray>

#include <memory>

namespace PortRelay {

// One backend a balancer may choose for the connection at hand: already filtered to the eligible
// ones (enabled, not down, not draining, not tried yet for this connection).
struct BackendCandidate
{
    int index = 0;      // position in Rule::backends
    int weight = 1;     // effective weight, >= 1
    quint32 active = 0; // connections currently assigned to it
};

using BackendCandidates = QVarLengthArray<BackendCandidate, 16>;

// A balancing strategy. Pure apart from its own small state: no sockets, no clocks, so it is
// tested on its own. One instance per worker thread, so pick() needs no locks.
class Balancer
{
public:
    virtual ~Balancer() = default;

    // Chooses among candidates (never empty) and returns the chosen position in candidates.
    // clientHash identifies the client address (used by source hashing only).
    virtual qsizetype pick(const BackendCandidates &candidates, quint64 clientHash) = 0;

    static std::unique_ptr<Balancer> create(BalanceStrategy strategy, const QList<Backend> &backends);
};

} // namespace PortRelay
