#pragma once

#include "core/ruleset/rule.h"
#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetissue.h"
#include "ui/dialogs/backendtablemodel.h"

#include <QList>
#include <QSet>
#include <QString>

namespace PortRelay {

// The rule as the editor's fields say it, and what of their text the core's types cannot even hold
// ("127.0.0.1:70000", an allow line "everyone"): such a value is left at its default in the rule,
// and its parse issue stands in for what the validator would say of that default. Locations are
// inside the rule (rule -1): field "listen" key "port", "backends[1].address".
struct RuleDraft
{
    Rule rule;
    RuleSetIssues parseIssues;
    bool listenParsed = false;
    QSet<int> unparsedBackends; // rows whose address did not parse

    // Host and port are parsed apart, so that each message lands on its own field.
    void parseListen(const QString &hostText, const QString &portText);
    // The addresses as typed in the table; the other columns are taken as they are.
    void parseBackends(const QList<BackendTableModel::Row> &rows);
    // The health check's "send" and "expect", escaped as CheckDataText writes them.
    void parseCheckData(const QString &sendText, const QString &expectText);
    // One subnet per line; blank lines do not count.
    void parseAllow(const QString &text);

    // Every problem of the draft: the parse issues, the core's checks on the rule except those on
    // text that did not parse (the parse message says it better), then its conflicts with others.
    RuleSetIssues issues(const RuleSet &others) const;
};

} // namespace PortRelay
