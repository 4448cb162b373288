#include "core/ruleset/rulesetissue.h"

namespace PortRelay {

RuleSetLocation RuleSetLocation::child(QStringView name) const
{
    RuleSetLocation location = *this;
    if (location.field.isEmpty())
        location.field = name.toString();
    else if (location.key.isEmpty())
        location.key = name.toString();
    else
        location.key += u'.' + name;
    return location;
}

RuleSetLocation RuleSetLocation::element(int elementIndex) const
{
    RuleSetLocation location = *this;
    location.index = elementIndex;
    return location;
}

int RuleSetLocation::backend() const
{
    return field == u"backends" ? index : -1;
}

bool RuleSetLocation::isWithin(const RuleSetLocation &other) const
{
    if (rule != other.rule)
        return false;
    if (other.field.isEmpty())
        return true;
    if (field != other.field)
        return false;
    if (other.index < 0)
        return other.key.isEmpty() || (index < 0 && (key == other.key || key.startsWith(other.key + u'.')));
    if (index != other.index)
        return false;
    return other.key.isEmpty() || key == other.key || key.startsWith(other.key + u'.');
}

QString RuleSetLocation::pathInRule() const
{
    QString path = field;
    if (index >= 0)
        path += u'[' + QString::number(index) + u']';
    if (!key.isEmpty())
        path += u'.' + key;
    return path;
}

QString RuleSetLocation::path() const
{
    const QString inRule = pathInRule();
    if (rule < 0)
        return inRule;
    const QString prefix = QStringLiteral("rules[") + QString::number(rule) + u']';
    return inRule.isEmpty() ? prefix : prefix + u'.' + inRule;
}

Message RuleSetIssue::text() const
{
    return otherRule >= 0 ? message.arg(otherRule) : message;
}

QString RuleSetIssue::toString(Scope scope) const
{
    const QString where = scope == Scope::Rule ? pathInRule() : path();
    const QString what = text().english();
    return where.isEmpty() ? what : where + QStringLiteral(": ") + what;
}

QString RuleSetIssue::toTranslatedString(Scope scope) const
{
    const QString where = scope == Scope::Rule ? pathInRule() : path();
    const QString what = text().translated();
    return where.isEmpty() ? what : where + QStringLiteral(": ") + what;
}

} // namespace PortRelay
