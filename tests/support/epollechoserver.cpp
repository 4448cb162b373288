#include "epollechoserver.h"

#include "loopbackserver.h"

#include <cerrno>
#include <memory>
#include <unordered_map>
#include <vector>

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace PortRelay::Test {

namespace {

constexpr quint64 ListenerTag = ~quint64(0);
constexpr quint64 WakeupTag = ~quint64(0) - 1;

// What one connection has read and not yet written back.
struct Pending
{
    std::vector<char> bytes;
    std::size_t offset = 0;
    bool eof = false;
};

} // namespace

EpollEchoServer::EpollEchoServer()
{
    m_listener = listenOnLoopback(4096, &m_port);
    m_epoll.reset(::epoll_create1(EPOLL_CLOEXEC));
    m_wakeup.reset(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
    ::fcntl(m_listener.get(), F_SETFL, O_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = ListenerTag;
    ::epoll_ctl(m_epoll.get(), EPOLL_CTL_ADD, m_listener.get(), &ev);
    ev.data.u64 = WakeupTag;
    ::epoll_ctl(m_epoll.get(), EPOLL_CTL_ADD, m_wakeup.get(), &ev);
    m_thread = std::thread([this] { run(); });
}

EpollEchoServer::~EpollEchoServer()
{
    m_stopping = true;
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wakeup.get(), &one, sizeof(one));
    m_thread.join();
}

void EpollEchoServer::run()
{
    std::unordered_map<int, Pending> connections;
    std::vector<char> scratch(64 * 1024);
    const auto close = [&](int fd) {
        ::close(fd);
        connections.erase(fd);
        m_open.fetch_sub(1);
    };
    const auto watch = [&](int fd, quint32 events) {
        epoll_event ev{};
        ev.events = events;
        ev.data.u64 = quint64(fd);
        ::epoll_ctl(m_epoll.get(), EPOLL_CTL_MOD, fd, &ev);
    };
    // Writes what is pending; true when all of it went out.
    const auto flush = [](int fd, Pending &p) {
        while (p.offset < p.bytes.size()) {
            const ssize_t n = ::send(fd, p.bytes.data() + p.offset, p.bytes.size() - p.offset, MSG_NOSIGNAL);
            if (n < 0)
                return false;
            p.offset += std::size_t(n);
        }
        p.bytes.clear();
        p.offset = 0;
        return true;
    };

    epoll_event events[256];
    while (!m_stopping) {
        const int count = ::epoll_wait(m_epoll.get(), events, 256, 1000);
        for (int i = 0; i < count; ++i) {
            const quint64 tag = events[i].data.u64;
            if (tag == WakeupTag)
                continue;
            if (tag == ListenerTag) {
                for (;;) {
                    const int fd = ::accept4(m_listener.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
                    if (fd < 0)
                        break;
                    m_accepted.fetch_add(1);
                    m_open.fetch_add(1);
                    connections.emplace(fd, Pending{});
                    epoll_event ev{};
                    ev.events = EPOLLIN | EPOLLRDHUP;
                    ev.data.u64 = quint64(fd);
                    ::epoll_ctl(m_epoll.get(), EPOLL_CTL_ADD, fd, &ev);
                }
                continue;
            }
            const int fd = int(tag);
            const auto it = connections.find(fd);
            if (it == connections.end())
                continue;
            Pending &p = it->second;
            if (events[i].events & EPOLLERR) {
                close(fd);
                continue;
            }
            bool failed = false;
            if (!flush(fd, p)) {
                if (errno != EAGAIN)
                    failed = true;
                else
                    watch(fd, EPOLLOUT);
            } else if (!p.eof) {
                // Read only while nothing is waiting to go back: the echo's own backpressure.
                for (;;) {
                    const ssize_t n = ::recv(fd, scratch.data(), scratch.size(), 0);
                    if (n > 0) {
                        p.bytes.assign(scratch.data(), scratch.data() + n);
                        if (!flush(fd, p)) {
                            if (errno != EAGAIN)
                                failed = true;
                            else
                                watch(fd, EPOLLOUT);
                            break;
                        }
                        continue;
                    }
                    if (n == 0)
                        p.eof = true;
                    else if (errno != EAGAIN)
                        failed = true;
                    break;
                }
                if (!failed && p.bytes.empty() && !p.eof)
                    watch(fd, EPOLLIN | EPOLLRDHUP);
            } else {
                watch(fd, EPOLLIN | EPOLLRDHUP);
            }
            if (failed || (p.eof && p.bytes.empty()))
                close(fd); // after the client's end of stream and the last reply: our own end
        }
    }
    for (const auto &entry : connections)
        ::close(entry.first);
    m_open = 0;
}

} // namespace PortRelay::Test
