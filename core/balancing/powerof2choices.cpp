#include "core/balancing/powerof2choices.h"

namespace PortRelay {

PowerOfTwoChoices::PowerOfTwoChoices(quint64 seed)
    : m_random(seed)
{}

qsizetype PowerOfTwoChoices::drawByWeight(const BackendCandidates &candidates, qint64 totalWeight)
{
    qint64 r = qint64(m_random() % quint64(totalWeight));
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        r -= candidates[i].weight;
        if (r < 0)
            return i;
    }
    return candidates.size() - 1;
}

qsizetype PowerOfTwoChoices::pick(const BackendCandidates &candidates, quint64)
{
    if (candidates.size() == 1)
        return 0;
    qint64 total = 0;
    for (const BackendCandidate &c : candidates)
        total += c.weight;
    const qsizetype a = drawByWeight(candidates, total);
    const qsizetype b = drawByWeight(candidates, total);
    const quint64 loadA = quint64(candidates[a].active) * quint64(candidates[b].weight);
    const quint64 loadB = quint64(candidates[b].active) * quint64(candidates[a].weight);
    return loadB < loadA ? b : a;
}

} // namespace PortRelay
