#include "rulesetjson.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay::Test {

QJsonObject rule(const QString &name, const QString &listen)
{
    return QJsonObject{
        {u"name"_s, name},
        {u"listen"_s, listen},
        {u"backends"_s, QJsonArray{QJsonObject{{u"address"_s, u"127.0.0.1:8080"_s}}}},
    };
}

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return object;
}

QJsonObject withBackend(const QJsonObject &object, const QString &key, const QJsonValue &value)
{
    QJsonArray backends = object.value(u"backends").toArray();
    backends[0] = with(backends.at(0).toObject(), key, value);
    return with(object, u"backends"_s, backends);
}

QJsonObject withHealth(const QJsonObject &object, const QString &key, const QJsonValue &value)
{
    return with(object, u"health_check"_s, with(object.value(u"health_check").toObject(), key, value));
}

QJsonObject hop(const QString &name, const QString &address)
{
    return QJsonObject{{u"name"_s, name}, {u"type"_s, u"ssh"_s}, {u"address"_s, address}};
}

QByteArray doc(const QJsonArray &hops, const QJsonArray &rules)
{
    return QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"hops"_s, hops}, {u"rules"_s, rules}})
        .toJson(QJsonDocument::Compact);
}

QByteArray doc(const QJsonArray &rules)
{
    return QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"rules"_s, rules}}).toJson(QJsonDocument::Compact);
}

QByteArray doc(const QJsonObject &oneRule)
{
    return doc(QJsonArray{oneRule});
}

QStringList issueStrings(const RuleSetIssues &issues)
{
    QStringList out;
    for (const RuleSetIssue &issue : issues)
        out.append(issue.toString());
    return out;
}

} // namespace PortRelay::Test
