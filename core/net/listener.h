#pragma once

#include "core/net/eventloop.h"

#include <memory>

#include <sys/socket.h>

namespace PortRelay {

class RuleRuntime;

// A rule's listening socket as one worker sees it. The engine owns the socket, which every worker
// watches (EPOLLEXCLUSIVE, so one event wakes one worker); what happens on it is the protocol's:
// a TCP listener accepts and hands each client to the worker's Admitter, which makes the session;
// a UDP listener (to come) keeps its own table of client flows on the same socket and admits
// nothing. Made by the protocol's ListenerFactory.
class Listener : public IoWatcher
{
public:
    // Takes a connected client of a stream listener: the worker decides (limits, allow list) and
    // makes the session.
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

    Listener(int fd, std::shared_ptr<RuleRuntime> rule)
        : m_registration(fd, this)
        , m_rule(std::move(rule))
    {}
    virtual ~Listener() = default; // workers own theirs as Listener
    Q_DISABLE_COPY_MOVE(Listener)

    int fd() const { return m_registration.fd(); }
    // New clients go by the new rule; open ones keep theirs.
    void setRule(std::shared_ptr<RuleRuntime> rule) { m_rule = std::move(rule); }

    // Watching stops while the worker pauses accepting (out of descriptors).
    void watch(EventLoop &loop) { loop.watchExclusive(m_registration); }
    void unwatch(EventLoop &loop) { loop.remove(m_registration); }

protected:
    const std::shared_ptr<RuleRuntime> &rule() const { return m_rule; }

private:
    EventLoop::Registration m_registration;
    std::shared_ptr<RuleRuntime> m_rule;
};

} // namespace PortRelay
