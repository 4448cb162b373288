#pragma once

#include "core/balancing/balancer.h"

#include <vector>

namespace PortRelay {

// Consistent hashing of the client address on a ring of virtual nodes (weight-proportional), so a
// client keeps its backend, and when one of N backends leaves only about 1/N of clients move.
class SourceHash final : public Balancer
{
public:
    explicit SourceHash(const QList<Backend> &backends);
    qsizetype pick(const BackendCandidates &candidates, quint64 clientHash) override;

    static constexpr int VirtualNodesPerBackend = 160; // at average weight

    // A well-mixed 64-bit hash of an address's bytes (port excluded), stable across runs.
    static quint64 hashBytes(const void *data, std::size_t length);

private:
    struct Point
    {
        quint64 hash;
        int backend;
    };
    std::vector<Point> m_ring; // sorted by hash
};

} // namespace PortRelay
