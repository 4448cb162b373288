#include "core/hops/sshconnector.h"

#include "core/hops/hopruntime.h"
#include "core/hops/sshmuxattempt.h"

namespace PortRelay {

SshConnector::SshConnector(std::shared_ptr<const HopRuntime> hop, QByteArray host, quint16 port)
    : m_hop(std::move(hop))
    , m_host(std::move(host))
    , m_port(port)
{}

std::unique_ptr<ConnectAttempt> SshConnector::connect(BackendRuntime &, qint64 deadlineMs, const Clock &clock) const
{
    return std::make_unique<SshMuxAttempt>(m_hop, m_host, m_port, deadlineMs, clock);
}

} // namespace PortRelay
