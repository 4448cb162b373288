#pragma once

#include "core/balancing/balancer.h"

#include <atomic>

namespace PortRelay {

// Fewest active connections relative to weight; ties rotate, so idle backends share evenly.
class LeastConnections final : public Balancer
{
public:
    qsizetype pick(const BackendCandidates &candidates, quint64 clientHash) override;

private:
    std::atomic<quint32> m_rotation{0};
};

} // namespace PortRelay
