#pragma once

#include "core/ruleset/ruleschema.h"
#include "core/ruleset/rulesetissue.h"

#include <QJsonObject>

namespace PortRelay {

// The checks that a schema table's entries say for themselves (ranges, texts), of the user's "x-"
// keys and of an address to connect to, appended to a list of issues. Shared by RuleValidator and
// HopValidator, whose messages these are (context "PortRelay::RuleValidator"). Internal to
// core/ruleset.
class FieldChecker
{
public:
    explicit FieldChecker(RuleSetIssues &issues)
        : m_issues(issues)
    {}

    void add(const RuleSetLocation &where, const Message &what) { m_issues.append({where, what}); }
    void checkRange(const RuleSetLocation &where, int value, RuleValidator::Range range);
    // Labels show up in menus and logs: one line, no control characters. Prose may break lines.
    void checkText(const RuleSetLocation &where, const QString &text, SchemaPresence presence, SchemaText kind,
                   int maxLength);
    // Every entry of the table: integers by their range, texts by their kind and length. For the
    // tables of RuleSchema: Rule, Backend, HealthCheck and Hop.
    template<typename Object>
    void checkFields(const RuleSetLocation &where, SchemaFields<Object> fields, const Object &object);
    // The user's own keys must start with "x-".
    void checkExtensions(const RuleSetLocation &where, const QJsonObject &extensions);
    // A host and port to connect to (a backend, a hop): a name or an address, and a port. A
    // wildcard address gets wildcard, with the address filled in: "%1 is not an address to ...".
    void checkConnectAddress(const RuleSetLocation &where, const Endpoint &address, const Message &wildcard);

    // True when an issue is already located exactly at where.
    bool hasIssueAt(const RuleSetLocation &where) const;

private:
    RuleSetIssues &m_issues;
};

} // namespace PortRelay
