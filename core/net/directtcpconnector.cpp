#include "core/net/directtcpconnector.h"

#include "core/net/backendruntime.h"
#include "core/net/clock.h"
#include "core/net/sockets.h"
#include "core/net/transportslot.h"

#include <cerrno>

#include <sys/epoll.h>

namespace PortRelay {

namespace {

class DirectTcpAttempt final : public ConnectAttempt
{
public:
    DirectTcpAttempt(BackendRuntime &backend, qint64 deadlineMs, const Clock &clock)
        : m_backend(backend)
        , m_clock(clock)
        , m_deadlineMs(deadlineMs)
    {}

    Progress start(qint64 nowMs) override
    {
        m_startedUs = m_clock.nowUs();
        const AddressList &addresses = m_backend.addresses();
        m_generation = addresses.generation;
        m_count = quint8(qMin(addresses.size(), 255));
        if (m_count == 0) {
            m_error = EHOSTUNREACH;
            return Progress::Failed;
        }
        m_first = quint8(qMax(0, m_backend.preferredAddress.load(std::memory_order_relaxed)) % m_count);
        return connectNext(nowMs);
    }

    Progress onIo(quint32 events, qint64 nowMs) override
    {
        if (!(events & (EPOLLERR | EPOLLHUP)))
            return connected();
        int error = Sockets::pendingError(m_fd.get());
        m_error = error == 0 ? ECONNREFUSED : error;
        m_fd.reset();
        return connectNext(nowMs);
    }

    Progress onTimeout(qint64 nowMs) override
    {
        m_error = ETIMEDOUT;
        m_fd.reset();
        return connectNext(nowMs);
    }

    int fd() const override { return m_fd.get(); }
    quint32 socketSerial() const override { return m_socketSerial; }
    quint32 interest() const override { return EPOLLOUT; }
    qint64 timeoutAtMs() const override { return m_timeoutAtMs; }
    TransportSlot takeTransport() override { return TransportSlot(std::move(m_fd)); }
    int error() const override { return m_error; }
    qint64 setupMicros() const override { return m_setupUs; }

private:
    Progress connectNext(qint64 nowMs)
    {
        const AddressList &addresses = m_backend.addresses();
        if (addresses.generation != m_generation) {
            // The name was looked up anew meanwhile: its new addresses are the ones worth trying.
            m_generation = addresses.generation;
            m_count = quint8(qMin(addresses.size(), 255));
            m_first = 0;
            m_tried = 0;
        }
        while (m_tried < m_count) {
            const quint8 position = quint8((m_first + m_tried) % m_count);
            ++m_tried;
            int error = 0;
            UniqueFd fd = Sockets::connectNonBlocking(addresses.at(position), &error);
            if (!fd.isValid()) {
                m_error = error;
                // Our own shortage (descriptors, memory) is not the backend's fault: stop here.
                if (Sockets::isLocalResourceError(error))
                    return Progress::LocalShortage;
                continue; // refused at once: the next address of the same backend
            }
            m_fd = std::move(fd);
            ++m_socketSerial;
            m_position = position;
            if (error == 0)
                return connected();
            // The attempt's time is shared by the addresses still to try, so that a first address
            // that never answers cannot use it all up.
            const qint64 remaining = qMax<qint64>(1, m_deadlineMs - nowMs);
            m_timeoutAtMs = nowMs + remaining / (m_count - m_tried + 1);
            return Progress::InProgress;
        }
        return Progress::Failed;
    }

    Progress connected()
    {
        m_setupUs = m_clock.nowUs() - m_startedUs;
        if (m_backend.addresses().generation == m_generation)
            m_backend.preferredAddress.store(m_position, std::memory_order_relaxed);
        return Progress::Connected;
    }

    BackendRuntime &m_backend;
    const Clock &m_clock;
    UniqueFd m_fd;
    const qint64 m_deadlineMs;
    qint64 m_timeoutAtMs = 0;
    qint64 m_startedUs = 0;
    qint64 m_setupUs = 0;
    quint64 m_generation = 0;
    int m_error = 0;
    quint32 m_socketSerial = 0;
    quint8 m_first = 0;
    quint8 m_count = 0;
    quint8 m_tried = 0;
    quint8 m_position = 0;
};

} // namespace

std::unique_ptr<ConnectAttempt> DirectTcpConnector::connect(BackendRuntime &backend, qint64 deadlineMs,
                                                            const Clock &clock) const
{
    return std::make_unique<DirectTcpAttempt>(backend, deadlineMs, clock);
}

} // namespace PortRelay
