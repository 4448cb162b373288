#pragma once

#include "core/net/uniquefd.h"

#include <QtGlobal>

#include <atomic>
#include <thread>

namespace PortRelay::Test {

// An echo server on 127.0.0.1 for thousands of connections at once: one thread, one epoll set,
// no thread per connection. Sends back what it reads, in order, reading no more while a reply is
// unsent; passes the client's end of stream on as its own, then closes. A reset ends a
// connection at once.
class EpollEchoServer
{
public:
    EpollEchoServer();
    ~EpollEchoServer();
    Q_DISABLE_COPY_MOVE(EpollEchoServer)

    quint16 port() const { return m_port; }
    int accepted() const { return m_accepted.load(); }
    int open() const { return m_open.load(); }

private:
    void run();

    UniqueFd m_listener;
    UniqueFd m_epoll;
    UniqueFd m_wakeup;
    quint16 m_port = 0;
    std::atomic<int> m_accepted{0};
    std::atomic<int> m_open{0};
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

} // namespace PortRelay::Test
