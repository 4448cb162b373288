#pragma once

#include "core/net/listener.h"

namespace PortRelay {

// A TCP rule's listener: accepts clients, a bounded number per wake-up, and hands each to the
// worker's Admitter with the rule that was current when it was accepted.
class TcpListener final : public Listener
{
public:
    TcpListener(int fd, std::shared_ptr<RuleRuntime> rule, Admitter &admitter)
        : Listener(fd, std::move(rule))
        , m_admitter(admitter)
    {}

    void onIo(quint32 events, quint8 tag) override;

private:
    Admitter &m_admitter;
};

} // namespace PortRelay
