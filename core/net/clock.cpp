#include "core/net/clock.h"

#include <chrono>

namespace PortRelay {

namespace {

class SteadyClock final : public Clock
{
public:
    qint64 nowMs() const override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
    qint64 nowUs() const override
    {
        using namespace std::chrono;
        return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
    }
};

} // namespace

const Clock &Clock::system()
{
    static const SteadyClock clock;
    return clock;
}

int Clock::addWaker(std::function<void()> wake) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_wakers.emplace_back(m_nextKey, std::move(wake));
    return m_nextKey++;
}

void Clock::removeWaker(int key) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (auto it = m_wakers.begin(); it != m_wakers.end(); ++it) {
        if (it->first == key) {
            m_wakers.erase(it);
            return;
        }
    }
}

void Clock::wakeAll() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const auto &waker : m_wakers)
        waker.second();
}

} // namespace PortRelay
