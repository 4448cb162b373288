#pragma once

#include "core/engine/engine.h"
#include "core/engine/enginesnapshot.h"
#include "core/net/connectioninfo.h"

#include <QObject>
#include <QThread>

#include <memory>

class QTimer;

namespace PortRelay {

// Runs an Engine on a control thread of its own, for a caller (the GUI thread) that must never
// wait on the engine: every call here returns at once and its result comes back as a signal,
// queued to the caller's thread. A sampler on the control thread takes a snapshot of the
// counters every sampleInterval and emits it: the only traffic figures the UI ever gets, about
// once a second, never per connection or per byte.
class EngineHost final : public QObject
{
    Q_OBJECT

public:
    explicit EngineHost(const Engine::Options &options = Engine::Options(), QObject *parent = nullptr);
    // Stops every rule (open connections are reset) and joins the control thread.
    ~EngineHost() override;
    Q_DISABLE_COPY_MOVE(EngineHost)

    void apply(const RuleSet &ruleSet);
    void startRule(const QString &name);
    void stopRule(const QString &name, Engine::StopMode mode = Engine::StopMode::Graceful);
    void setBackendDraining(const QString &rule, int backend, bool draining);
    void checkBackendNow(const QString &rule, int backend);
    void requestConnections();
    void closeConnection(int worker, quint64 serial);
    void setSampleInterval(int milliseconds);

Q_SIGNALS:
    void applied(const QList<PortRelay::RuleStatus> &failures);
    void ruleStatusChanged(const PortRelay::RuleStatus &status);
    void eventOccurred(const PortRelay::EngineEvent &event);
    void sampled(const PortRelay::EngineSnapshot &snapshot);
    void connectionsListed(const QList<PortRelay::ConnectionInfo> &connections);

private:
    // Runs fn on the control thread, later; never blocks the caller.
    template<typename Fn>
    void post(Fn &&fn)
    {
        QMetaObject::invokeMethod(m_engine, std::forward<Fn>(fn), Qt::QueuedConnection);
    }

    QThread m_thread;
    std::unique_ptr<QObject> m_anchor; // lives on m_thread: a context to create and destroy the engine from
    Engine *m_engine = nullptr;        // lives on m_thread
    QTimer *m_sampler = nullptr;
};

} // namespace PortRelay
