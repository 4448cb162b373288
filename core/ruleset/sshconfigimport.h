#pragma once

#include "core/i18n/message.h"
#include "core/ruleset/ruleset.h"

#include <QByteArray>
#include <QList>

namespace PortRelay {

// The LocalForward lines of an OpenSSH client configuration (~/.ssh/config) as rules through SSH
// hops: "Host bastion" with "LocalForward 15432 db.internal:5432" becomes the hop "bastion"
// (ssh_config_host: the alias, so that everything else the block says is used as it is) and the
// rule "bastion-15432" listening on 127.0.0.1:15432 with the backend db.internal:5432 behind it,
// resolved on the far side as ssh does. What cannot be translated is said with its line number.
class SshConfigImport
{
public:
    struct Note
    {
        int line = 0; // 1-based
        Message message;
    };
    struct Result
    {
        RuleSet ruleSet;
        QList<Note> notes; // lines not translated, and why
    };

    static Result fromConfig(const QByteArray &text);
    // Whether text looks like an OpenSSH client configuration with forwards to take.
    static bool looksLikeConfig(const QByteArray &text);
};

} // namespace PortRelay
