#pragma once

#include "core/net/eventloop.h"

#include <memory>

#include <sys/socket.h>

namespace PortRelay {

class RuleRuntime;

// A rule's listening TCP socket as one worker sees it: the engine owns the socket, which every
// worker watches (EPOLLEXCLUSIVE, so one connection wakes one worker); accepted clients go to
// the worker's admit callback with the rule that was current when they were accepted.
class TcpListener final : public IoWatcher
{
public:
    class Admitter
    {
    public:
        // false: stop accepting this round (a shortage was met).
        virtual bool admit(int fd, const std::shared_ptr<RuleRuntime> &rule, const sockaddr_storage &peer,
                           unsigned peerLength) = 0;
        // accept() itself ran out of descriptors or memory.
        virtual void acceptShortage() = 0;

    protected:
        ~Admitter() = default;
    };

    TcpListener(int fd, std::shared_ptr<RuleRuntime> rule, Admitter &admitter)
        : m_registration(fd, this)
        , m_rule(std::move(rule))
        , m_admitter(admitter)
    {}
    Q_DISABLE_COPY_MOVE(TcpListener)

    int fd() const { return m_registration.fd(); }
    // New connections go by the new rule; open ones keep theirs.
    void setRule(std::shared_ptr<RuleRuntime> rule) { m_rule = std::move(rule); }

    void watch(EventLoop &loop) { loop.watchExclusive(m_registration); }
    void unwatch(EventLoop &loop) { loop.remove(m_registration); }

    void onIo(quint32 events) override;

private:
    EventLoop::Registration m_registration;
    std::shared_ptr<RuleRuntime> m_rule;
    Admitter &m_admitter;
};

} // namespace PortRelay
