#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace PortRelay::Test {

// A real OpenSSH server (Debian's openssh-server) on 127.0.0.1, run by the test in a folder of
// its own: its own host key, one authorized client key (no passphrase), no PAM, TCP forwarding
// allowed, logging to a file. The client side gets a known_hosts file with the host key, so
// verification stays on. Stopped (and its folder removed) when destroyed.
class SshServer
{
public:
    SshServer();
    ~SshServer();
    Q_DISABLE_COPY_MOVE(SshServer)

    // Whether sshd and ssh-keygen are installed; tests skip (naming the package) otherwise.
    static bool isAvailable();

    // Starts on port (0: a free one; a port given again restarts a stopped server in place).
    bool start(quint16 port = 0, QString *error = nullptr);
    // Kills the server: its connections drop as if the machine went away.
    void kill();
    bool isRunning() const;

    // Another authorized client key, protected by passphrase; its path, empty on failure.
    QString addClientKey(const QString &name, const QString &passphrase);
    // A new host key: the next connection sees a changed key (known_hosts keeps the old one).
    bool replaceHostKey();

    quint16 port() const { return m_port; }
    QString user() const;
    QString clientKey() const { return m_folder.filePath(QStringLiteral("client_key")); }
    QString knownHosts() const { return m_folder.filePath(QStringLiteral("known_hosts")); }
    QString hostPublicKey() const { return m_folder.filePath(QStringLiteral("host_key.pub")); }
    // The server's log, for a failing test to show.
    QString log() const;

private:
    bool makeKeys(QString *error);
    bool writeConfig();
    bool run(const QString &program, const QStringList &args, QString *error);

    QTemporaryDir m_folder;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

} // namespace PortRelay::Test
