#pragma once

#include "core/ruleset/endpoint.h"

#include <QJsonObject>
#include <QString>

namespace PortRelay {

// A named way to reach backends that are not reachable directly, as configured in the rule
// set's "hops" list: backends (and rules, for all their backends) name one with "via", and a hop
// may itself be reached through another ("via" again: jump hosts). The backend's address is
// resolved on the far side of the last hop. SSH today; SOCKS5 and HTTP CONNECT are further types
// of the same list, each a connector of the chain (docs/architecture.md).
struct Hop
{
    enum class Type : quint8
    {
        Ssh
    };

    static constexpr int MaxHops = 64;
    static constexpr int DefaultSshPort = 22;

    QString name;
    Type type = Type::Ssh;
    Endpoint address;         // "bastion.example.com:22" (without a port: 22); empty when sshConfigHost names the host
    QString user;             // empty: OpenSSH's own choice (the configuration, else the local user)
    QString identityFile;     // a private key; "~/" is the user's home; empty: the agent and defaults
    QString sshConfigHost;    // a "Host" alias of the user's OpenSSH configuration, used as it is
    QString knownHostsFile;   // where host keys are checked and accepted; empty: ~/.ssh/known_hosts
    QString passphraseSecret; // the SecretStore name of the key's passphrase, never the passphrase
    QString passwordSecret;   // the SecretStore name of the account's password
    QString via;              // the hop this one is reached through; empty: directly
    QJsonObject extensions;   // the user's own "x-" keys, kept verbatim

    // Key by key, by the schema table (RuleSchema::equal).
    friend bool operator==(const Hop &a, const Hop &b);
    friend bool operator!=(const Hop &a, const Hop &b) { return !(a == b); }
};

} // namespace PortRelay
