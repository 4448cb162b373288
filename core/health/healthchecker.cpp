#include "core/health/healthchecker.h"

#include "core/engine/ruleruntime.h"
#include "core/net/clock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <climits>

namespace PortRelay {

namespace {

// A probe reads at most this much while looking for `expect`.
constexpr qsizetype MaxProbeRead = 64 * 1024;

QString describeSocketError(QAbstractSocket::SocketError error, const QString &fallback)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return HealthChecker::tr("connection refused");
    case QAbstractSocket::RemoteHostClosedError:
        return HealthChecker::tr("closed by the backend");
    case QAbstractSocket::NetworkError:
        return HealthChecker::tr("network error");
    default:
        return fallback;
    }
}

QString printable(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes.left(40)).trimmed();
    text.replace(QLatin1Char('\r'), QLatin1String("\\r")).replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return text;
}

} // namespace

struct HealthChecker::Probe
{
    QTimer schedule;
    QTimer timeout;
    QTimer revive;
    QPointer<QTcpSocket> socket;
    std::shared_ptr<const AddressList> addresses; // of the check under way
    bool connected = false;                       // the check's socket got through
    QElapsedTimer started;
    QByteArray received;
    int successes = 0;
    int failures = 0;
};

HealthChecker::HealthChecker(std::shared_ptr<RuleRuntime> runtime, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_runtime(std::move(runtime))
    , m_clock(clock)
{
    const Rule &rule = m_runtime->rule();
    for (int i = 0; i < m_runtime->backendCount(); ++i) {
        auto probe = std::make_unique<Probe>();
        probe->schedule.setInterval(rule.healthCheck.intervalMs);
        connect(&probe->schedule, &QTimer::timeout, this, [this, i] { runCheck(i); });
        probe->timeout.setSingleShot(true);
        probe->timeout.setInterval(rule.healthCheck.timeoutMs);
        connect(&probe->timeout, &QTimer::timeout, this, [this, i] {
            finishCheck(i, false, tr("timeout after %1 ms").arg(m_runtime->rule().healthCheck.timeoutMs));
        });
        probe->revive.setSingleShot(true);
        probe->revive.setInterval(rule.failWindowMs);
        connect(&probe->revive, &QTimer::timeout, this, [this, i] {
            transition(i, BackendState::Down, BackendState::Unknown,
                       tr("fail window of %1 ms passed").arg(m_runtime->rule().failWindowMs));
        });
        m_probes.push_back(std::move(probe));
    }
}

HealthChecker::~HealthChecker()
{
    for (auto &probe : m_probes)
        delete probe->socket;
}

void HealthChecker::start()
{
    if (m_runtime->rule().healthCheck.type == HealthCheck::Type::None) {
        // A backend still down from before a reload gets its fail window like any other.
        for (int i = 0; i < int(m_probes.size()); ++i) {
            if (m_runtime->backend(i).health.load() == BackendState::Down && m_runtime->backend(i).hasAddresses())
                m_probes[std::size_t(i)]->revive.start();
        }
        return;
    }
    // Spread the backends' checks over the interval instead of firing them all at once.
    const int count = int(m_probes.size());
    const int interval = m_runtime->rule().healthCheck.intervalMs;
    for (int i = 0; i < count; ++i) {
        if (m_runtime->backend(i).health.load() == BackendState::Disabled)
            continue;
        QTimer::singleShot(interval * i / count, this, [this, i] {
            m_probes[std::size_t(i)]->schedule.start();
            runCheck(i);
        });
    }
}

void HealthChecker::checkNow(int backend)
{
    if (backend >= 0 && backend < int(m_probes.size()))
        runCheck(backend);
}

void HealthChecker::runCheck(int backend)
{
    Probe &probe = *m_probes[std::size_t(backend)];
    const BackendRuntime &target = m_runtime->backend(backend);
    // A name that does not resolve is down already, with that reason; nothing to connect to.
    if (probe.socket || !target.hasAddresses() || target.health.load() == BackendState::Disabled)
        return;
    probe.addresses = target.publishedAddresses();
    probe.received.clear();
    probe.timeout.start();
    probe.started.start();
    connectProbe(backend, 0);
}

void HealthChecker::connectProbe(int backend, int index)
{
    Probe &probe = *m_probes[std::size_t(backend)];
    const HealthCheck &check = m_runtime->rule().healthCheck;
    auto *socket = new QTcpSocket(this);
    probe.socket = socket;
    // A system proxy must never sit between us and a backend we are judging.
    socket->setProxy(QNetworkProxy::NoProxy);
    probe.connected = false;
    connect(socket, &QTcpSocket::connected, this, [this, backend, socket, index, &check, &probe] {
        probe.connected = true;
        // The address that answered is where traffic should try first too.
        if (m_runtime->backend(backend).publishedAddresses() == probe.addresses)
            m_runtime->backend(backend).preferredAddress.store(index, std::memory_order_relaxed);
        if (check.send.isEmpty()) {
            if (check.expect.isEmpty())
                finishCheck(backend, true, tr("connected"));
            return;
        }
        socket->write(check.send);
        if (check.expect.isEmpty()) {
            // Passes once the text is handed to the kernel, not when it is merely queued here.
            connect(socket, &QTcpSocket::bytesWritten, this, [this, backend, socket] {
                if (socket->bytesToWrite() == 0)
                    finishCheck(backend, true, tr("connected and sent"));
            });
        }
    });
    connect(socket, &QTcpSocket::readyRead, this, [this, backend, socket, &check, &probe] {
        probe.received += socket->read(MaxProbeRead - probe.received.size());
        if (probe.received.contains(check.expect))
            finishCheck(backend, true, tr("answered as expected"));
        else if (probe.received.size() >= MaxProbeRead)
            finishCheck(backend, false,
                        tr("expected \"%1\", got \"%2\"").arg(printable(check.expect), printable(probe.received)));
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, backend, socket, index, &check, &probe](auto error) {
        if (error == QAbstractSocket::RemoteHostClosedError && !check.expect.isEmpty() && !probe.received.isEmpty()) {
            finishCheck(backend, false,
                        tr("expected \"%1\", got \"%2\"").arg(printable(check.expect), printable(probe.received)));
            return;
        }
        // Like traffic, a check tries every address of a name before it fails.
        if (!probe.connected && index + 1 < probe.addresses->size()) {
            probe.socket = nullptr;
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater(); // we are inside one of its signals
            connectProbe(backend, index + 1);
            return;
        }
        finishCheck(backend, false, describeSocketError(error, socket->errorString()));
    });
    const SocketAddress &address = probe.addresses->at(index);
    socket->connectToHost(address.address(), address.port());
}

void HealthChecker::finishCheck(int backend, bool passed, const QString &reason)
{
    Probe &probe = *m_probes[std::size_t(backend)];
    if (!probe.socket)
        return;
    probe.timeout.stop();
    QTcpSocket *socket = probe.socket;
    probe.socket = nullptr;
    socket->disconnect(this);
    // A passed check says goodbye properly (what it sent must arrive); a failed one just drops.
    if (passed)
        socket->disconnectFromHost();
    else
        socket->abort();
    socket->deleteLater(); // we may be inside one of its signals

    const HealthCheck &check = m_runtime->rule().healthCheck;
    BackendRuntime &target = m_runtime->backend(backend);
    target.lastCheckEpochMs.store(QDateTime::currentMSecsSinceEpoch());
    target.lastCheckMicros.store(qint32(qMin<qint64>(probe.started.nsecsElapsed() / 1000, INT_MAX)));
    if (!passed)
        target.setLastFailure(reason);
    const BackendState current = target.health.load();
    if (passed) {
        ++probe.successes;
        probe.failures = 0;
        if (current == BackendState::Unknown)
            transition(backend, current, BackendState::Up, reason);
        else if (current == BackendState::Down && probe.successes >= check.rise)
            transition(backend, current, BackendState::Up,
                       tr("%1 (%2/%3 checks)").arg(reason).arg(probe.successes).arg(check.rise));
    } else {
        ++probe.failures;
        probe.successes = 0;
        if ((current == BackendState::Up || current == BackendState::Unknown) && probe.failures >= check.fall)
            transition(backend, current, BackendState::Down,
                       tr("%1 (%2/%3 checks)").arg(reason).arg(probe.failures).arg(check.fall));
    }
}

void HealthChecker::transition(int backend, BackendState from, BackendState to, const QString &reason)
{
    BackendRuntime &target = m_runtime->backend(backend);
    // A worker may have marked the backend down since we looked; its report is on its way and
    // decides, so only move from the state our verdict was based on.
    if (from == to || !target.health.compare_exchange_strong(from, to))
        return;
    target.markStateChanged();
    // Back from down (verified by checks, or given another chance with checks off): ramp up.
    if (from == BackendState::Down && (to == BackendState::Up || to == BackendState::Unknown))
        target.upSinceMs.store(m_clock.nowMs());
    Q_EMIT stateChanged(backend, from, to, reason);
}

void HealthChecker::onMarkedDown(int backend, BackendState previous, const QString &reason)
{
    if (backend < 0 || backend >= int(m_probes.size()))
        return;
    Probe &probe = *m_probes[std::size_t(backend)];
    probe.successes = 0;
    probe.failures = 0;
    Q_EMIT stateChanged(backend, previous, BackendState::Down, reason);
    if (m_runtime->rule().healthCheck.type == HealthCheck::Type::None)
        probe.revive.start();
}

void HealthChecker::onUnresolvable(int backend, const QString &reason)
{
    if (backend < 0 || backend >= int(m_probes.size()))
        return;
    BackendRuntime &target = m_runtime->backend(backend);
    target.setLastFailure(reason);
    m_probes[std::size_t(backend)]->successes = 0;
    for (BackendState from : {BackendState::Unknown, BackendState::Up}) {
        if (target.health.load() == from)
            transition(backend, from, BackendState::Down, reason);
    }
}

void HealthChecker::onAddressesChanged(int backend)
{
    if (backend < 0 || backend >= int(m_probes.size()))
        return;
    if (m_runtime->backend(backend).health.load() != BackendState::Down)
        return;
    if (m_runtime->rule().healthCheck.type == HealthCheck::Type::None) {
        m_probes[std::size_t(backend)]->revive.stop();
        transition(backend, BackendState::Down, BackendState::Unknown, tr("resolves again"));
    } else {
        runCheck(backend);
    }
}

void HealthChecker::setDraining(int backend, bool draining)
{
    if (backend < 0 || backend >= int(m_probes.size()))
        return;
    BackendRuntime &target = m_runtime->backend(backend);
    const BackendState from = target.state();
    target.draining.store(draining);
    const BackendState to = target.state();
    if (from != to) {
        target.markStateChanged();
        Q_EMIT stateChanged(backend, from, to, draining ? tr("draining: no new connections") : tr("drain ended"));
    }
}

} // namespace PortRelay
