#include "core/ruleset/rulesetwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace PortRelay {

namespace {

// Only "x-" keys: anything else would not read back as an extension.
void insertExtensions(QJsonObject &object, const QJsonObject &extensions)
{
    for (auto it = extensions.begin(); it != extensions.end(); ++it) {
        if (it.key().startsWith(u"x-"))
            object.insert(it.key(), it.value());
    }
}

QJsonObject toJson(const Backend &backend)
{
    QJsonObject object{
        {QStringLiteral("address"), backend.address.toString()},
        {QStringLiteral("weight"), backend.weight},
        {QStringLiteral("backup"), backend.backup},
        {QStringLiteral("enabled"), backend.enabled},
    };
    insertExtensions(object, backend.extensions);
    return object;
}

QJsonObject toJson(const HealthCheck &check)
{
    QJsonObject object{
        {QStringLiteral("type"), healthCheckTypeName(check.type)},
        {QStringLiteral("interval_ms"), check.intervalMs},
        {QStringLiteral("timeout_ms"), check.timeoutMs},
        {QStringLiteral("rise"), check.rise},
        {QStringLiteral("fall"), check.fall},
    };
    // Absent and empty mean the same: nothing is sent, connecting is enough.
    if (!check.send.isEmpty())
        object.insert(QStringLiteral("send"), QString::fromUtf8(check.send));
    if (!check.expect.isEmpty())
        object.insert(QStringLiteral("expect"), QString::fromUtf8(check.expect));
    return object;
}

} // namespace

QJsonObject RuleSetWriter::toJson(const Rule &rule)
{
    QJsonArray backends;
    for (const Backend &backend : rule.backends)
        backends.append(PortRelay::toJson(backend));

    QJsonObject object{
        {QStringLiteral("name"), rule.name},
        {QStringLiteral("enabled"), rule.enabled},
        {QStringLiteral("protocol"), protocolName(rule.protocol)},
        {QStringLiteral("listen"), rule.listen.toString()},
        {QStringLiteral("balance"), balanceStrategyName(rule.balance)},
        {QStringLiteral("backends"), backends},
        {QStringLiteral("health_check"), PortRelay::toJson(rule.healthCheck)},
        {QStringLiteral("connect_timeout_ms"), rule.connectTimeoutMs},
        {QStringLiteral("idle_timeout_ms"), rule.idleTimeoutMs},
        {QStringLiteral("retries"), rule.retries},
        {QStringLiteral("max_connections"), rule.maxConnections},
        {QStringLiteral("max_connections_per_client"), rule.maxConnectionsPerClient},
        {QStringLiteral("retry_backoff_ms"), rule.retryBackoffMs},
        {QStringLiteral("max_fails"), rule.maxFails},
        {QStringLiteral("fail_window_ms"), rule.failWindowMs},
        {QStringLiteral("on_down"), onDownName(rule.onDown)},
        {QStringLiteral("slow_start_ms"), rule.slowStartMs},
        {QStringLiteral("adaptive_weights"), rule.adaptiveWeights},
    };
    // The two keys whose absence means something: no group, and any client.
    if (!rule.group.isEmpty())
        object.insert(QStringLiteral("group"), rule.group);
    if (!rule.allow.isEmpty()) {
        QJsonArray allow;
        for (const Subnet &subnet : rule.allow)
            allow.append(subnet.toString());
        object.insert(QStringLiteral("allow"), allow);
    }
    insertExtensions(object, rule.extensions);
    return object;
}

QJsonObject RuleSetWriter::toJson(const RuleSet &ruleSet)
{
    QJsonArray rules;
    for (const Rule &rule : ruleSet.rules)
        rules.append(toJson(rule));
    // Always the current version: this is the only format the writer knows.
    QJsonObject object{
        {QStringLiteral("version"), RuleSet::CurrentVersion},
        {QStringLiteral("rules"), rules},
    };
    insertExtensions(object, ruleSet.extensions);
    return object;
}

QByteArray RuleSetWriter::serialize(const RuleSet &ruleSet)
{
    return QJsonDocument(toJson(ruleSet)).toJson(QJsonDocument::Indented);
}

bool RuleSetWriter::writeFile(const QString &path, const RuleSet &ruleSet, QString *error)
{
    const auto fail = [error, &path](const QString &reason) {
        if (error)
            *error = tr("cannot write %1: %2").arg(path, reason);
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    const QByteArray data = serialize(ruleSet);
    if (file.write(data) != data.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(reason);
    }
    // Before commit(): the file must never be readable by others, not even for a moment.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(reason);
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace PortRelay
