#include "core/balancing/smoothroundrobin.h"

namespace PortRelay {

SmoothRoundRobin::SmoothRoundRobin(int backendCount)
    : m_current(std::size_t(backendCount), 0)
{}

qsizetype SmoothRoundRobin::pick(const BackendCandidates &candidates, quint64)
{
    qint64 total = 0;
    qsizetype best = 0;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const BackendCandidate &c = candidates[i];
        qint64 &current = m_current[std::size_t(c.index)];
        current += c.weight;
        total += c.weight;
        if (current > m_current[std::size_t(candidates[best].index)])
            best = i;
    }
    m_current[std::size_t(candidates[best].index)] -= total;
    return best;
}

} // namespace PortRelay
