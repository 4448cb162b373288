#pragma once

#include "core/ruleset/rulesetissue.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// Rules-file documents built one change at a time, for the rule-set tests (tst_rulesetparser,
// tst_rulesetwriter, tst_rulevalidator).
namespace PortRelay::Test {

// The smallest valid rule; rows change one thing at a time.
QJsonObject rule(const QString &name = QStringLiteral("a"), const QString &listen = QStringLiteral("127.0.0.1:18080"));
// Sets key (or removes it, for an undefined value).
QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value);
// The same, on the rule's first backend and on its health check.
QJsonObject withBackend(const QJsonObject &object, const QString &key, const QJsonValue &value);
QJsonObject withHealth(const QJsonObject &object, const QString &key, const QJsonValue &value);
// The smallest valid hop, an ssh one.
QJsonObject hop(const QString &name = QStringLiteral("bastion"),
                const QString &address = QStringLiteral("bastion.example.com:22"));
// A version 1 document of these rules.
QByteArray doc(const QJsonArray &rules);
QByteArray doc(const QJsonObject &oneRule);
// A version 1 document of these hops and rules.
QByteArray doc(const QJsonArray &hops, const QJsonArray &rules);
QStringList issueStrings(const RuleSetIssues &issues);

} // namespace PortRelay::Test
