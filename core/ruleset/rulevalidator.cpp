#include "core/ruleset/rulevalidator.h"

#include "core/ruleset/rulesetkeys.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <vector>

namespace PortRelay {

namespace {

constexpr int MaxShownLength = 64;

QString quoted(QStringView text)
{
    if (text.size() <= MaxShownLength)
        return u'"' + text.toString() + u'"';
    return u'"' + text.left(MaxShownLength).toString() + QStringLiteral("...\"");
}

QString join(const QString &prefix, QStringView key)
{
    return prefix.isEmpty() ? key.toString() : prefix + u'.' + key;
}

QString indexed(const QString &prefix, qsizetype index)
{
    return prefix + u'[' + QString::number(index) + u']';
}

class IssueList
{
public:
    explicit IssueList(RuleSetIssues &issues)
        : m_issues(issues)
    {}
    void add(const QString &path, const QString &message) { m_issues.append({path, message}); }
    void checkRange(const QString &path, int value, RuleValidator::Range range)
    {
        if (!range.contains(value))
            add(path, RuleValidator::outOfRangeMessage(QString::number(value), range));
    }

private:
    RuleSetIssues &m_issues;
};

// Names and groups show up in menus and logs: no control characters there.
void checkLabel(IssueList &issues, const QString &path, const QString &text, bool required)
{
    if (text.isEmpty()) {
        if (required)
            issues.add(path, RuleValidator::tr("must not be empty"));
        return;
    }
    if (text.size() > RuleValidator::MaxNameLength) {
        issues.add(path, RuleValidator::tr("%1 characters long; at most %2 are allowed")
                             .arg(text.size())
                             .arg(RuleValidator::MaxNameLength));
    }
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control) {
            const QString code = QStringLiteral("%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
            issues.add(path, RuleValidator::tr("contains a control character (U+%1)").arg(code));
            break;
        }
    }
}

void checkExtensions(IssueList &issues, const QString &prefix, const QJsonObject &extensions)
{
    for (auto it = extensions.begin(); it != extensions.end(); ++it) {
        if (!it.key().startsWith(u"x-"))
            issues.add(join(prefix, it.key()), RuleValidator::tr("own keys must start with \"x-\""));
    }
}

void checkListen(IssueList &issues, const QString &path, const Endpoint &listen)
{
    if (listen.host.isEmpty()) {
        issues.add(path, RuleValidator::tr("no host: use \"127.0.0.1\" for this machine only"));
    } else if (!listen.literalAddress()) {
        issues.add(path, RuleValidator::tr("listen host must be an IP address, \"localhost\" or \"*\", got %1")
                             .arg(quoted(listen.host)));
    }
    if (listen.port == 0)
        issues.add(path, RuleValidator::tr("port 0 is not allowed: choose a port 1-65535"));
}

void checkBackend(IssueList &issues, const QString &prefix, const Backend &backend)
{
    const QString addressPath = join(prefix, u"address");
    const Endpoint &address = backend.address;
    if (address.host.isEmpty()) {
        issues.add(addressPath, RuleValidator::tr("no host: name the host to connect to"));
    } else if (address.literalAddress()) {
        if (address.isWildcard()) {
            issues.add(
                addressPath,
                RuleValidator::tr("%1 is not an address to connect to: name the backend's host").arg(address.host));
        }
    } else {
        QString error;
        if (!Endpoint::isValidHostName(address.host, &error))
            issues.add(addressPath, error);
    }
    if (address.port == 0)
        issues.add(addressPath, RuleValidator::tr("port 0 is not allowed: choose a port 1-65535"));

    if (backend.weight == 0) {
        issues.add(join(prefix, u"weight"),
                   RuleValidator::tr("weight 0 is not allowed: set \"enabled\": false to take a backend out of use"));
    } else {
        issues.checkRange(join(prefix, u"weight"), backend.weight, RuleValidator::WeightRange);
    }
    checkExtensions(issues, prefix, backend.extensions);
}

// "send" and "expect": only a TCP check talks to the backend, and the file can hold only UTF-8 text.
void checkCheckData(IssueList &issues, const QString &path, const QByteArray &data, HealthCheck::Type type)
{
    if (data.isEmpty())
        return;
    if (type != HealthCheck::Type::Tcp)
        issues.add(path, RuleValidator::tr("needs \"type\": \"tcp\""));
    if (data.size() > RuleValidator::MaxCheckDataBytes) {
        issues.add(path, RuleValidator::tr("%1 bytes long in UTF-8; at most %2 are allowed")
                             .arg(data.size())
                             .arg(RuleValidator::MaxCheckDataBytes));
    } else if (QString::fromUtf8(data).toUtf8() != data) {
        issues.add(path, RuleValidator::tr("not valid UTF-8"));
    }
}

void checkHealthCheck(IssueList &issues, const QString &prefix, const HealthCheck &check)
{
    issues.checkRange(join(prefix, u"interval_ms"), check.intervalMs, RuleValidator::IntervalRange);
    const QString timeoutPath = join(prefix, u"timeout_ms");
    if (!RuleValidator::CheckTimeoutRange.contains(check.timeoutMs)) {
        issues.checkRange(timeoutPath, check.timeoutMs, RuleValidator::CheckTimeoutRange);
    } else if (check.timeoutMs > check.intervalMs && RuleValidator::IntervalRange.contains(check.intervalMs)) {
        issues.add(timeoutPath, RuleValidator::tr("%1 is longer than interval_ms %2: a check must end before the next "
                                                  "one starts")
                                    .arg(check.timeoutMs)
                                    .arg(check.intervalMs));
    }
    issues.checkRange(join(prefix, u"rise"), check.rise, RuleValidator::RiseFallRange);
    issues.checkRange(join(prefix, u"fall"), check.fall, RuleValidator::RiseFallRange);
    checkCheckData(issues, join(prefix, u"send"), check.send, check.type);
    checkCheckData(issues, join(prefix, u"expect"), check.expect, check.type);
}

void checkSubnet(IssueList &issues, const QString &path, const Subnet &subnet)
{
    QString error;
    const auto reparsed = Subnet::parse(subnet.toString(), &error);
    if (!reparsed)
        issues.add(path, error);
    else if (*reparsed != subnet)
        issues.add(path, RuleValidator::tr("invalid subnet %1").arg(quoted(subnet.toString())));
}

// The key order of docs/rules-format.md, per kind of object.
const auto &TopKeys = RuleSetKeys::Top;
const auto &RuleKeys = RuleSetKeys::Rule;
const auto &BackendKeys = RuleSetKeys::Backend;
const auto &HealthKeys = RuleSetKeys::HealthCheck;
constexpr int UnknownKeyRank = 1000;

template<std::size_t N>
int rankIn(const std::array<QStringView, N> &keys, QStringView key)
{
    const auto it = std::find(keys.begin(), keys.end(), key);
    return it == keys.end() ? UnknownKeyRank : int(it - keys.begin());
}

// One step of a path: an array index, or a key ranked by its place in its object.
using PathStep = std::tuple<qint64, QStringView>;

std::vector<PathStep> pathSteps(const QString &path)
{
    std::vector<PathStep> steps;
    QStringView parentKey;
    bool top = true;
    qsizetype i = 0;
    while (i < path.size()) {
        if (path[i] == u'.') {
            ++i;
            continue;
        }
        if (path[i] == u'[') {
            const qsizetype close = path.indexOf(u']', i);
            const qsizetype end = close < 0 ? path.size() : close;
            steps.emplace_back(QStringView(path).mid(i + 1, end - i - 1).toLongLong(), QStringView());
            i = end + 1;
            continue;
        }
        qsizetype end = i;
        while (end < path.size() && path[end] != u'.' && path[end] != u'[')
            ++end;
        const QStringView key = QStringView(path).mid(i, end - i);
        int rank = UnknownKeyRank;
        if (top)
            rank = rankIn(TopKeys, key);
        else if (parentKey == u"rules")
            rank = rankIn(RuleKeys, key);
        else if (parentKey == u"backends")
            rank = rankIn(BackendKeys, key);
        else if (parentKey == u"health_check")
            rank = rankIn(HealthKeys, key);
        steps.emplace_back(rank, rank == UnknownKeyRank ? key : QStringView());
        parentKey = key;
        top = false;
        i = end;
    }
    return steps;
}

} // namespace

QString RuleValidator::outOfRangeMessage(const QString &value, Range range)
{
    return tr("%1 out of range %2-%3").arg(value).arg(range.min).arg(range.max);
}

QString RuleValidator::tooManyBackends(qsizetype count)
{
    return tr("%1 backends; at most %2 are allowed").arg(count).arg(Rule::MaxBackends);
}

QString RuleValidator::tooManyAllowEntries(qsizetype count)
{
    return tr("%1 entries; at most %2 are allowed").arg(count).arg(Rule::MaxAllowEntries);
}

RuleSetIssues RuleValidator::validate(const Rule &rule, const QString &pathPrefix)
{
    RuleSetIssues result;
    IssueList issues(result);
    checkLabel(issues, join(pathPrefix, u"name"), rule.name, true);
    checkLabel(issues, join(pathPrefix, u"group"), rule.group, false);
    checkListen(issues, join(pathPrefix, u"listen"), rule.listen);

    const QString backendsPath = join(pathPrefix, u"backends");
    if (rule.backends.isEmpty()) {
        issues.add(backendsPath, tr("a rule needs at least one backend"));
    } else if (rule.backends.size() > Rule::MaxBackends) {
        issues.add(backendsPath, tooManyBackends(rule.backends.size()));
    }
    for (qsizetype i = 0; i < rule.backends.size(); ++i)
        checkBackend(issues, indexed(backendsPath, i), rule.backends.at(i));

    checkHealthCheck(issues, join(pathPrefix, u"health_check"), rule.healthCheck);
    issues.checkRange(join(pathPrefix, u"connect_timeout_ms"), rule.connectTimeoutMs, ConnectTimeoutRange);
    issues.checkRange(join(pathPrefix, u"idle_timeout_ms"), rule.idleTimeoutMs, IdleTimeoutRange);
    issues.checkRange(join(pathPrefix, u"retries"), rule.retries, RetriesRange);
    issues.checkRange(join(pathPrefix, u"retry_backoff_ms"), rule.retryBackoffMs, RetryBackoffRange);
    issues.checkRange(join(pathPrefix, u"max_connections"), rule.maxConnections, MaxConnectionsRange);
    issues.checkRange(join(pathPrefix, u"max_connections_per_client"), rule.maxConnectionsPerClient,
                      MaxConnectionsRange);
    issues.checkRange(join(pathPrefix, u"max_fails"), rule.maxFails, MaxFailsRange);
    issues.checkRange(join(pathPrefix, u"fail_window_ms"), rule.failWindowMs, FailWindowRange);
    issues.checkRange(join(pathPrefix, u"slow_start_ms"), rule.slowStartMs, SlowStartRange);

    const QString allowPath = join(pathPrefix, u"allow");
    if (rule.allow.size() > Rule::MaxAllowEntries)
        issues.add(allowPath, tooManyAllowEntries(rule.allow.size()));
    for (qsizetype i = 0; i < rule.allow.size(); ++i)
        checkSubnet(issues, indexed(allowPath, i), rule.allow.at(i));
    checkExtensions(issues, pathPrefix, rule.extensions);
    return result;
}

RuleSetIssues RuleValidator::validate(const RuleSet &ruleSet)
{
    RuleSetIssues result;
    if (ruleSet.version != RuleSet::CurrentVersion) {
        result.append({QStringLiteral("version"), tr("unsupported version %1 (this PortRelay reads version %2)")
                                                      .arg(ruleSet.version)
                                                      .arg(RuleSet::CurrentVersion)});
    }
    IssueList top(result);
    checkExtensions(top, QString(), ruleSet.extensions);

    ConflictChecker conflicts;
    for (qsizetype i = 0; i < ruleSet.rules.size(); ++i) {
        const Rule &rule = ruleSet.rules.at(i);
        RuleSetIssues ruleIssues = validate(rule, indexed(QStringLiteral("rules"), i));
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
    std::vector<std::pair<std::vector<PathStep>, qsizetype>> keyed;
    keyed.reserve(std::size_t(issues.size()));
    for (qsizetype i = 0; i < issues.size(); ++i)
        keyed.emplace_back(pathSteps(issues.at(i).path), i);
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
    const QString prefix = indexed(QStringLiteral("rules"), index);

    if (!rule.name.isEmpty()) {
        const auto seen = m_names.constFind(rule.name);
        if (seen != m_names.constEnd()) {
            issues.append(
                {join(prefix, u"name"),
                 RuleValidator::tr("duplicate name %1 (also rules[%2])").arg(quoted(rule.name)).arg(seen.value())});
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
        issues.append(
            {join(prefix, u"listen"), RuleValidator::tr("%1 conflicts with rules[%2] (%3), which listens on %4")
                                          .arg(rule.listen.toString())
                                          .arg(other->index)
                                          .arg(quoted(other->name), other->listen)});
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
