#include "core/net/eventthrottle.h"

namespace PortRelay {

EventThrottle::EventThrottle(int kinds, qint64 intervalMs)
    : m_intervalMs(intervalMs)
    , m_kinds(qMax(1, kinds))
    , m_slots(std::make_unique<Slot[]>(std::size_t(m_kinds)))
{}

bool EventThrottle::admit(int kind, qint64 nowMs, quint64 *suppressed)
{
    Slot &s = slot(kind);
    qint64 last = s.lastMs.load(std::memory_order_relaxed);
    // One winner per interval: whoever moves lastMs forward reports; the others count.
    if (nowMs - last >= m_intervalMs && s.lastMs.compare_exchange_strong(last, nowMs, std::memory_order_relaxed)) {
        *suppressed = s.held.exchange(0, std::memory_order_relaxed);
        return true;
    }
    s.held.fetch_add(1, std::memory_order_relaxed);
    return false;
}

} // namespace PortRelay
