#include "core/engine/enginehost.h"

#include <QTimer>

namespace PortRelay {

EngineHost::EngineHost(const Engine::Options &options, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<PortRelay::EngineSnapshot>();
    qRegisterMetaType<QList<PortRelay::RuleStatus>>();
    qRegisterMetaType<QList<PortRelay::ConnectionInfo>>();
    m_thread.setObjectName(QStringLiteral("portrelay-control"));
    m_thread.start();
    // The engine is born on its thread, so its worker pool and timers belong there too.
    m_anchor = std::make_unique<QObject>();
    m_anchor->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        m_anchor.get(),
        [this, options] {
            m_engine = new Engine(options);
            m_sampler = new QTimer(m_engine);
            m_sampler->setInterval(1000);
            connect(m_sampler, &QTimer::timeout, m_engine, [this] { Q_EMIT sampled(m_engine->snapshot()); });
            m_sampler->start();
            connect(m_engine, &Engine::ruleStatusChanged, this, &EngineHost::ruleStatusChanged);
            connect(m_engine, &Engine::eventOccurred, this, &EngineHost::eventOccurred);
        },
        Qt::BlockingQueuedConnection);
}

EngineHost::~EngineHost()
{
    QMetaObject::invokeMethod(
        m_anchor.get(), [this] { delete m_engine; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_anchor.reset(); // its thread has finished: nothing runs in it any more
}

void EngineHost::apply(const RuleSet &ruleSet)
{
    post([this, ruleSet] { Q_EMIT applied(m_engine->apply(ruleSet)); });
}

void EngineHost::startRule(const QString &name)
{
    post([this, name] { m_engine->startRule(name); });
}

void EngineHost::stopRule(const QString &name, Engine::StopMode mode)
{
    post([this, name, mode] { m_engine->stopRule(name, mode); });
}

void EngineHost::setBackendDraining(const QString &rule, int backend, bool draining)
{
    post([this, rule, backend, draining] { m_engine->setBackendDraining(rule, backend, draining); });
}

void EngineHost::checkBackendNow(const QString &rule, int backend)
{
    post([this, rule, backend] { m_engine->checkBackendNow(rule, backend); });
}

void EngineHost::requestConnections()
{
    post([this] { Q_EMIT connectionsListed(m_engine->connections()); });
}

void EngineHost::closeConnection(int worker, quint64 serial)
{
    post([this, worker, serial] { m_engine->closeConnection(worker, serial); });
}

void EngineHost::setSampleInterval(int milliseconds)
{
    post([this, milliseconds] { m_sampler->setInterval(milliseconds); });
}

} // namespace PortRelay
