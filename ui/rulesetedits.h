#pragma once

#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetissue.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace PortRelay {

class RuleSetImport;
class RuleStore;

// What the window's commands do to the rule set, without the window: each builds the next rule
// set from the store's, names the undo step, and hands it to RuleStore::change(), which validates
// the whole (a refused edit changes nothing). The window turns an Outcome into a selection or a
// message; tests drive the same calls with no widget at all.
class RuleSetEdits
{
    Q_DECLARE_TR_FUNCTIONS(RuleSetEdits)

public:
    struct Outcome
    {
        bool ok = false;
        QStringList names; // the rules to select once done (added, changed, copied, imported)
        QString title;     // refused: a title and a sentence for the message, and the issues
        QString text;
        RuleSetIssues issues;
        explicit operator bool() const { return ok; }
    };

    explicit RuleSetEdits(RuleStore *store);

    Outcome add(const Rule &rule);
    // The rule named name becomes rule (which may carry a new name).
    Outcome replace(const QString &name, const Rule &rule);
    // Copies named "api copy" (then "api copy (2)"), each on the next listen port no rule uses,
    // stopped: a copy would otherwise fight its original for the port.
    Outcome duplicate(const QStringList &names);
    Outcome remove(const QStringList &names);
    Outcome setBackendEnabled(const QString &ruleName, int backend, bool enabled);
    // The result of an import plan (the import dialog's, after the user's choices); sourceName,
    // e.g. the file name, names the undo step.
    Outcome import(const RuleSetImport &plan, const QString &sourceName);
    // Starting and stopping set "enabled" and are not undoable; starting is refused when two
    // running rules would share a port.
    Outcome setRunning(const QStringList &names, bool running);

    // The lowest port from `from` on that no rule of set listens on (65535 at most).
    static quint16 unusedPort(quint16 from, const RuleSet &set);

private:
    Outcome change(const RuleSet &next, const QString &undoText, const QStringList &names, const QString &title,
                   const QString &text);

    RuleStore *m_store;
};

} // namespace PortRelay
