#include "core/net/ruleruntime.h"

#include "core/net/engineevent.h"

namespace PortRelay {

namespace {
std::atomic<quint64> nextRuntimeId{1};
}

RuleRuntime::RuleRuntime(Rule rule, const std::vector<std::shared_ptr<const AddressList>> &addresses)
    : m_rule(std::move(rule))
    , m_id(nextRuntimeId.fetch_add(1))
    , m_balancer(Balancer::create(m_rule))
    , m_throttle(EngineEvent::KindCount)
{
    for (int i = 0; i < m_rule.backends.size(); ++i) {
        auto backend = std::make_unique<BackendRuntime>();
        const Backend &config = m_rule.backends[i];
        if (std::size_t(i) < addresses.size() && addresses[std::size_t(i)])
            backend->publishAddresses(addresses[std::size_t(i)]);
        if (!config.enabled)
            backend->health = BackendState::Disabled;
        m_backends.push_back(std::move(backend));
    }
    m_connectors.resize(m_backends.size());
}

void RuleRuntime::setConnector(int index, std::unique_ptr<const UpstreamConnector> connector)
{
    m_backends[std::size_t(index)]->setFarSide();
    m_connectors[std::size_t(index)] = std::move(connector);
}

bool RuleRuntime::admits(const SocketAddress &client) const
{
    if (m_rule.allow.isEmpty())
        return true;
    const QHostAddress address = client.address();
    for (const Subnet &subnet : m_rule.allow) {
        if (subnet.contains(address))
            return true;
    }
    return false;
}

} // namespace PortRelay
