#pragma once

#include <QtGlobal>

#include <array>
#include <atomic>

namespace PortRelay {

// Lets through at most one report of a kind per interval for all workers together, counting
// what it holds back so the next report can say so. A flood of refusals or shortages then costs
// one log line a second, however many workers see it. Lock-free: workers ask per event.
class EventThrottle
{
public:
    static constexpr int Kinds = 16;

    explicit EventThrottle(qint64 intervalMs = 1000)
        : m_intervalMs(intervalMs)
    {}
    Q_DISABLE_COPY_MOVE(EventThrottle)

    // True when a report of this kind may go out now; *suppressed then gets how many were held
    // back since the last one. False counts this one as held back.
    bool admit(int kind, qint64 nowMs, quint64 *suppressed);

private:
    struct alignas(64) Slot
    {
        std::atomic<qint64> lastMs{-(qint64(1) << 40)};
        std::atomic<quint64> held{0};
    };
    const qint64 m_intervalMs;
    std::array<Slot, Kinds> m_slots;
};

} // namespace PortRelay
