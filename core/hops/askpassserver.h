#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>

#include <functional>

class QLocalServer;
class QLocalSocket;

namespace PortRelay {

// Answers portrelay-askpass, the SSH_ASKPASS program of the SSH masters: it connects to a Unix
// socket in the hops' private runtime folder, names the master that runs it by a random token
// (from its environment, which only the same user can read) and gives OpenSSH's prompt. The
// master's handler answers later (the secret store is asynchronous) with the secret or a refusal.
// Lives on the engine's thread.
class AskpassServer final : public QObject
{
    Q_OBJECT

public:
    // reply(true, secret) or reply(false, {}); called once, maybe later.
    using Reply = std::function<void(bool ok, const QByteArray &secret)>;
    using Handler = std::function<void(const QString &prompt, Reply reply)>;

    explicit AskpassServer(QObject *parent = nullptr);
    ~AskpassServer() override;
    Q_DISABLE_COPY_MOVE(AskpassServer)

    // Listens at path (in a folder only this user can enter); false when it cannot.
    bool listen(const QString &path);
    QString path() const;

    // A new token for handler; the one to put in the master's environment.
    QByteArray add(Handler handler);
    void remove(const QByteArray &token);

    // What the askpass program is and where it is found (next to the running program, installed,
    // or built): an empty string when nowhere.
    static QString program();

private:
    void onConnection();
    void onReadable(QLocalSocket *socket);

    QLocalServer *m_server = nullptr;
    QHash<QByteArray, Handler> m_handlers;
};

} // namespace PortRelay
