#include "core/net/eventthrottle.h"

namespace PortRelay {

bool EventThrottle::admit(int kind, qint64 nowMs, quint64 *suppressed)
{
    Slot &slot = m_slots[std::size_t(qBound(0, kind, Kinds - 1))];
    qint64 last = slot.lastMs.load(std::memory_order_relaxed);
    // One winner per interval: whoever moves lastMs forward reports; the others count.
    if (nowMs - last >= m_intervalMs && slot.lastMs.compare_exchange_strong(last, nowMs, std::memory_order_relaxed)) {
        *suppressed = slot.held.exchange(0, std::memory_order_relaxed);
        return true;
    }
    slot.held.fetch_add(1, std::memory_order_relaxed);
    return false;
}

} // namespace PortRelay
