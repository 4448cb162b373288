#pragma once

#include "core/hops/hopruntime.h"
#include "core/hops/sshmastercommand.h"
#include "core/net/clocktimer.h"
#include "core/ruleset/hop.h"

#include <QObject>
#include <QProcess>

#include <memory>
#include <random>

namespace PortRelay {

class AskpassServer;
class Clock;
class SecretStore;

// Supervises the OpenSSH master of one SSH hop: starts it, knows it is up once its control
// socket answers (ssh listens there only after authenticating), reads why it failed from its
// standard error, and starts it again with backoff (1 s doubling to 60 s, with jitter, so that
// a fleet of laptops waking at once does not hammer one bastion). A hop reached through another
// waits for that one to be up. Lives on the engine's control thread; the state it publishes in
// its HopRuntime is what the connectors of the backends behind it read.
class SshMaster final : public QObject
{
    Q_OBJECT

public:
    static constexpr int FirstBackoffMs = 1000;
    static constexpr int MaxBackoffMs = 60000;
    // A master that neither authenticates nor fails within this long is stopped.
    static constexpr int StartTimeoutMs = 30000;

    struct Options
    {
        bool acceptNewHostKeys = false;
        QString program = SshMasterCommand::program(); // tests may point at another ssh
        // Where passphrases and passwords come from, and who hands them to ssh; without them a
        // hop that names a secret fails with "passphrase needed".
        SecretStore *secrets = nullptr;
        AskpassServer *askpass = nullptr;
    };

    // via: the runtime of the hop this one is reached through, or null.
    SshMaster(Hop hop, std::shared_ptr<HopRuntime> runtime, std::shared_ptr<const HopRuntime> via,
              const Options &options, const Clock &clock, QObject *parent = nullptr);
    ~SshMaster() override;
    Q_DISABLE_COPY_MOVE(SshMaster)

    const Hop &hop() const { return m_hop; }
    const std::shared_ptr<HopRuntime> &runtime() const { return m_runtime; }

    // Starts the master (now, or once the hop it is reached through is up).
    void start();
    // Stops the master and waits (briefly) for it to exit; the hop is down afterwards.
    void stop();
    // Something changed (the network, a wake from sleep, the previous hop came up): a master that
    // is down is started now, not after its backoff. A master that is up is left alone.
    void recheck();

Q_SIGNALS:
    void stateChanged(PortRelay::HopRuntime::State state, const PortRelay::Message &reason);

private:
    void launch();
    void poll();
    void onFinished(int exitCode);
    void scheduleRestart(const Message &reason);
    void setState(HopRuntime::State state, const Message &reason);
    bool controlSocketAnswers() const;
    // Answers one prompt of ssh (through the askpass program) from the secret store.
    void answerPrompt(const QString &prompt, const std::function<void(bool, const QByteArray &)> &reply);
    bool usesSecrets() const { return !m_hop.passphraseSecret.isEmpty() || !m_hop.passwordSecret.isEmpty(); }

    const Hop m_hop;
    const std::shared_ptr<HopRuntime> m_runtime;
    const std::shared_ptr<const HopRuntime> m_via;
    const Options m_options;
    const Clock &m_clock;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_errors; // what the running master wrote to standard error (the last 16 KiB)
    QByteArray m_askpassToken;
    Message m_secretProblem; // a secret ssh asked for that could not be given: why the master failed
    ClockTimer m_poll;       // while connecting: is the control socket there yet?
    ClockTimer m_restart;
    qint64 m_launchedMs = 0;
    int m_backoffMs = FirstBackoffMs;
    bool m_running = false; // start() was called, stop() not since
    std::minstd_rand m_random;
};

} // namespace PortRelay
