#include "ui/dialogs/listenportcheck.h"

#include "core/net/portprobe.h"
#include "core/ruleset/rulevalidator.h"

#include <cerrno>

namespace PortRelay {

std::optional<QString> ListenPortCheck::bindError(Protocol protocol, const Endpoint &listen, bool *inUse)
{
    if (inUse)
        *inUse = false;
    const auto address = listen.literalAddress();
    if (!address || listen.port == 0)
        return std::nullopt;
    const PortProbe::Result probed = PortProbe::probe(protocol, *address, listen.port);
    if (probed.isFree())
        return std::nullopt;
    switch (probed.errorCode) {
    case EADDRINUSE:
        if (inUse)
            *inUse = true;
        return tr("in use by another program");
    case EADDRNOTAVAIL:
        return tr("%1 is not an address of this computer").arg(listen.host);
    case EACCES:
        return tr("this port needs administrator rights");
    default:
        return probed.error.translated();
    }
}

bool ListenPortCheck::takenByRule(Protocol protocol, const Endpoint &listen, const RuleSet &others, QString *ruleName)
{
    // A TCP and a UDP rule may share a port: they are different sockets.
    for (const Rule &rule : others.rules) {
        if (rule.enabled && rule.protocol == protocol && RuleValidator::listenConflicts(listen, rule.listen)) {
            if (ruleName)
                *ruleName = rule.name;
            return true;
        }
    }
    return false;
}

ListenPortCheck::Result ListenPortCheck::check(Protocol protocol, const Endpoint &listen, const RuleSet &others,
                                               bool skipBind)
{
    Result result;
    if (!listen.literalAddress() || listen.port == 0)
        return result;

    QString ruleName;
    if (takenByRule(protocol, listen, others, &ruleName)) {
        result.takenByRule = true;
        result.message = tr("Port %1 is used by the rule \"%2\".").arg(listen.port).arg(ruleName);
    } else if (!skipBind) {
        bool inUse = false;
        if (const auto error = bindError(protocol, listen, &inUse)) {
            result.takenByProgram = inUse;
            result.message = tr("Cannot listen on %1: %2.").arg(listen.toString(), *error);
            // Another port would not help with an address this computer does not have.
            if (!inUse)
                return result;
        }
    }
    if (result.message.isEmpty())
        return result;

    result.suggestion = PortProbe::nextFree(protocol, *listen.literalAddress(), listen.port, MaxSuggestionAttempts,
                                            [protocol, &listen, &others](quint16 port) {
                                                Endpoint candidate = listen;
                                                candidate.port = port;
                                                return takenByRule(protocol, candidate, others);
                                            });
    return result;
}

} // namespace PortRelay
