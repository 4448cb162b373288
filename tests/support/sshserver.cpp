#include "sshserver.h"

#include "loopbackserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay::Test {

namespace {

QString sshdPath()
{
    return QStandardPaths::findExecutable(u"sshd"_s, {u"/usr/sbin"_s, u"/usr/local/sbin"_s});
}

} // namespace

SshServer::SshServer() = default;

SshServer::~SshServer()
{
    kill();
}

bool SshServer::isAvailable()
{
    return !sshdPath().isEmpty() && !QStandardPaths::findExecutable(u"ssh-keygen"_s).isEmpty() &&
           !QStandardPaths::findExecutable(u"ssh"_s).isEmpty();
}

QString SshServer::user() const
{
    const passwd *entry = ::getpwuid(::getuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

QString SshServer::log() const
{
    QFile file(m_folder.filePath(u"sshd.log"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(file.readAll()) : QString();
}

bool SshServer::run(const QString &program, const QStringList &args, QString *error)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = program + u": "_s + QString::fromLocal8Bit(process.readAllStandardError());
        return false;
    }
    return true;
}

bool SshServer::makeKeys(QString *error)
{
    const QString hostKey = m_folder.filePath(u"host_key"_s);
    const QString clientKey = this->clientKey();
    if (!QFile::exists(clientKey)) {
        if (!run(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-f"_s, clientKey}, error))
            return false;
        QFile::copy(clientKey + u".pub"_s, m_folder.filePath(u"authorized_keys"_s));
    }
    if (!QFile::exists(hostKey) && !replaceHostKey()) {
        if (error)
            *error = u"ssh-keygen could not make a host key"_s;
        return false;
    }
    return true;
}

QString SshServer::addClientKey(const QString &name, const QString &passphrase)
{
    const QString key = m_folder.filePath(name);
    if (!run(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, passphrase, u"-f"_s, key}, nullptr))
        return QString();
    QFile pub(key + u".pub"_s);
    QFile authorized(m_folder.filePath(u"authorized_keys"_s));
    if (!pub.open(QIODevice::ReadOnly) || !authorized.open(QIODevice::Append))
        return QString();
    authorized.write(pub.readAll());
    return key;
}

bool SshServer::replaceHostKey()
{
    const QString hostKey = m_folder.filePath(u"host_key"_s);
    QFile::remove(hostKey);
    QFile::remove(hostKey + u".pub"_s);
    return run(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-f"_s, hostKey}, nullptr);
}

bool SshServer::writeConfig()
{
    QFile config(m_folder.filePath(u"sshd_config"_s));
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QString text = u"Port %1\n"
                         "ListenAddress 127.0.0.1\n"
                         "HostKey %2\n"
                         "AuthorizedKeysFile %3\n"
                         "PidFile none\n"
                         "UsePAM no\n"
                         "StrictModes no\n"
                         "PasswordAuthentication no\n"
                         "KbdInteractiveAuthentication no\n"
                         "PermitRootLogin prohibit-password\n"
                         "AllowTcpForwarding yes\n"
                         "MaxStartups 100:30:200\n"
                         "MaxSessions 200\n"
                         "LogLevel VERBOSE\n"_s.arg(m_port)
                             .arg(m_folder.filePath(u"host_key"_s), m_folder.filePath(u"authorized_keys"_s));
    return config.write(text.toUtf8()) > 0;
}

bool SshServer::start(quint16 port, QString *error)
{
    if (!m_folder.isValid() || !makeKeys(error))
        return false;
    m_port = port ? port : (m_port ? m_port : freeLoopbackPort());
    if (!writeConfig())
        return false;
    // known_hosts names the key the server had when the client first learnt it.
    const QString knownHosts = this->knownHosts();
    if (!QFile::exists(knownHosts)) {
        QFile pub(m_folder.filePath(u"host_key.pub"_s));
        QFile out(knownHosts);
        if (!pub.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            return false;
        const QList<QByteArray> parts = pub.readAll().trimmed().split(' ');
        out.write("[127.0.0.1]:" + QByteArray::number(m_port) + ' ' + parts.value(0) + ' ' + parts.value(1) + '\n');
    }
    if (::geteuid() == 0)
        QDir().mkpath(u"/run/sshd"_s); // sshd's privilege separation folder when it runs as root

    m_process = std::make_unique<QProcess>();
    m_process->setProgram(sshdPath());
    m_process->setArguments(
        {u"-D"_s, u"-f"_s, m_folder.filePath(u"sshd_config"_s), u"-E"_s, m_folder.filePath(u"sshd.log"_s)});
    m_process->start();
    if (!m_process->waitForStarted(5000)) {
        if (error)
            *error = m_process->errorString();
        return false;
    }
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 10000) {
        if (connectToLoopback(m_port, 500).isValid())
            return true;
        if (m_process->state() != QProcess::Running)
            break;
        QThread::msleep(20);
    }
    if (error)
        *error = u"sshd did not start: "_s + log();
    kill();
    return false;
}

void SshServer::kill()
{
    if (!m_process)
        return;
    // The processes sshd forked for each connection outlive a killed listener; end them first,
    // as a machine going away would (their own children exit when they lose them).
    QProcess::execute(u"pkill"_s, {u"-KILL"_s, u"-P"_s, QString::number(m_process->processId())});
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
}

bool SshServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

} // namespace PortRelay::Test
