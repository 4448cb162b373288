#include "ui/dialogs/exporthelper.h"

#include "core/ruleset/rulesetwriter.h"

namespace PortRelay {

bool ExportHelper::write(const QString &path, const RuleSet &set, QString *error)
{
    return RuleSetWriter::writeFile(path, set, error);
}

RuleSet ExportHelper::selection(const RuleSet &set, const QStringList &names)
{
    RuleSet selected = set;
    selected.rules.clear();
    for (const Rule &rule : set.rules) {
        if (names.contains(rule.name))
            selected.rules.append(rule);
    }
    return selected;
}

} // namespace PortRelay
