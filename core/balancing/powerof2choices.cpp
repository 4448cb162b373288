#include "core/balancing/powerof2choices.h"

namespace PortRelay {

PowerOfTwoChoices::PowerOfTwoChoices(quint64 seed)
    : m_state(seed)
{}

quint64 PowerOfTwoChoices::next()
{
    quint64 z = m_state.fetch_add(0x9e3779b97f4a7c15ULL, std::memory_order_relaxed) + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

qsizetype PowerOfTwoChoices::drawByWeight(const BackendCandidates &candidates, qint64 totalWeight)
{
    qint64 r = qint64(next() % quint64(totalWeight));
    qsizetype last = 0;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (candidates[i].excluded)
            continue;
        last = i;
        r -= candidates[i].weight;
        if (r < 0)
            return i;
    }
    return last;
}

qsizetype PowerOfTwoChoices::pick(const BackendCandidates &candidates, quint64)
{
    qint64 total = 0;
    for (const BackendCandidate &c : candidates) {
        if (!c.excluded)
            total += c.weight;
    }
    const qsizetype a = drawByWeight(candidates, total);
    const qsizetype b = drawByWeight(candidates, total);
    const quint64 loadA = quint64(candidates[a].active) * quint64(candidates[b].weight);
    const quint64 loadB = quint64(candidates[b].active) * quint64(candidates[a].weight);
    return loadB < loadA ? b : a;
}

} // namespace PortRelay
