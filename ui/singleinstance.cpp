#include "ui/singleinstance.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace PortRelay {

namespace {

const QByteArray ShowRequest = QByteArrayLiteral("show\n");

QString defaultName()
{
    // XDG_RUNTIME_DIR is per user and mode 0700; without it, fall back to a per-user name in /tmp.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty())
        return QDir(runtime).filePath(QStringLiteral("portrelay.socket"));
    return QStringLiteral("portrelay-") + QString::fromLocal8Bit(qgetenv("USER"));
}

} // namespace

SingleInstance::SingleInstance(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name.isEmpty() ? defaultName() : name)
{}

bool SingleInstance::claim()
{
    {
        QLocalSocket socket;
        socket.connectToServer(m_name);
        if (socket.waitForConnected(500)) {
            socket.write(ShowRequest);
            socket.waitForBytesWritten(500);
            socket.disconnectFromServer();
            return false;
        }
    }
    // Nobody answers: a socket file left by a crash, or none at all.
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name))
        return true; // run anyway; only the raising of this window by a second start is lost
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->readAll().contains(ShowRequest.trimmed()))
                    Q_EMIT activationRequested();
            });
        }
    });
    return true;
}

} // namespace PortRelay
