#include "testrules.h"

namespace PortRelay::Test {

Rule loopbackRule(const QString &name, quint16 listenPort, const QList<quint16> &backendPorts)
{
    Rule rule;
    rule.name = name;
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), listenPort};
    for (const quint16 port : backendPorts)
        rule.backends.append(Backend{Endpoint{QStringLiteral("127.0.0.1"), port}, 1, false, true, {}, {}});
    rule.healthCheck.type = HealthCheck::Type::None;
    return rule;
}

RuleSet ruleSetOf(const QList<Rule> &rules)
{
    RuleSet set;
    set.rules = rules;
    return set;
}

} // namespace PortRelay::Test
