#pragma once

#include <QList>
#include <QString>

namespace PortRelay {

// One problem found in a rule set, located by its JSON path: "rules[2].backends[0].address".
struct RuleSetIssue
{
    QString path;    // empty for the document itself
    QString message; // names the value: "port 70000 out of range 1-65535"

    // "rules[2].backends[0].address: port 70000 out of range 1-65535"
    QString toString() const { return path.isEmpty() ? message : path + QStringLiteral(": ") + message; }

    friend bool operator==(const RuleSetIssue &a, const RuleSetIssue &b)
    {
        return a.path == b.path && a.message == b.message;
    }
};

using RuleSetIssues = QList<RuleSetIssue>;

} // namespace PortRelay
