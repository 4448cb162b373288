#include "core/ruleset/ruleset.h"

#include "core/ruleset/rulevalidator.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

const Rule *RuleSet::find(QStringView name) const
{
    for (const Rule &rule : rules) {
        if (rule.name == name)
            return &rule;
    }
    return nullptr;
}

const Hop *RuleSet::findHop(QStringView name) const
{
    for (const Hop &hop : hops) {
        if (hop.name == name)
            return &hop;
    }
    return nullptr;
}

QStringList RuleSet::names() const
{
    QStringList out;
    out.reserve(rules.size());
    for (const Rule &rule : rules)
        out.append(rule.name);
    return out;
}

RuleSet RuleSet::selection(const QStringList &names) const
{
    RuleSet selected = *this;
    selected.rules.removeIf([&names](const Rule &rule) { return !names.contains(rule.name); });

    // The hops the rules name, then those they are reached through, chain by chain; a name seen
    // twice is not followed again, so a cycle ends.
    QSet<QString> used;
    QStringList pending;
    const auto use = [&used, &pending](const QString &hop) {
        if (!hop.isEmpty() && !used.contains(hop)) {
            used.insert(hop);
            pending.append(hop);
        }
    };
    for (const Rule &rule : std::as_const(selected.rules)) {
        use(rule.via);
        for (const Backend &backend : rule.backends)
            use(backend.via);
    }
    while (!pending.isEmpty()) {
        if (const Hop *hop = findHop(pending.takeLast()))
            use(hop->via);
    }
    selected.hops.removeIf([&used](const Hop &hop) { return !used.contains(hop.name); });
    return selected;
}

QString RuleSet::uniqueName(const QString &name, const QStringList &taken)
{
    const QString base = name.left(RuleValidator::MaxNameLength);
    if (!taken.contains(base))
        return base;
    for (int n = 2;; ++n) {
        const QString suffix = u" (%1)"_s.arg(n);
        const QString candidate = name.left(RuleValidator::MaxNameLength - suffix.size()) + suffix;
        if (!taken.contains(candidate))
            return candidate;
    }
}

} // namespace PortRelay
