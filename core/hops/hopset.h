#pragma once

#include "core/hops/askpassserver.h"
#include "core/hops/hopruntime.h"
#include "core/hops/sshmaster.h"
#include "core/ruleset/hop.h"

#include <QObject>
#include <QSet>
#include <QTemporaryDir>

#include <map>
#include <memory>

namespace PortRelay {

class Clock;

// The engine's running hops: one SshMaster per hop that an enabled rule uses (and per hop those
// are reached through), their control sockets in a private runtime folder (mode 0700, removed
// at the end), started in chain order. A hop whose settings did not change keeps its master
// across a reload, so an unrelated edit never drops a tunnel. Lives on the engine's thread.
class HopSet final : public QObject
{
    Q_OBJECT

public:
    HopSet(const SshMaster::Options &options, const Clock &clock, QObject *parent = nullptr);
    ~HopSet() override;
    Q_DISABLE_COPY_MOVE(HopSet)

    // Runs the hops of hops named in used (with the hops they are reached through); stops the
    // others. Returns the names whose master was replaced or stopped: connectors of those must
    // be made anew.
    QSet<QString> apply(const QList<Hop> &hops, const QSet<QString> &used);
    void stopAll();

    // The running hop of this name, or null.
    std::shared_ptr<const HopRuntime> runtime(const QString &name) const;
    QList<std::shared_ptr<const HopRuntime>> runtimes() const;
    // Why no hop can run (the runtime folder could not be made); empty when they can.
    Message unusableReason() const { return m_unusable; }

    // The network changed or the machine woke: every hop that is down tries again now.
    void recheckAll();

Q_SIGNALS:
    void hopStateChanged(const QString &hop, PortRelay::HopRuntime::State state, const PortRelay::Message &reason);

private:
    // A socket path of its own in the runtime folder (short: sun_path holds 108 bytes).
    QByteArray nextControlPath();
    void onStateChanged(const QString &name, HopRuntime::State state);

    SshMaster::Options m_options;
    const Clock &m_clock;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<AskpassServer> m_askpass;
    Message m_unusable;
    std::map<QString, std::unique_ptr<SshMaster>> m_masters;
    int m_nextSocket = 0;
};

} // namespace PortRelay
