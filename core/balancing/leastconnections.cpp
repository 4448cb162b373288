#include "core/balancing/leastconnections.h"

namespace PortRelay {

qsizetype LeastConnections::pick(const BackendCandidates &candidates, quint64)
{
    const qsizetype n = candidates.size();
    const qsizetype start = qsizetype(m_rotation.fetch_add(1, std::memory_order_relaxed) % quint32(n));
    qsizetype best = -1;
    for (qsizetype step = 0; step < n; ++step) {
        const qsizetype i = (start + step) % n;
        if (candidates[i].excluded)
            continue;
        // active/weight < best.active/best.weight, without division
        if (best < 0 || quint64(candidates[i].active) * quint64(candidates[best].weight) <
                            quint64(candidates[best].active) * quint64(candidates[i].weight))
            best = i;
    }
    return best >= 0 ? best : firstAvailable(candidates);
}

} // namespace PortRelay
