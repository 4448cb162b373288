#include "core/balancing/leastconnections.h"

namespace PortRelay {

qsizetype LeastConnections::pick(const BackendCandidates &candidates, quint64)
{
    const qsizetype n = candidates.size();
    const qsizetype start = qsizetype(m_rotation++ % quint32(n));
    qsizetype best = start;
    for (qsizetype step = 1; step < n; ++step) {
        const qsizetype i = (start + step) % n;
        // active/weight < best.active/best.weight, without division
        if (quint64(candidates[i].active) * quint64(candidates[best].weight) <
            quint64(candidates[best].active) * quint64(candidates[i].weight))
            best = i;
    }
    return best;
}

} // namespace PortRelay
