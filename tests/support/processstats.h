#pragma once

#include <QtGlobal>

namespace PortRelay::Test {

// What the kernel says a process holds, read from /proc: the figures the reliability tests
// compare before and after (descriptors and threads must come back, memory must not grow).
struct ProcessStats
{
    int descriptors = -1;
    int threads = -1;
    qint64 rssBytes = -1;
    qint64 pssBytes = -1;   // proportional share: what the process really costs, shared pages split
    double cpuSeconds = -1; // user + system so far

    // pid 0: this process.
    static ProcessStats of(qint64 pid = 0);
};

} // namespace PortRelay::Test
