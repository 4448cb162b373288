#include "core/ruleset/rulesetwriter.h"

#include "core/ruleset/ruleschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <type_traits>

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

template<typename Object>
QJsonObject toObject(SchemaFields<Object> fields, const Object &object);

// The JSON form of one value of each type a table entry holds.
QJsonValue toValue(int value)
{
    return value;
}
QJsonValue toValue(bool value)
{
    return value;
}
QJsonValue toValue(const QString &value)
{
    return value;
}
QJsonValue toValue(const Endpoint &value)
{
    return value.toString();
}
QJsonValue toValue(const QByteArray &value)
{
    return QString::fromUtf8(value);
}
template<typename Enum, typename = std::enable_if_t<std::is_enum_v<Enum>>>
QJsonValue toValue(Enum value)
{
    return RuleSchema::name(value);
}
QJsonValue toValue(const HealthCheck &value)
{
    return toObject(RuleSchema::healthCheck(), value);
}
QJsonValue toValue(const QList<Backend> &backends)
{
    QJsonArray array;
    for (const Backend &backend : backends) {
        QJsonObject object = toObject(RuleSchema::backend(), backend);
        insertExtensions(object, backend.extensions);
        array.append(object);
    }
    return array;
}
QJsonValue toValue(const QList<Subnet> &subnets)
{
    QJsonArray array;
    for (const Subnet &subnet : subnets)
        array.append(subnet.toString());
    return array;
}

template<typename T>
bool isEmptyValue(const T &value)
{
    if constexpr (std::is_same_v<T, QString> || std::is_same_v<T, QByteArray> || std::is_same_v<T, QList<Subnet>> ||
                  std::is_same_v<T, QList<Backend>>)
        return value.isEmpty();
    else if constexpr (std::is_same_v<T, Endpoint>)
        return value == Endpoint(); // a hop's address, when ssh_config_host names the host
    else
        return false;
}

// Every key of the table, but those whose emptiness and absence mean the same when empty.
template<typename Object>
QJsonObject toObject(SchemaFields<Object> fields, const Object &object)
{
    QJsonObject json;
    for (const SchemaField<Object> &field : fields) {
        std::visit(
            [&](auto member) {
                const auto &value = object.*member;
                if (field.presence == SchemaPresence::OmittedWhenEmpty && isEmptyValue(value))
                    return;
                json.insert(field.key.toString(), toValue(value));
            },
            field.member);
    }
    return json;
}

} // namespace

QJsonObject RuleSetWriter::toJson(const Rule &rule)
{
    QJsonObject object = toObject(RuleSchema::rule(), rule);
    insertExtensions(object, rule.extensions);
    return object;
}

QJsonObject RuleSetWriter::toJson(const Hop &hop)
{
    QJsonObject object = toObject(RuleSchema::hop(), hop);
    insertExtensions(object, hop.extensions);
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
    if (!ruleSet.hops.isEmpty()) {
        QJsonArray hops;
        for (const Hop &hop : ruleSet.hops)
            hops.append(toJson(hop));
        object.insert(QStringLiteral("hops"), hops);
    }
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
