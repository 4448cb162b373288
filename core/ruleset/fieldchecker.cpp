#include "core/ruleset/fieldchecker.h"

namespace PortRelay {

namespace {

constexpr const char *Context = "PortRelay::RuleValidator";

Message message(const char *source)
{
    return Message(Context, source);
}

QString codePoint(QChar c)
{
    return QStringLiteral("%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

void FieldChecker::checkRange(const RuleSetLocation &where, int value, RuleValidator::Range range)
{
    if (!range.contains(value))
        add(where, RuleValidator::outOfRangeMessage(QString::number(value), range));
}

void FieldChecker::checkText(const RuleSetLocation &where, const QString &text, SchemaPresence presence,
                             SchemaText kind, int maxLength)
{
    if (text.isEmpty()) {
        if (presence == SchemaPresence::Required)
            add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "must not be empty")));
        return;
    }
    if (maxLength > 0 && text.size() > maxLength) {
        add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "%1 characters long; at most %2 are allowed"))
                       .arg(text.size())
                       .arg(maxLength));
    }
    for (QChar c : text) {
        const bool allowedBreak = kind == SchemaText::Prose && (c == u'\n' || c == u'\t');
        if (c.category() == QChar::Other_Control && !allowedBreak) {
            add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "contains a control character (U+%1)"))
                           .arg(codePoint(c)));
            break;
        }
    }
}

template<typename Object>
void FieldChecker::checkFields(const RuleSetLocation &where, SchemaFields<Object> fields, const Object &object)
{
    for (const SchemaField<Object> &field : fields) {
        const RuleSetLocation at = where.child(field.key);
        if (const int *value = field.template get<int>(object)) {
            if (*value == 0 && field.zeroMessage && !field.range.contains(0))
                add(at, message(field.zeroMessage));
            else
                checkRange(at, *value, field.range);
        } else if (const QString *text = field.template get<QString>(object)) {
            checkText(at, *text, field.presence, field.text, field.maxLength);
        }
    }
}

template void FieldChecker::checkFields(const RuleSetLocation &, SchemaFields<Rule>, const Rule &);
template void FieldChecker::checkFields(const RuleSetLocation &, SchemaFields<Backend>, const Backend &);
template void FieldChecker::checkFields(const RuleSetLocation &, SchemaFields<HealthCheck>, const HealthCheck &);
template void FieldChecker::checkFields(const RuleSetLocation &, SchemaFields<Hop>, const Hop &);

void FieldChecker::checkExtensions(const RuleSetLocation &where, const QJsonObject &extensions)
{
    for (auto it = extensions.begin(); it != extensions.end(); ++it) {
        if (!it.key().startsWith(u"x-"))
            add(where.child(it.key()),
                message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "own keys must start with \"x-\"")));
    }
}

void FieldChecker::checkConnectAddress(const RuleSetLocation &where, const Endpoint &address, const Message &wildcard)
{
    if (address.host.isEmpty()) {
        add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "no host: name the host to connect to")));
    } else if (address.literalAddress()) {
        if (address.isWildcard())
            add(where, wildcard.arg(address.host));
    } else {
        Message error;
        if (!Endpoint::isValidHostName(address.host, &error))
            add(where, error);
    }
    if (address.port == 0)
        add(where,
            message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "port 0 is not allowed: choose a port 1-65535")));
}

bool FieldChecker::hasIssueAt(const RuleSetLocation &where) const
{
    for (const RuleSetIssue &issue : m_issues) {
        if (static_cast<const RuleSetLocation &>(issue) == where)
            return true;
    }
    return false;
}

} // namespace PortRelay
