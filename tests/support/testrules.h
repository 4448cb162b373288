#pragma once

#include "core/ruleset/ruleset.h"

#include <QList>
#include <QString>

namespace PortRelay::Test {

// A rule on 127.0.0.1:listenPort forwarding to backends on 127.0.0.1, weight 1 each, health
// checks off (the tests decide when backends live and die).
Rule loopbackRule(const QString &name, quint16 listenPort, const QList<quint16> &backendPorts);
// A rule set of these rules, for Engine::apply().
RuleSet ruleSetOf(const QList<Rule> &rules);

} // namespace PortRelay::Test
