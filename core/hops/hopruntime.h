#pragma once

#include "core/i18n/message.h"

#include <QByteArray>
#include <QMutex>
#include <QString>

#include <atomic>

namespace PortRelay {

// The live side of one hop, shared by the connectors of the backends behind it (workers read
// whether it is up and where its master listens on every connect) and the control thread's
// supervisor, which sets its state. The state is an atomic; the reason and the time are for
// people to look at and sit behind a lock.
class HopRuntime
{
public:
    enum class State : quint8
    {
        Connecting, // the master is starting (or restarting after a failure)
        Up,         // the master is authenticated and takes channels
        Down,       // the master failed or exited: reason() says why; it is retried with backoff
    };

    // controlPath: the master's control socket, in a folder only this user can enter.
    HopRuntime(QString name, QByteArray controlPath);
    Q_DISABLE_COPY_MOVE(HopRuntime)

    const QString &name() const { return m_name; }
    const QByteArray &controlPath() const { return m_controlPath; }
    State state() const { return m_state.load(std::memory_order_acquire); }
    bool isUp() const { return state() == State::Up; }

    // Control thread only.
    void setState(State state, const Message &reason, qint64 sinceEpochMs);
    // Why the hop is down, or what it is doing ("connecting to bastion.example.com:22").
    Message reason() const;
    // When state() last changed (ms since the epoch).
    qint64 sinceEpochMs() const { return m_sinceEpochMs.load(std::memory_order_relaxed); }

    // "connecting", "up", "down": stable English names for logs and the API.
    static QString stateName(State state);

private:
    const QString m_name;
    const QByteArray m_controlPath;
    std::atomic<State> m_state{State::Connecting};
    std::atomic<qint64> m_sinceEpochMs{0};
    mutable QMutex m_mutex;
    Message m_reason;
};

} // namespace PortRelay
