#include "core/hops/hopruntime.h"

namespace PortRelay {

HopRuntime::HopRuntime(QString name, QByteArray controlPath)
    : m_name(std::move(name))
    , m_controlPath(std::move(controlPath))
{}

void HopRuntime::setState(State state, const Message &reason, qint64 sinceEpochMs)
{
    {
        QMutexLocker lock(&m_mutex);
        m_reason = reason;
    }
    m_sinceEpochMs.store(sinceEpochMs, std::memory_order_relaxed);
    m_state.store(state, std::memory_order_release);
}

Message HopRuntime::reason() const
{
    QMutexLocker lock(&m_mutex);
    return m_reason;
}

QString HopRuntime::stateName(State state)
{
    switch (state) {
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::Up:
        return QStringLiteral("up");
    case State::Down:
        break;
    }
    return QStringLiteral("down");
}

} // namespace PortRelay
