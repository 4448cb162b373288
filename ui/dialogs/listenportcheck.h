#pragma once

#include "core/ruleset/endpoint.h"
#include "core/ruleset/ruleset.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace PortRelay {

// Whether a rule of a protocol could listen where the user wants it to: not on a port another
// rule of the set takes for the same protocol, nor on one another program holds (found by binding
// it for a moment, as the engine would for that protocol). Used by the rule editor as the user
// types; a bind costs microseconds.
class ListenPortCheck
{
    Q_DECLARE_TR_FUNCTIONS(ListenPortCheck)

public:
    struct Result
    {
        bool takenByRule = false;
        bool takenByProgram = false;
        QString message;                   // why the port cannot be used; empty when it can
        std::optional<quint16> suggestion; // the nearest usable port above, if one was found
    };

    // The enabled rules of others are the ones that would conflict; a disabled rule never does.
    // skipBind: the address is the one the rule being edited already holds, so binding would fail
    // because of the rule itself.
    static Result check(Protocol protocol, const Endpoint &listen, const RuleSet &others, bool skipBind);

    // Tries to bind address:port; on failure returns a short reason ("in use by another program")
    // and sets *inUse when another port might do (rather than another address).
    static std::optional<QString> bindError(Protocol protocol, const Endpoint &listen, bool *inUse = nullptr);
    static bool takenByRule(Protocol protocol, const Endpoint &listen, const RuleSet &others,
                            QString *ruleName = nullptr);
    // How many ports above the wanted one are tried before giving up on a suggestion.
    static constexpr int MaxSuggestionAttempts = 200;
};

} // namespace PortRelay
