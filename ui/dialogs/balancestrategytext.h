#pragma once

#include "core/ruleset/rule.h"

#include <QCoreApplication>
#include <QString>

namespace PortRelay {

// What the rule editor calls each balance strategy, and the sentence that explains it.
class BalanceStrategyText
{
    Q_DECLARE_TR_FUNCTIONS(BalanceStrategyText)

public:
    // "Round robin"
    static QString label(BalanceStrategy strategy);
    // "Takes the backends in turn, in proportion to their weights."
    static QString help(BalanceStrategy strategy);
};

} // namespace PortRelay
