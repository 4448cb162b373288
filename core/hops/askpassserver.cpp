#include "core/hops/askpassserver.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

// A request is two short lines; anything longer is not our program.
constexpr qint64 MaxRequest = 8 * 1024;

} // namespace

AskpassServer::AskpassServer(QObject *parent)
    : QObject(parent)
{}

AskpassServer::~AskpassServer() = default;

bool AskpassServer::listen(const QString &path)
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(path))
        return false;
    connect(m_server, &QLocalServer::newConnection, this, &AskpassServer::onConnection);
    return true;
}

QString AskpassServer::path() const
{
    return m_server ? m_server->fullServerName() : QString();
}

QByteArray AskpassServer::add(Handler handler)
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray token = QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
    m_handlers.insert(token, std::move(handler));
    return token;
}

void AskpassServer::remove(const QByteArray &token)
{
    m_handlers.remove(token);
}

void AskpassServer::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadable(socket); });
    }
}

void AskpassServer::onReadable(QLocalSocket *socket)
{
    if (socket->bytesAvailable() > MaxRequest) {
        socket->abort();
        return;
    }
    // The program half-closes after its two lines.
    const QByteArray request = socket->peek(MaxRequest);
    if (request.count('\n') < 2)
        return;
    socket->readAll();
    const QList<QByteArray> lines = request.split('\n');
    const auto handler = m_handlers.constFind(lines.value(0));
    const QPointer<QLocalSocket> guard(socket);
    const Reply reply = [guard](bool ok, const QByteArray &secret) {
        if (!guard)
            return;
        guard->write(ok ? QByteArray("+") + secret : QByteArray("-"));
        guard->disconnectFromServer();
    };
    if (handler == m_handlers.constEnd()) {
        reply(false, {});
        return;
    }
    (*handler)(QString::fromUtf8(lines.value(1)), reply);
}

QString AskpassServer::program()
{
    const QString beside = QCoreApplication::applicationDirPath() + u"/portrelay-askpass"_s;
    for (const QString &candidate :
         {beside, QStringLiteral(PORTRELAY_ASKPASS_INSTALLED), QStringLiteral(PORTRELAY_ASKPASS_BUILT)}) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return QString();
}

} // namespace PortRelay
