#include "core/ruleset/rulevalidator.h"

#include "core/i18n/quoting.h"
#include "core/ruleset/fieldchecker.h"
#include "core/ruleset/hopvalidator.h"
#include "core/ruleset/ruleschema.h"

#include <algorithm>
#include <tuple>
#include <vector>

namespace PortRelay {

namespace {

using Quoting::quoted;

constexpr const char *Context = "PortRelay::RuleValidator";

Message message(const char *source)
{
    return Message(Context, source);
}

void checkListen(FieldChecker &issues, const RuleSetLocation &where, const Endpoint &listen)
{
    if (listen.host.isEmpty()) {
        issues.add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator",
                                                    "no host: use \"127.0.0.1\" for this machine only")));
    } else if (!listen.literalAddress()) {
        issues.add(where,
                   message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator",
                                             "listen host must be an IP address, \"localhost\" or \"*\", got %1"))
                       .arg(quoted(listen.host)));
    }
    if (listen.port == 0)
        issues.add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator",
                                                    "port 0 is not allowed: choose a port 1-65535")));
}

void checkBackend(FieldChecker &issues, const RuleSetLocation &where, const Backend &backend)
{
    issues.checkConnectAddress(
        where.child(u"address"), backend.address,
        message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator",
                                  "%1 is not an address to connect to: name the backend's host")));
    issues.checkFields(where, RuleSchema::backend(), backend);
    issues.checkExtensions(where, backend.extensions);
}

// "send" and "expect": only a TCP check talks to the backend, and the file can hold only UTF-8 text.
void checkCheckData(FieldChecker &issues, const RuleSetLocation &where, const QByteArray &data, HealthCheck::Type type)
{
    if (data.isEmpty())
        return;
    if (type != HealthCheck::Type::Tcp)
        issues.add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "needs \"type\": \"tcp\"")));
    if (data.size() > RuleValidator::MaxCheckDataBytes) {
        issues.add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator",
                                                    "%1 bytes long in UTF-8; at most %2 are allowed"))
                              .arg(data.size())
                              .arg(RuleValidator::MaxCheckDataBytes));
    } else if (QString::fromUtf8(data).toUtf8() != data) {
        issues.add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "not valid UTF-8")));
    }
}

void checkHealthCheck(FieldChecker &issues, const RuleSetLocation &where, const HealthCheck &check)
{
    issues.checkFields(where, RuleSchema::healthCheck(), check);
    if (RuleValidator::CheckTimeoutRange.contains(check.timeoutMs) &&
        RuleValidator::IntervalRange.contains(check.intervalMs) && check.timeoutMs > check.intervalMs) {
        issues.add(where.child(u"timeout_ms"),
                   message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator",
                                             "%1 is longer than interval_ms %2: a check must end before the next "
                                             "one starts"))
                       .arg(check.timeoutMs)
                       .arg(check.intervalMs));
    }
    checkCheckData(issues, where.child(u"send"), check.send, check.type);
    checkCheckData(issues, where.child(u"expect"), check.expect, check.type);
}

void checkSubnet(FieldChecker &issues, const RuleSetLocation &where, const Subnet &subnet)
{
    Message error;
    const auto reparsed = Subnet::parse(subnet.toString(), &error);
    if (!reparsed)
        issues.add(where, error);
    else if (*reparsed != subnet)
        issues.add(
            where,
            message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "invalid subnet %1")).arg(quoted(subnet.toString())));
}

// Where an issue sorts: by rule, by its field's place in the schema, by element, by its key's
// place; keys the schema does not have (unknown, "x-") after the known ones, by name.
using SortKey = std::tuple<int, int, QString, int, int, QString>;

int keyRank(const RuleSetLocation &where, QStringView key)
{
    if (where.rule < 0)
        return where.field == u"hops" ? RuleSchema::hop().rank(key) : 0;
    if (where.field == u"backends")
        return RuleSchema::backend().rank(key);
    if (where.field == u"health_check")
        return RuleSchema::healthCheck().rank(key);
    return 0;
}

SortKey sortKey(const RuleSetIssue &issue)
{
    int fieldRank = -1;
    if (!issue.field.isEmpty()) {
        if (issue.rule >= 0) {
            fieldRank = RuleSchema::rule().rank(issue.field);
        } else {
            const auto &top = RuleSchema::top();
            fieldRank = int(std::find(top.begin(), top.end(), issue.field) - top.begin());
        }
    }
    const QStringView firstKey = QStringView(issue.key).left(issue.key.indexOf(u'.'));
    const int rank = issue.key.isEmpty() ? -1 : keyRank(issue, firstKey);
    return {issue.rule, fieldRank, issue.field, issue.index, rank, issue.key};
}

} // namespace

Message RuleValidator::outOfRangeMessage(const QString &value, Range range)
{
    return message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "%1 out of range %2-%3"))
        .arg(value)
        .arg(range.min)
        .arg(range.max);
}

Message RuleValidator::tooManyBackends(qsizetype count)
{
    return message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "%1 backends; at most %2 are allowed"))
        .arg(count)
        .arg(Rule::MaxBackends);
}

Message RuleValidator::tooManyAllowEntries(qsizetype count)
{
    return message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "%1 entries; at most %2 are allowed"))
        .arg(count)
        .arg(Rule::MaxAllowEntries);
}

RuleSetIssues RuleValidator::validate(const Rule &rule, int ruleIndex)
{
    RuleSetIssues result;
    FieldChecker issues(result);
    const RuleSetLocation where = RuleSetLocation::ofRule(ruleIndex);
    issues.checkFields(where, RuleSchema::rule(), rule);
    checkListen(issues, where.child(u"listen"), rule.listen);

    const RuleSetLocation backends = where.child(u"backends");
    if (rule.backends.isEmpty()) {
        issues.add(backends,
                   message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator", "a rule needs at least one backend")));
    } else if (rule.backends.size() > Rule::MaxBackends) {
        issues.add(backends, tooManyBackends(rule.backends.size()));
    }
    for (qsizetype i = 0; i < rule.backends.size(); ++i)
        checkBackend(issues, backends.element(int(i)), rule.backends.at(i));

    checkHealthCheck(issues, where.child(u"health_check"), rule.healthCheck);

    const RuleSetLocation allow = where.child(u"allow");
    if (rule.allow.size() > Rule::MaxAllowEntries)
        issues.add(allow, tooManyAllowEntries(rule.allow.size()));
    for (qsizetype i = 0; i < rule.allow.size(); ++i)
        checkSubnet(issues, allow.element(int(i)), rule.allow.at(i));
    issues.checkExtensions(where, rule.extensions);
    sortInDocumentOrder(result);
    return result;
}

RuleSetIssues RuleValidator::validate(const RuleSet &ruleSet)
{
    RuleSetIssues result;
    if (ruleSet.version != RuleSet::CurrentVersion) {
        result.append({RuleSetLocation().child(u"version"),
                       message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator",
                                                 "unsupported version %1 (this PortRelay reads version %2)"))
                           .arg(ruleSet.version)
                           .arg(RuleSet::CurrentVersion)});
    }
    FieldChecker top(result);
    top.checkExtensions(RuleSetLocation(), ruleSet.extensions);
    result.append(HopValidator::validate(ruleSet.hops));

    ConflictChecker conflicts;
    for (qsizetype i = 0; i < ruleSet.rules.size(); ++i) {
        const Rule &rule = ruleSet.rules.at(i);
        RuleSetIssues ruleIssues = validate(rule, int(i));
        ruleIssues.append(HopValidator::validateVia(rule, int(i), ruleSet.hops));
        ruleIssues.append(conflicts.add(rule, int(i)));
        sortInDocumentOrder(ruleIssues);
        result.append(ruleIssues);
    }
    return result;
}

bool RuleValidator::listenConflicts(const Endpoint &a, const Endpoint &b)
{
    if (a.port != b.port || a.port == 0)
        return false;
    const auto addressA = a.literalAddress();
    const auto addressB = b.literalAddress();
    if (!addressA || !addressB)
        return a.host.compare(b.host, Qt::CaseInsensitive) == 0;
    if (addressA->protocol() != addressB->protocol())
        return false;
    return a.isWildcard() || b.isWildcard() || addressA->isEqual(*addressB, QHostAddress::StrictConversion);
}

void RuleValidator::sortInDocumentOrder(RuleSetIssues &issues)
{
    if (issues.size() < 2)
        return;
    std::vector<std::pair<SortKey, qsizetype>> keyed;
    keyed.reserve(std::size_t(issues.size()));
    for (qsizetype i = 0; i < issues.size(); ++i)
        keyed.emplace_back(sortKey(issues.at(i)), i);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    RuleSetIssues sorted;
    sorted.reserve(issues.size());
    for (const auto &entry : keyed)
        sorted.append(issues.at(entry.second));
    issues = std::move(sorted);
}

RuleSetIssues RuleValidator::ConflictChecker::add(const Rule &rule, int index)
{
    RuleSetIssues issues;
    const RuleSetLocation where = RuleSetLocation::ofRule(index);

    if (!rule.name.isEmpty()) {
        const auto seen = m_names.constFind(rule.name);
        if (seen != m_names.constEnd()) {
            RuleSetIssue issue{where.child(u"name"), message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator",
                                                                               "duplicate name %1 (also rules[%2])"))
                                                         .arg(quoted(rule.name))};
            issue.otherRule = seen.value();
            issues.append(issue);
        } else {
            m_names.insert(rule.name, index);
        }
    }

    const auto address = rule.listen.literalAddress();
    if (!rule.enabled || rule.listen.port == 0 || !address)
        return issues;
    const QString port = QString::number(rule.listen.port);
    const QString familyKey =
        (address->protocol() == QAbstractSocket::IPv4Protocol ? QStringLiteral("4|") : QStringLiteral("6|")) + port;
    const QString exactKey = address->toString() + u'|' + port;
    const bool wildcard = rule.listen.isWildcard();

    const Seen *other = nullptr;
    // A wildcard clashes with every address of its family on the port; an address with a wildcard.
    const QHash<QString, Seen> &sameFamily = wildcard ? m_listenAny : m_listenWildcard;
    if (const auto exact = m_listenExact.constFind(exactKey); exact != m_listenExact.constEnd())
        other = &exact.value();
    else if (const auto family = sameFamily.constFind(familyKey); family != sameFamily.constEnd())
        other = &family.value();
    if (other) {
        RuleSetIssue issue{where.child(u"listen"),
                           message(QT_TRANSLATE_NOOP("PortRelay::RuleValidator",
                                                     "%1 conflicts with rules[%4] (%2), which listens on %3"))
                               .arg(rule.listen.toString())
                               .arg(quoted(other->name))
                               .arg(other->listen)};
        issue.otherRule = other->index;
        issues.append(issue);
    }

    const Seen self{index, rule.name, rule.listen.toString()};
    // Later rules never replace the first one seen, which the messages name.
    if (!m_listenExact.contains(exactKey))
        m_listenExact.insert(exactKey, self);
    if (!m_listenAny.contains(familyKey))
        m_listenAny.insert(familyKey, self);
    if (wildcard && !m_listenWildcard.contains(familyKey))
        m_listenWildcard.insert(familyKey, self);
    return issues;
}

} // namespace PortRelay
