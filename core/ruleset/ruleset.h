#pragma once

#include "core/ruleset/hop.h"
#include "core/ruleset/rule.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace PortRelay {

// The whole document of a rules file (format version 1).
struct RuleSet
{
    static constexpr int CurrentVersion = 1;

    int version = CurrentVersion;
    QList<Hop> hops; // the ways to reach backends that rules name with "via"
    QList<Rule> rules;
    QJsonObject extensions; // top-level "x-" keys, kept verbatim

    // The rule with this name, or nullptr.
    const Rule *find(QStringView name) const;
    // The hop with this name, or nullptr.
    const Hop *findHop(QStringView name) const;
    QStringList names() const;
    // The rules with these names, in this set's order, and the hops they use: those their "via"
    // keys name and the hops those are reached through, in this set's order. Version and
    // extensions are kept, so that an export of some rules is the same document as the whole set,
    // only shorter, and loads on its own; hops no selected rule uses stay behind.
    RuleSet selection(const QStringList &names) const;

    // The one way a rule gets a name nobody has: name itself when free, else "name (2)",
    // "name (3)", ... shortened so the result stays within the name length limit.
    static QString uniqueName(const QString &name, const QStringList &taken);

    friend bool operator==(const RuleSet &a, const RuleSet &b)
    {
        return a.version == b.version && a.hops == b.hops && a.rules == b.rules && a.extensions == b.extensions;
    }
    friend bool operator!=(const RuleSet &a, const RuleSet &b) { return !(a == b); }
};

} // namespace PortRelay
