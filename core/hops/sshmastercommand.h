#pragma once

#include "core/ruleset/hop.h"

#include <QByteArray>
#include <QStringList>

namespace PortRelay {

// The command line of an SSH hop's master: the system's OpenSSH client, so that what the user
// has set up for it (the agent, FIDO keys, certificates, ~/.ssh/config and known_hosts) works as
// in a terminal. Only non-secret settings are on it; secrets come through the askpass channel.
//
// The master authenticates, then serves channels over its control socket and nothing else: no
// session (-N), no forwardings of its own (those of ~/.ssh/config included), no persistence past
// its supervisor. Host keys are always verified; keep-alives find a dead network in about 45 s.
struct SshMasterCommand
{
    struct Options
    {
        QByteArray controlPath;         // where the master listens
        QByteArray viaControlPath;      // the control socket of the hop this one is reached through, if any
        bool acceptNewHostKeys = false; // record unknown host keys (still refusing changed ones)
        bool askpass = false;           // passphrases and passwords come from the askpass program: no batch mode
        int connectTimeoutS = 10;
        int aliveIntervalS = 15; // keep-alives; the master gives up after three unanswered
    };

    static QString program();
    // The arguments after program(), for hop.
    static QStringList arguments(const Hop &hop, const Options &options);
    // "dev@bastion.example.com:22", or the configuration alias: what the hop is, for people.
    static QString destination(const Hop &hop);
};

} // namespace PortRelay
