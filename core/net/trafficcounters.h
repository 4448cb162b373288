#pragma once

#include <QtGlobal>

#include <atomic>

namespace PortRelay {

// A plain copy of TrafficCounters at one moment.
struct TrafficSample
{
    quint64 bytesIn = 0;  // received from clients, sent on to backends
    quint64 bytesOut = 0; // received from backends, sent on to clients
    quint64 connectionsTotal = 0;
    quint64 connectFailures = 0;
    quint64 aborts = 0; // established connections the backend broke off (a reset mid-transfer)
    qint64 activeConnections = 0;
};

// Counters written by the workers on the data path and read by the sampler on another thread.
// Relaxed atomics: each value is exact on its own; a sample need not be a consistent cut.
// Workers add once per event batch, never per byte.
struct TrafficCounters
{
    std::atomic<quint64> bytesIn{0};
    std::atomic<quint64> bytesOut{0};
    std::atomic<quint64> connectionsTotal{0};
    std::atomic<quint64> connectFailures{0};
    std::atomic<quint64> aborts{0};
    std::atomic<qint64> activeConnections{0};

    TrafficSample sample() const
    {
        TrafficSample s;
        s.bytesIn = bytesIn.load(std::memory_order_relaxed);
        s.bytesOut = bytesOut.load(std::memory_order_relaxed);
        s.connectionsTotal = connectionsTotal.load(std::memory_order_relaxed);
        s.connectFailures = connectFailures.load(std::memory_order_relaxed);
        s.aborts = aborts.load(std::memory_order_relaxed);
        s.activeConnections = activeConnections.load(std::memory_order_relaxed);
        return s;
    }
};

} // namespace PortRelay
