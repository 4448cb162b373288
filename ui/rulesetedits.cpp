#include "ui/rulesetedits.h"

#include "ui/dialogs/rulesetimport.h"
#include "ui/rulestore.h"

#include <QSet>

namespace PortRelay {

RuleSetEdits::RuleSetEdits(RuleStore *store)
    : m_store(store)
{}

RuleSetEdits::Outcome RuleSetEdits::add(const Rule &rule)
{
    RuleSet set = m_store->ruleSet();
    set.rules.append(rule);
    return change(set, tr("New rule %1").arg(rule.name), {rule.name}, tr("Rule not added"),
                  tr("The rule %1 cannot be added:").arg(rule.name));
}

RuleSetEdits::Outcome RuleSetEdits::replace(const QString &name, const Rule &rule)
{
    RuleSet set = m_store->ruleSet();
    for (Rule &existing : set.rules) {
        if (existing.name == name)
            existing = rule;
    }
    return change(set, tr("Edit rule %1").arg(rule.name), {rule.name}, tr("Rule not changed"),
                  tr("The rule %1 cannot be changed:").arg(rule.name));
}

RuleSetEdits::Outcome RuleSetEdits::duplicate(const QStringList &names)
{
    RuleSet set = m_store->ruleSet();
    QStringList copies;
    for (const QString &name : names) {
        const Rule *original = set.find(name);
        if (!original)
            continue;
        Rule copy = *original;
        copy.name = RuleSet::uniqueName(tr("%1 copy").arg(original->name), set.names());
        copy.listen.port = unusedPort(quint16(qMin(original->listen.port + 1, 65535)), set);
        copy.enabled = false;
        set.rules.append(copy);
        copies.append(copy.name);
    }
    return change(set, tr("Duplicate %n rule(s)", nullptr, int(copies.size())), copies, tr("Rules not duplicated"),
                  tr("The copies cannot be added:"));
}

RuleSetEdits::Outcome RuleSetEdits::remove(const QStringList &names)
{
    RuleSet set = m_store->ruleSet();
    set.rules.removeIf([&names](const Rule &rule) { return names.contains(rule.name); });
    const QString text = names.size() == 1 ? tr("Delete rule %1").arg(names.constFirst())
                                           : tr("Delete %n rule(s)", nullptr, int(names.size()));
    return change(set, text, {}, tr("Rules not deleted"), tr("The rules cannot be deleted:"));
}

RuleSetEdits::Outcome RuleSetEdits::setBackendEnabled(const QString &ruleName, int backend, bool enabled)
{
    RuleSet set = m_store->ruleSet();
    for (Rule &rule : set.rules) {
        if (rule.name != ruleName || backend < 0 || backend >= rule.backends.size())
            continue;
        rule.backends[backend].enabled = enabled;
        const QString address = rule.backends[backend].address.toString();
        return change(set, enabled ? tr("Enable backend %1").arg(address) : tr("Disable backend %1").arg(address),
                      {ruleName}, tr("Backend not changed"), tr("The rule %1 cannot be changed:").arg(ruleName));
    }
    Outcome outcome;
    outcome.title = tr("Backend not changed");
    outcome.text = tr("The rule %1 has no backend %2.").arg(ruleName).arg(backend + 1);
    return outcome;
}

RuleSetEdits::Outcome RuleSetEdits::import(const RuleSetImport &plan, const QString &sourceName)
{
    QStringList names;
    for (const RuleSetImport::Entry &entry : plan.entries()) {
        if (entry.included)
            names.append(entry.rule.name);
    }
    return change(plan.result(), tr("Import %1").arg(sourceName), names, tr("Rules not imported"),
                  tr("Nothing was changed:"));
}

RuleSetEdits::Outcome RuleSetEdits::setRunning(const QStringList &names, bool running)
{
    Outcome outcome;
    outcome.ok = m_store->setEnabled(names, running, &outcome.issues);
    if (!outcome.ok) {
        outcome.title = tr("Rules not started");
        outcome.text = tr("Starting these rules would make two rules share a port:");
    }
    return outcome;
}

quint16 RuleSetEdits::unusedPort(quint16 from, const RuleSet &set)
{
    QSet<quint16> used;
    for (const Rule &rule : set.rules)
        used.insert(rule.listen.port);
    quint16 port = from;
    while (port < 65535 && used.contains(port))
        ++port;
    return port;
}

RuleSetEdits::Outcome RuleSetEdits::change(const RuleSet &next, const QString &undoText, const QStringList &names,
                                           const QString &title, const QString &text)
{
    Outcome outcome;
    outcome.ok = m_store->change(next, undoText, &outcome.issues);
    if (outcome.ok) {
        outcome.names = names;
    } else {
        outcome.title = title;
        outcome.text = text;
    }
    return outcome;
}

} // namespace PortRelay
