#pragma once

#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetissue.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace PortRelay {

// Reads a rules file (JSON, format version 1) into a RuleSet: its hops, then its rules. Strict: a
// wrong type, an out-of-range value, an unknown key (other than the user's own "x-" keys) is an
// issue, and every issue of the file is reported, not only the first. Semantic checks are
// RuleValidator's and HopValidator's and run as part of parse().
class RuleSetParser
{
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

    // A rule of a file that is not taken, with its issues (located in the file's rules[index]).
    struct RejectedRule
    {
        int index = -1; // in the file's "rules"
        QString name;   // as the file has it; empty when it has none that is a string
        RuleSetIssues issues;
    };
    // The rules of a file that have no issue of their own, for an import that takes what it can.
    struct PartialResult
    {
        // The valid rules, read as strictly as parse() reads a file of them alone, and every hop of
        // the file: the hops are the document's, like its version and "x-" keys, and valid as a
        // whole (an issue in one is a document issue), so none is left behind that a rule taken, or
        // one the importer already has, may name. Which hops to keep is the importer's choice.
        RuleSet ruleSet;
        QList<RejectedRule> rejected; // among them every rule whose "via" names a hop the file lacks
        // Outside any rule (JSON, version, top-level keys, hops): nothing is taken.
        RuleSetIssues documentIssues;
        bool ok() const { return documentIssues.isEmpty(); }
    };

    // Issues come in document order; within an object, in the order of docs/rules-format.md.
    static Result parse(const QByteArray &json);
    // As parse(); a file that cannot be read or is larger than MaxFileSize is an issue too.
    static Result parseFile(const QString &path);
    // As parse(), then the rules without issues are read again on their own, strictly; a rule whose
    // issue involves another (a duplicate name, a shared port) is the later one, as parse() says.
    static PartialResult parseValidRules(const QByteArray &json);
    static PartialResult parseValidRulesFile(const QString &path);

private:
    // The file's bytes, or the issue that kept them from being read.
    static std::optional<QByteArray> readFile(const QString &path, RuleSetIssues *issues);
};

} // namespace PortRelay
