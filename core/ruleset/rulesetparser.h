#pragma once

#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetissue.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace PortRelay {

// Reads a rules file (JSON, format version 1) into a RuleSet. Strict: a wrong type, an
// out-of-range value, an unknown key (other than the user's own "x-" keys) is an issue, and every
// issue of the file is reported, not only the first. Semantic checks are RuleValidator's and run
// as part of parse().
class RuleSetParser
{
    Q_DECLARE_TR_FUNCTIONS(RuleSetParser)

public:
    static constexpr qint64 MaxFileSize = 16 * 1024 * 1024;
    // A hostile file could otherwise yield millions of issues; past this many, parsing stops.
    static constexpr int MaxIssues = 1000;

    struct Result
    {
        RuleSet ruleSet; // meaningful only when ok()
        RuleSetIssues issues;
        bool ok() const { return issues.isEmpty(); }
    };

    // Issues come in document order; within an object, in the order of docs/rules-format.md.
    static Result parse(const QByteArray &json);
    // As parse(); a file that cannot be read or is larger than MaxFileSize is an issue too.
    static Result parseFile(const QString &path);
};

} // namespace PortRelay
