#pragma once

#include "core/ruleset/rule.h"

#include <QVarLengthArray>

#include <memory>

namespace PortRelay {

// One backend of the tier a balancer chooses from for the connection at hand (the eligible
// primaries, or else the eligible backups, or else the backends marked down).
struct BackendCandidate
{
    int index = 0;         // position in Rule::backends
    int weight = 1;        // effective weight, >= 1
    quint32 active = 0;    // connections currently assigned to it
    bool excluded = false; // already tried for this connection: part of the tier, never chosen
};

using BackendCandidates = QVarLengthArray<BackendCandidate, 16>;

// The first candidate that is not excluded (0 if there is none, which callers never let happen).
inline qsizetype firstAvailable(const BackendCandidates &candidates)
{
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (!candidates[i].excluded)
            return i;
    }
    return 0;
}

// A balancing strategy. Pure apart from its own small state: no sockets, no clocks, so it is
// tested on its own. One instance per running rule, shared by all the workers: pick() runs on
// several threads at once, lock-free, so what must be global to the rule (the round-robin order)
// is global, not one copy per worker.
class Balancer
{
public:
    virtual ~Balancer() = default;

    // Chooses among candidates (at least one not excluded) and returns the chosen position in
    // candidates. clientHash identifies the client address (used by source hashing only).
    virtual qsizetype pick(const BackendCandidates &candidates, quint64 clientHash) = 0;

    static std::unique_ptr<Balancer> create(const Rule &rule);
};

} // namespace PortRelay
