#include "ui/dialogs/backendprober.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <utility>

namespace PortRelay {

BackendProber::BackendProber(QObject *parent)
    : QObject(parent)
{}

BackendProber::~BackendProber()
{
    cancel();
}

void BackendProber::probe(const QList<std::pair<int, Endpoint>> &targets, int timeoutMs)
{
    cancel();
    for (const auto &[index, endpoint] : targets) {
        auto *socket = new QTcpSocket(this);
        socket->setProxy(QNetworkProxy::NoProxy);
        m_pending.append(socket);
        auto clock = std::make_shared<QElapsedTimer>();
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        const int i = index;

        connect(socket, &QTcpSocket::connected, this,
                [this, socket, clock, i] { settle(socket, i, true, double(clock->nsecsElapsed()) / 1e6, QString()); });
        connect(socket, &QTcpSocket::errorOccurred, this,
                [this, socket, i] { settle(socket, i, false, 0, describeFailure(*socket)); });
        connect(timer, &QTimer::timeout, this, [this, socket, i, timeoutMs] {
            settle(socket, i, false, 0, tr("timed out after %1 ms").arg(timeoutMs));
        });

        clock->start();
        timer->start(timeoutMs);
        // "localhost" means 127.0.0.1 in rules; the resolver might answer ::1 first.
        if (const auto address = endpoint.literalAddress())
            socket->connectToHost(*address, endpoint.port);
        else
            socket->connectToHost(endpoint.host, endpoint.port);
    }
    if (m_pending.isEmpty())
        QTimer::singleShot(0, this, [this] {
            if (m_pending.isEmpty())
                Q_EMIT finished();
        });
}

void BackendProber::cancel()
{
    const auto pending = std::exchange(m_pending, {});
    for (const QPointer<QTcpSocket> &socket : pending) {
        if (!socket)
            continue;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

QString BackendProber::describeFailure(const QTcpSocket &socket)
{
    switch (socket.error()) {
    case QAbstractSocket::ConnectionRefusedError:
        return tr("connection refused");
    case QAbstractSocket::HostNotFoundError:
        return tr("host not found");
    case QAbstractSocket::NetworkError:
        return tr("network unreachable");
    case QAbstractSocket::SocketTimeoutError:
        return tr("timed out");
    case QAbstractSocket::RemoteHostClosedError:
        return tr("closed by the backend");
    default:
        return socket.errorString();
    }
}

void BackendProber::settle(QTcpSocket *socket, int index, bool ok, double milliseconds, const QString &error)
{
    if (!m_pending.removeOne(socket))
        return;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    Q_EMIT probed(index, ok, milliseconds, error);
    if (m_pending.isEmpty())
        Q_EMIT finished();
}

} // namespace PortRelay
