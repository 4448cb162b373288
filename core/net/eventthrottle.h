#pragma once

#include <QtGlobal>

#include <atomic>
#include <memory>

namespace PortRelay {

// Lets through at most one report of a kind per interval, whichever worker sees it, counting
// what it holds back. A flood of refusals or shortages then costs one log line a second however
// many workers see it. One throttle per rule (and one for what concerns no rule), so a flood on
// one rule never hides another rule's events. Lock-free: workers ask per event.
class EventThrottle
{
public:
    explicit EventThrottle(int kinds, qint64 intervalMs = 1000);
    Q_DISABLE_COPY_MOVE(EventThrottle)

    qint64 intervalMs() const { return m_intervalMs; }

    // True when a report of this kind may go out now; *suppressed then gets how many were held
    // back since the last one. False counts this one as held back.
    bool admit(int kind, qint64 nowMs, quint64 *suppressed);

    // For a periodic sweep, so that held-back reports are told within about an interval even when
    // no later event comes: for each kind whose last report is an interval old and that held some
    // back since, takes the count (the sweep then counts as that kind's report) and calls
    // report(kind, count).
    template<typename Report>
    void takeHeld(qint64 nowMs, Report report)
    {
        for (int kind = 0; kind < m_kinds; ++kind) {
            Slot &slot = m_slots[std::size_t(kind)];
            if (slot.held.load(std::memory_order_relaxed) == 0)
                continue;
            qint64 last = slot.lastMs.load(std::memory_order_relaxed);
            if (nowMs - last < m_intervalMs ||
                !slot.lastMs.compare_exchange_strong(last, nowMs, std::memory_order_relaxed))
                continue;
            if (const quint64 held = slot.held.exchange(0, std::memory_order_relaxed))
                report(kind, held);
        }
    }

private:
    struct Slot
    {
        std::atomic<qint64> lastMs{-(qint64(1) << 40)};
        std::atomic<quint64> held{0};
    };
    Slot &slot(int kind) { return m_slots[std::size_t(qBound(0, kind, m_kinds - 1))]; }

    const qint64 m_intervalMs;
    const int m_kinds;
    std::unique_ptr<Slot[]> m_slots;
};

} // namespace PortRelay
