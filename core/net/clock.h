#pragma once

#include <QtGlobal>

#include <functional>
#include <mutex>
#include <vector>

namespace PortRelay {

// The time every timeout, failure window, ramp and backoff is measured in: steady, so a changed
// wall clock never fires or stalls a timeout. One Clock is handed to the engine, its workers and
// its health checks; tests hand a TestClock and move it by hand instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;

    virtual qint64 nowMs() const = 0;
    virtual qint64 nowUs() const = 0;

    // Event loops that sleep until a deadline register here, so that a clock moved by hand can
    // wake them to look again. The system clock never calls them. Returns a key for removeWaker().
    // Const: who listens is bookkeeping beside the time, which is what a const Clock promises.
    int addWaker(std::function<void()> wake) const;
    void removeWaker(int key) const;

    // The steady clock of the system.
    static const Clock &system();

protected:
    // Calls every waker: for clocks whose time jumps.
    void wakeAll() const;

private:
    mutable std::mutex m_mutex;
    mutable std::vector<std::pair<int, std::function<void()>>> m_wakers;
    mutable int m_nextKey = 1;
};

} // namespace PortRelay
