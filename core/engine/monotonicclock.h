#pragma once

#include <QtGlobal>

#include <chrono>

namespace PortRelay::MonotonicClock {

// One clock for every timestamp the workers and the control thread compare (slow start, failure
// windows, timeouts): steady, so a changed wall clock never fires or stalls a timeout.
inline qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

inline qint64 nowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace PortRelay::MonotonicClock
