#pragma once

#include "core/balancing/balancer.h"

#include <vector>

namespace PortRelay {

// nginx's smooth weighted round robin: weights 5,1,1 give a a b a c a a, spreading the heavy
// backend's turns instead of bunching them.
class SmoothRoundRobin final : public Balancer
{
public:
    explicit SmoothRoundRobin(int backendCount);
    qsizetype pick(const BackendCandidates &candidates, quint64 clientHash) override;

private:
    std::vector<qint64> m_current;
};

} // namespace PortRelay
