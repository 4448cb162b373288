#include "ui/dialogs/rulesetimport.h"

#include "core/ruleset/rulesetwriter.h"
#include "core/ruleset/rulevalidator.h"
#include "core/ruleset/sshconfigimport.h"

#include <QFile>

#include <QHash>

namespace PortRelay {

namespace {

// A hop of the file named like a different hop of the current set is renamed ("bastion (2)"), and
// the file's rules and hops that name it follow, so that merging never points a rule at the
// wrong machine. Hops that are the same in both are one hop.
RuleSet hopsRenamedApart(RuleSet incoming, const RuleSet &current)
{
    QStringList taken;
    for (const Hop &hop : current.hops)
        taken.append(hop.name);
    for (const Hop &hop : incoming.hops)
        taken.append(hop.name);
    QHash<QString, QString> renamed;
    for (const Hop &hop : std::as_const(incoming.hops)) {
        const Hop *existing = current.findHop(hop.name);
        if (existing && *existing != hop) {
            const QString name = RuleSet::uniqueName(hop.name, taken);
            taken.append(name);
            renamed.insert(hop.name, name);
        }
    }
    if (renamed.isEmpty())
        return incoming;
    const auto rename = [&renamed](QString &name) { name = renamed.value(name, name); };
    for (Hop &hop : incoming.hops) {
        rename(hop.name);
        rename(hop.via);
    }
    for (Rule &rule : incoming.rules) {
        rename(rule.via);
        for (Backend &backend : rule.backends)
            rename(backend.via);
    }
    return incoming;
}

} // namespace

RuleSetImport::Source RuleSetImport::read(const QString &path)
{
    Source source;
    // An OpenSSH client configuration: its LocalForward lines, as rules through SSH hops.
    QFile file(path);
    if (file.open(QIODevice::ReadOnly) && file.size() <= RuleSetParser::MaxFileSize) {
        const QByteArray text = file.readAll();
        if (SshConfigImport::looksLikeConfig(text))
            return fromSshConfig(text);
    }
    const RuleSetParser::PartialResult partial = RuleSetParser::parseValidRulesFile(path);
    source.issues = partial.documentIssues;
    for (const RuleSetParser::RejectedRule &rule : partial.rejected)
        source.issues.append(rule.issues);
    if (partial.ok() && (!partial.ruleSet.rules.isEmpty() || source.issues.isEmpty())) {
        source.ok = true;
        source.ruleSet = partial.ruleSet;
        source.rejected = partial.rejected;
        source.issues.clear();
    }
    return source;
}

RuleSetImport::Source RuleSetImport::fromSshConfig(const QByteArray &text)
{
    const SshConfigImport::Result converted = SshConfigImport::fromConfig(text);
    // Read back as a rules file is read, so that what the configuration says is checked alike.
    const RuleSetParser::PartialResult partial =
        RuleSetParser::parseValidRules(RuleSetWriter::serialize(converted.ruleSet));
    Source source;
    source.ok = partial.ok() && !partial.ruleSet.rules.isEmpty();
    source.ruleSet = partial.ruleSet;
    source.rejected = partial.rejected;
    for (const SshConfigImport::Note &note : converted.notes) {
        RuleSetParser::RejectedRule line;
        line.name = tr("line %1").arg(note.line);
        RuleSetIssue issue;
        issue.message = note.message;
        line.issues.append(issue);
        source.rejected.append(line);
    }
    if (!source.ok) {
        source.issues = partial.documentIssues;
        for (const RuleSetParser::RejectedRule &rejected : std::as_const(source.rejected))
            source.issues.append(rejected.issues);
        if (source.issues.isEmpty()) {
            RuleSetIssue none;
            none.message = Message(
                "RuleSetImport", QT_TRANSLATE_NOOP("RuleSetImport", "no LocalForward line of a Host block to import"));
            source.issues.append(none);
        }
    }
    return source;
}

RuleSetImport::RuleSetImport(const RuleSet &current, const RuleSet &incoming)
    : m_current(current)
    , m_incoming(incoming)
    , m_resolutions(incoming.rules.size(), Resolution::Replace)
{
    recompute();
}

void RuleSetImport::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    recompute();
}

void RuleSetImport::setResolution(Resolution resolution)
{
    m_resolutions.fill(resolution);
    recompute();
}

void RuleSetImport::setResolution(int entry, Resolution resolution)
{
    if (entry < 0 || entry >= m_resolutions.size())
        return;
    m_resolutions[entry] = resolution;
    recompute();
}

QStringList RuleSetImport::removedNames() const
{
    QStringList removed;
    for (const Rule &rule : m_current.rules) {
        if (!m_result.find(rule.name))
            removed.append(rule.name);
    }
    return removed;
}

bool RuleSetImport::isValid() const
{
    if (!m_otherProblems.isEmpty())
        return false;
    for (const Entry &entry : m_entries) {
        if (!entry.problems.isEmpty())
            return false;
    }
    return true;
}

void RuleSetImport::recompute()
{
    m_entries.clear();
    m_otherProblems.clear();
    m_result = RuleSet();

    // The rules of the file bring the hops they name.
    const RuleSet incoming = m_mode == Mode::Merge ? hopsRenamedApart(m_incoming, m_current) : m_incoming;

    // origins[k]: the incoming rule that result rule k came from, or -1 for a current rule.
    QList<int> origins;
    if (m_mode == Mode::Replace) {
        m_result.hops = incoming.hops;
        m_result.rules = incoming.rules;
        m_result.extensions = incoming.extensions;
        for (int i = 0; i < incoming.rules.size(); ++i)
            origins.append(i);
    } else {
        m_result.hops = m_current.hops;
        m_result.rules = m_current.rules;
        m_result.extensions = m_current.extensions;
        for (auto it = m_incoming.extensions.begin(); it != m_incoming.extensions.end(); ++it) {
            if (!m_result.extensions.contains(it.key()))
                m_result.extensions.insert(it.key(), it.value());
        }
        origins.fill(-1, m_current.rules.size());
    }

    QStringList taken;
    for (const Rule &rule : m_current.rules)
        taken.append(rule.name);
    for (const Rule &rule : incoming.rules)
        taken.append(rule.name);

    for (int i = 0; i < incoming.rules.size(); ++i) {
        Entry entry;
        entry.rule = incoming.rules.at(i);
        entry.originalName = entry.rule.name;
        entry.resolution = m_resolutions.at(i);
        const Rule *existing = m_current.find(entry.rule.name);
        entry.status = !existing ? Status::New : *existing == entry.rule ? Status::Unchanged : Status::NameClash;

        if (m_mode == Mode::Merge) {
            switch (entry.status) {
            case Status::New:
                m_result.rules.append(entry.rule);
                origins.append(i);
                break;
            case Status::Unchanged:
                entry.included = false; // already there, as it is
                break;
            case Status::NameClash:
                if (entry.resolution == Resolution::Replace) {
                    const qsizetype at = existing - m_current.rules.constData();
                    m_result.rules[at] = entry.rule;
                    origins[at] = i;
                } else if (entry.resolution == Resolution::Rename) {
                    entry.rule.name = RuleSet::uniqueName(entry.originalName, taken);
                    taken.append(entry.rule.name);
                    m_result.rules.append(entry.rule);
                    origins.append(i);
                } else {
                    entry.included = false;
                }
                break;
            }
        }
        m_entries.append(entry);
    }

    if (m_mode == Mode::Merge) {
        // The hops the added rules use (with those they are reached through), unless already there.
        RuleSet added = incoming;
        added.rules.clear();
        for (const Entry &entry : std::as_const(m_entries)) {
            if (entry.included)
                added.rules.append(entry.rule);
        }
        for (const Hop &hop : added.selection(added.names()).hops) {
            if (!m_result.findHop(hop.name))
                m_result.hops.append(hop);
        }
    }

    // Validate with the imported rules last: the checks between rules report a conflict on the
    // later rule, which is then always the imported one that caused it.
    RuleSet ordered = m_result;
    ordered.rules.clear();
    QList<int> orderedOrigins;
    QList<int> resultIndex; // of ordered rule k
    for (bool imported : {false, true}) {
        for (int k = 0; k < m_result.rules.size(); ++k) {
            if ((origins.at(k) >= 0) == imported) {
                ordered.rules.append(m_result.rules.at(k));
                orderedOrigins.append(origins.at(k));
                resultIndex.append(k);
            }
        }
    }
    // Issues locate rules, and name other rules, by index in the validated order: renumber both to
    // the index in the result, which is what the user will see.
    for (RuleSetIssue issue : RuleValidator::validate(ordered)) {
        const int origin = orderedOrigins.value(issue.rule, -1);
        if (issue.rule >= 0)
            issue.rule = resultIndex.value(issue.rule, issue.rule);
        if (issue.otherRule >= 0)
            issue.otherRule = resultIndex.value(issue.otherRule, issue.otherRule);
        if (origin < 0)
            m_otherProblems.append(issue);
        else
            m_entries[origin].problems.append(issue);
    }
}

} // namespace PortRelay
