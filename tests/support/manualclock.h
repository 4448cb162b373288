#pragma once

#include "core/net/clock.h"

#include <atomic>

namespace PortRelay::Test {

// A clock that stands still until advance() moves it: windows, ramps and backoff tested without
// sleeping through them.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1000000)
        : m_us(startMs * 1000)
    {}

    qint64 nowMs() const override { return m_us.load(std::memory_order_acquire) / 1000; }
    qint64 nowUs() const override { return m_us.load(std::memory_order_acquire); }
    // Moves time forward and wakes the event loops that wait on this clock.
    void advance(qint64 ms)
    {
        m_us.fetch_add(ms * 1000, std::memory_order_acq_rel);
        wakeAll();
    }

private:
    std::atomic<qint64> m_us;
};

} // namespace PortRelay::Test
