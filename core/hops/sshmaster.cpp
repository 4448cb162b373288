#include "core/hops/sshmaster.h"

#include "core/hops/askpassserver.h"
#include "core/hops/sshfailure.h"
#include "core/net/clock.h"
#include "core/secrets/secretstore.h"

#include <QDateTime>
#include <QFile>

#include <cstring>

#include <csignal>

#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

constexpr const char *Context = "PortRelay::SshHop";
constexpr int PollIntervalMs = 50;
constexpr qsizetype MaxErrorOutput = 16 * 1024;

} // namespace

SshMaster::SshMaster(Hop hop, std::shared_ptr<HopRuntime> runtime, std::shared_ptr<const HopRuntime> via,
                     const Options &options, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_hop(std::move(hop))
    , m_runtime(std::move(runtime))
    , m_via(std::move(via))
    , m_options(options)
    , m_clock(clock)
    , m_poll(clock)
    , m_restart(clock)
    , m_random(std::random_device{}())
{
    m_poll.setInterval(PollIntervalMs);
    m_restart.setSingleShot(true);
    connect(&m_poll, &ClockTimer::timeout, this, &SshMaster::poll);
    connect(&m_restart, &ClockTimer::timeout, this, &SshMaster::launch);
}

SshMaster::~SshMaster()
{
    stop();
}

void SshMaster::start()
{
    if (m_running)
        return;
    m_running = true;
    launch();
}

void SshMaster::launch()
{
    if (!m_running || m_process)
        return;
    if (m_via && !m_via->isUp()) {
        // recheck() comes when it is up.
        setState(HopRuntime::State::Down,
                 Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "waiting for hop \"%1\", which it is "
                                                                         "reached through"))
                     .arg(m_via->name()));
        return;
    }
    QFile::remove(QString::fromLocal8Bit(m_runtime->controlPath())); // a master killed hard leaves it
    SshMasterCommand::Options command;
    command.controlPath = m_runtime->controlPath();
    command.viaControlPath = m_via ? m_via->controlPath() : QByteArray();
    command.acceptNewHostKeys = m_options.acceptNewHostKeys;
    command.askpass = usesSecrets() && m_options.askpass && !AskpassServer::program().isEmpty();

    m_errors.clear();
    m_secretProblem = Message();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_options.program);
    m_process->setArguments(SshMasterCommand::arguments(m_hop, command));
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setStandardOutputFile(QProcess::nullDevice());
    // A master must not outlive PortRelay (a crash included): nobody would supervise it. The
    // signal comes when the thread that started it ends, which is the engine's, so the same.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    if (command.askpass) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        m_askpassToken = m_options.askpass->add(
            [this](const QString &prompt, const AskpassServer::Reply &reply) { answerPrompt(prompt, reply); });
        environment.insert(u"SSH_ASKPASS"_s, AskpassServer::program());
        environment.insert(u"SSH_ASKPASS_REQUIRE"_s, u"force"_s);
        environment.insert(u"PORTRELAY_ASKPASS_SOCKET"_s, m_options.askpass->path());
        environment.insert(u"PORTRELAY_ASKPASS_TOKEN"_s, QString::fromLatin1(m_askpassToken));
        m_process->setProcessEnvironment(environment);
    }
    QProcess *process = m_process.get();
    connect(process, &QProcess::readyReadStandardError, this, [this, process] {
        m_errors += process->readAllStandardError();
        if (m_errors.size() > MaxErrorOutput)
            m_errors.remove(0, m_errors.size() - MaxErrorOutput);
    });
    connect(process, &QProcess::finished, this, [this](int exitCode) { onFinished(exitCode); });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            m_errors = process->errorString().toLocal8Bit();
            onFinished(-1);
        }
    });
    m_launchedMs = m_clock.nowMs();
    setState(HopRuntime::State::Connecting, Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "connecting to %1"))
                                                .arg(SshMasterCommand::destination(m_hop)));
    m_process->start();
    m_poll.start();
}

void SshMaster::poll()
{
    if (!m_process || m_process->state() != QProcess::Running)
        return; // finished() follows
    if (controlSocketAnswers()) {
        m_poll.stop();
        m_backoffMs = FirstBackoffMs;
        setState(HopRuntime::State::Up, Message());
        return;
    }
    if (m_clock.nowMs() - m_launchedMs >= StartTimeoutMs) {
        m_errors +=
            QByteArray("\nConnection timed out: no answer within ") + QByteArray::number(StartTimeoutMs / 1000) + " s";
        m_process->kill();
    }
}

void SshMaster::onFinished(int exitCode)
{
    if (!m_process)
        return;
    m_poll.stop();
    m_errors += m_process->readAllStandardError();
    // Not deleted inside its own signal.
    QProcess *process = m_process.release();
    process->disconnect(this);
    process->deleteLater();

    if (!m_askpassToken.isEmpty()) {
        m_options.askpass->remove(m_askpassToken);
        m_askpassToken.clear();
    }
    Message reason;
    if (!m_secretProblem.isEmpty())
        reason = m_secretProblem;
    else if (m_via && !m_via->isUp())
        reason = Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "hop \"%1\", which it is reached through, "
                                                                         "is down"))
                     .arg(m_via->name());
    else
        reason = SshFailure::reason(m_errors, exitCode, SshMasterCommand::destination(m_hop));
    if (m_running)
        scheduleRestart(reason);
    else
        setState(HopRuntime::State::Down, reason);
}

void SshMaster::scheduleRestart(const Message &reason)
{
    std::uniform_real_distribution<double> jitter(0.8, 1.2);
    const int delayMs = int(m_backoffMs * jitter(m_random));
    m_backoffMs = qMin(m_backoffMs * 2, MaxBackoffMs);
    setState(HopRuntime::State::Down, reason);
    m_restart.start(delayMs);
}

void SshMaster::recheck()
{
    if (!m_running || m_process)
        return; // stopped, or starting or up: nothing to hurry
    m_restart.stop();
    launch();
}

void SshMaster::answerPrompt(const QString &prompt, const std::function<void(bool, const QByteArray &)> &reply)
{
    // OpenSSH's prompts: "Enter passphrase for key '…': ", "user@host's password: ".
    const bool passphrase = prompt.contains(u"passphrase"_s, Qt::CaseInsensitive);
    const bool password = !passphrase && prompt.contains(u"password"_s, Qt::CaseInsensitive);
    const QString name = passphrase ? m_hop.passphraseSecret : password ? m_hop.passwordSecret : QString();
    if (name.isEmpty()) {
        m_secretProblem = Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop",
                                                             "ssh asked \"%1\", which the hop has no secret for"))
                              .arg(prompt.trimmed());
        reply(false, {});
        return;
    }
    const auto needed = [this, passphrase, name] {
        return passphrase
                   ? Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "passphrase needed: add secret \"%1\""))
                         .arg(name)
                   : Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "password needed: add secret \"%1\""))
                         .arg(name);
    };
    if (!m_options.secrets) {
        m_secretProblem = needed();
        reply(false, {});
        return;
    }
    m_options.secrets->read(name, this, [this, reply, needed, name](const SecretStore::Result &result) {
        if (result.ok()) {
            reply(true, result.value);
            return;
        }
        m_secretProblem =
            result.status == SecretStore::Result::Status::NotFound
                ? needed()
                : Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "cannot read secret \"%1\": %2"))
                      .arg(name)
                      .arg(result.error);
        reply(false, {});
    });
}

void SshMaster::stop()
{
    m_running = false;
    m_poll.stop();
    m_restart.stop();
    if (!m_askpassToken.isEmpty()) {
        m_options.askpass->remove(m_askpassToken);
        m_askpassToken.clear();
    }
    if (m_process) {
        std::unique_ptr<QProcess> process = std::move(m_process);
        process->disconnect(this);
        process->terminate();
        if (!process->waitForFinished(1000)) {
            process->kill();
            process->waitForFinished(1000);
        }
        QFile::remove(QString::fromLocal8Bit(m_runtime->controlPath()));
    }
    if (m_runtime->state() != HopRuntime::State::Down)
        setState(HopRuntime::State::Down, Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "stopped")));
}

void SshMaster::setState(HopRuntime::State state, const Message &reason)
{
    if (m_runtime->state() == state && m_runtime->reason() == reason)
        return;
    m_runtime->setState(state, reason, QDateTime::currentMSecsSinceEpoch());
    Q_EMIT stateChanged(state, reason);
}

bool SshMaster::controlSocketAnswers() const
{
    const QByteArray &path = m_runtime->controlPath();
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (std::size_t(path.size()) >= sizeof(address.sun_path))
        return false;
    std::memcpy(address.sun_path, path.constData(), std::size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const bool answers = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd);
    return answers;
}

} // namespace PortRelay
