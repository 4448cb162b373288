#pragma once

#include "core/net/upstreamconnector.h"

#include <QByteArray>

#include <memory>

namespace PortRelay {

class HopRuntime;

// Reaches one backend through an SSH hop: every attempt opens a channel of the hop's master to
// the backend's host and port (SshMuxAttempt), the name resolved on the far side. While the hop is
// not up, attempts fail at once with the hop's reason, so the backends behind a down hop are down
// for that reason and the rule fails over to others, as for any backend.
class SshConnector final : public UpstreamConnector
{
public:
    SshConnector(std::shared_ptr<const HopRuntime> hop, QByteArray host, quint16 port);

    std::unique_ptr<ConnectAttempt> connect(BackendRuntime &backend, qint64 deadlineMs,
                                            const Clock &clock) const override;

    const HopRuntime &hop() const { return *m_hop; }

private:
    const std::shared_ptr<const HopRuntime> m_hop;
    const QByteArray m_host;
    const quint16 m_port;
};

} // namespace PortRelay
