#pragma once

#include "core/ruleset/ruleset.h"

#include <QString>
#include <QStringList>

namespace PortRelay {

// Export all or some rules to a file in the rules format (RuleSetWriter: atomic, mode 0600).
class ExportHelper
{
public:
    static bool write(const QString &path, const RuleSet &set, QString *error = nullptr);
    // The rules of set with these names, in the set's order; top-level "x-" keys are kept.
    static RuleSet selection(const RuleSet &set, const QStringList &names);
};

} // namespace PortRelay
