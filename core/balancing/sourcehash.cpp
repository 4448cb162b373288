#include "core/balancing/sourcehash.h"

#include <algorithm>

namespace PortRelay {

namespace {

quint64 mix(quint64 x)
{
    // splitmix64 finaliser: spreads nearby inputs over the whole ring.
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

} // namespace

quint64 SourceHash::hashBytes(const void *data, std::size_t length)
{
    // FNV-1a, then mixed: cheap on 4 or 16 bytes and stable between runs (unlike qHash's seed).
    quint64 h = 0xcbf29ce484222325ULL;
    const auto *bytes = static_cast<const unsigned char *>(data);
    for (std::size_t i = 0; i < length; ++i) {
        h ^= bytes[i];
        h *= 0x100000001b3ULL;
    }
    return mix(h);
}

SourceHash::SourceHash(const QList<Backend> &backends)
{
    qint64 totalWeight = 0;
    for (const Backend &b : backends)
        totalWeight += b.weight;
    const qint64 budget = qint64(VirtualNodesPerBackend) * backends.size();
    for (int i = 0; i < backends.size(); ++i) {
        // Points hang off the backend's address, not its position, so removing one backend leaves
        // every other backend's points where they were.
        const QByteArray identity = backends[i].address.toString().toUtf8();
        const quint64 base = hashBytes(identity.constData(), std::size_t(identity.size()));
        const qint64 nodes = qMax<qint64>(4, budget * backends[i].weight / qMax<qint64>(1, totalWeight));
        for (qint64 v = 0; v < nodes; ++v)
            m_ring.push_back({mix(base + quint64(v) * 0x9e3779b97f4a7c15ULL), i});
    }
    std::sort(m_ring.begin(), m_ring.end(), [](const Point &a, const Point &b) { return a.hash < b.hash; });
}

qsizetype SourceHash::pick(const BackendCandidates &candidates, quint64 clientHash)
{
    if (m_ring.empty())
        return firstAvailable(candidates);
    auto it = std::lower_bound(m_ring.begin(), m_ring.end(), clientHash,
                               [](const Point &p, quint64 h) { return p.hash < h; });
    // Walk clockwise to the first point whose backend may take this connection.
    for (std::size_t step = 0; step < m_ring.size(); ++step, ++it) {
        if (it == m_ring.end())
            it = m_ring.begin();
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            if (candidates[i].index == it->backend && !candidates[i].excluded)
                return i;
        }
    }
    return firstAvailable(candidates);
}

} // namespace PortRelay
