#pragma once

#include "core/net/eventloop.h"

#include <QElapsedTimer>

namespace PortRelay::Test {

// Runs loop until done() or limitMs of real time pass; returns done().
template<typename Done>
bool runUntil(EventLoop &loop, Done done, int limitMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < limitMs)
        loop.runOnce({}, 20);
    return done();
}

} // namespace PortRelay::Test
