#include "core/ruleset/issuesink.h"

#include "core/ruleset/rulesetparser.h"

namespace PortRelay {

namespace {

Message message(const char *source)
{
    return Message("PortRelay::RuleSetParser", source);
}

} // namespace

void IssueSink::add(const RuleSetLocation &where, const Message &what)
{
    if (m_issues.size() <= RuleSetParser::MaxIssues)
        m_issues.append({where, what});
}

void IssueSink::unreadable(const RuleSetLocation &where, const Message &what)
{
    add(where, what);
    m_unreadable.append(where);
}

void IssueSink::missing(const RuleSetLocation &parent, QStringView key)
{
    add(parent,
        message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "missing required key \"%1\"")).arg(key.toString()));
    m_unreadable.append(parent.child(key));
}

void IssueSink::unknownKey(const RuleSetLocation &where, const QString &suggested)
{
    if (suggested.isEmpty())
        add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "unknown key")));
    else
        add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "unknown key (did you mean \"%1\"?)"))
                       .arg(suggested));
}

void IssueSink::addChecked(const RuleSetIssues &checked)
{
    for (const RuleSetIssue &issue : checked) {
        if (!isUnreadable(issue) && m_issues.size() <= RuleSetParser::MaxIssues)
            m_issues.append(issue);
    }
}

bool IssueSink::isUnreadable(const RuleSetLocation &where) const
{
    for (const RuleSetLocation &unreadable : m_unreadable) {
        if (where.isWithin(unreadable))
            return true;
    }
    return false;
}

} // namespace PortRelay
