#include "ui/dialogs/ruledraft.h"

#include "core/ruleset/rulevalidator.h"
#include "ui/dialogs/checkdatatext.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

RuleSetIssue issueAt(const QString &field, int index, const QString &key, const Message &message)
{
    RuleSetIssue issue;
    static_cast<RuleSetLocation &>(issue) = RuleSetLocation{-1, field, index, key};
    issue.message = message;
    return issue;
}

} // namespace

void RuleDraft::parseListen(const QString &hostText, const QString &portText)
{
    Message error;
    bool hostOk = true;
    rule.listen = Endpoint{hostText, 0};
    if (!hostText.isEmpty()) {
        // The host is checked as the core checks a listen address, with a port that is always valid.
        const bool bare6 = hostText.contains(u':') && !hostText.startsWith(u'[');
        const QString text = (bare6 ? QString(u'[' + hostText + u']') : hostText) + u":1"_s;
        const auto parsed = Endpoint::parse(text, &error);
        if (parsed) {
            rule.listen.host = parsed->host;
        } else {
            hostOk = false;
            parseIssues.append(issueAt(u"listen"_s, -1, u"host"_s, error));
        }
    }
    const auto port = Endpoint::parsePort(portText, &error);
    if (port)
        rule.listen.port = *port;
    else
        parseIssues.append(issueAt(u"listen"_s, -1, u"port"_s, error));
    listenParsed = hostOk && port;
}

void RuleDraft::parseBackends(const QList<BackendTableModel::Row> &rows)
{
    rule.backends.clear();
    Message error;
    for (int i = 0; i < rows.size(); ++i) {
        const BackendTableModel::Row &row = rows.at(i);
        Backend backend;
        backend.weight = row.weight;
        backend.backup = row.backup;
        backend.enabled = row.enabled;
        backend.via = row.via;
        backend.extensions = row.extensions;
        if (const auto parsed = Endpoint::parse(row.address.trimmed(), &error)) {
            backend.address = *parsed;
        } else {
            unparsedBackends.insert(i);
            parseIssues.append(issueAt(u"backends"_s, i, u"address"_s, error));
        }
        rule.backends.append(backend);
    }
}

void RuleDraft::parseCheckData(const QString &sendText, const QString &expectText)
{
    const auto decode = [this](const QString &text, const QString &key, QByteArray &out) {
        QString escapeError;
        if (const auto bytes = CheckDataText::unescape(text, &escapeError)) {
            out = *bytes;
        } else {
            out.clear();
            parseIssues.append(issueAt(u"health_check"_s, -1, key, Message::verbatim(escapeError)));
        }
    };
    decode(sendText, u"send"_s, rule.healthCheck.send);
    decode(expectText, u"expect"_s, rule.healthCheck.expect);
}

void RuleDraft::parseAllow(const QString &text)
{
    rule.allow.clear();
    Message error;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        if (const auto subnet = Subnet::parse(line, &error))
            rule.allow.append(*subnet);
        else
            parseIssues.append(
                issueAt(u"allow"_s, int(rule.allow.size()), QString(),
                        Message("RuleDraft", QT_TRANSLATE_NOOP("RuleDraft", "line %1: %2")).arg(i + 1).arg(error)));
    }
}

RuleSetIssues RuleDraft::issues(const RuleSet &others) const
{
    RuleSetIssues found = parseIssues;
    for (RuleSetIssue issue : RuleValidator::validate(rule, -1)) {
        if (issue.field == u"listen" && !listenParsed)
            continue;
        if (unparsedBackends.contains(issue.backend()) && issue.key == u"address")
            continue;
        found.append(issue);
    }
    // The checks between rules, with this rule last so that its conflicts are reported on it.
    RuleValidator::ConflictChecker conflicts;
    int index = 0;
    for (const Rule &other : others.rules)
        conflicts.add(other, index++);
    for (RuleSetIssue issue : conflicts.add(rule, index)) {
        issue.rule = -1;
        found.append(issue);
    }
    return found;
}

} // namespace PortRelay
