#pragma once

#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetissue.h"
#include "core/ruleset/rulesetparser.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace PortRelay {

// What importing a rule set into the current one would do, rule by rule, and whether the outcome
// is a valid rule set. No widgets: the import dialog shows a plan and lets the user change its
// choices; the main window applies result().
class RuleSetImport
{
    Q_DECLARE_TR_FUNCTIONS(RuleSetImport)

public:
    enum class Mode
    {
        Merge,   // the current rules stay; new ones are added, same-named ones resolved per rule
        Replace, // the result is the incoming rules only
    };
    // How an incoming rule relates to the current set.
    enum class Status
    {
        New,       // no current rule has its name
        Unchanged, // a current rule has its name and is identical
        NameClash, // a current rule has its name and differs
    };
    // What to do with an incoming rule whose name is taken (Merge only).
    enum class Resolution
    {
        Replace, // the incoming rule takes the current one's place
        Rename,  // both stay; the incoming one is renamed "name (2)"
        Skip,    // the current rule stays, the incoming one is dropped
    };

    struct Entry
    {
        Rule rule; // as imported, with the name it gets (renamed when resolution is Rename)
        QString originalName;
        Status status = Status::New;
        Resolution resolution = Resolution::Replace;
        bool included = true;   // ends up in the result
        RuleSetIssues problems; // issues of the result caused by this rule, located in result()
    };

    // A rules file read for import. A file whose problems all lie inside some of its rules gives
    // the other rules, and the ones left out with their problems (shown, never imported); only a
    // broken document or a file with no valid rule fails, with every issue. A file with an empty
    // rule list reads fine: there is nothing to import, and nothing changes.
    struct Source
    {
        bool ok = false;
        RuleSet ruleSet;
        QList<RuleSetParser::RejectedRule> rejected;
        RuleSetIssues issues; // why it failed
    };
    // An OpenSSH client configuration (~/.ssh/config) is read for its LocalForward lines: rules
    // through SSH hops (SshConfigImport); lines it cannot take are listed as left out.
    static Source read(const QString &path);

    RuleSetImport(const RuleSet &current, const RuleSet &incoming);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    // For every rule with a name clash at once, and for one rule.
    void setResolution(Resolution resolution);
    void setResolution(int entry, Resolution resolution);

    const QList<Entry> &entries() const { return m_entries; }
    // Current rules that the result drops (Replace mode: all that are not imported again).
    QStringList removedNames() const;
    // Issues of the result that no incoming rule caused (say, a current rule already invalid).
    RuleSetIssues otherProblems() const { return m_otherProblems; }
    bool isValid() const;
    // Merge: the current rules in their order, replaced ones in place, then the added and renamed
    // ones in the order of the file. Replace: the incoming rules.
    RuleSet result() const { return m_result; }

private:
    static Source fromSshConfig(const QByteArray &text);

    void recompute();

    RuleSet m_current;
    RuleSet m_incoming;
    Mode m_mode = Mode::Merge;
    QList<Resolution> m_resolutions; // one per incoming rule, kept across mode changes
    QList<Entry> m_entries;
    RuleSetIssues m_otherProblems;
    RuleSet m_result;
};

} // namespace PortRelay
