#pragma once

#include "core/ruleset/ruleset.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace PortRelay {

// Writes a RuleSet in the rules-file format; RuleSetParser::parse(serialize(s)).ruleSet == s for
// every s that RuleValidator accepts. Every key is written, defaults included, except those whose
// table entry is omitted when empty ("description", "group", "allow", "via", a hop's optional
// texts and its "address" when "ssh_config_host" names the host) and "hops" when there are none;
// extension keys not starting with "x-" are left out.
class RuleSetWriter
{
    Q_DECLARE_TR_FUNCTIONS(RuleSetWriter)

public:
    static QJsonObject toJson(const Rule &rule);
    static QJsonObject toJson(const Hop &hop);
    static QJsonObject toJson(const RuleSet &ruleSet);
    static QByteArray serialize(const RuleSet &ruleSet);

    // Atomically replaces path (QSaveFile), with mode 0600: a crash or a full disk never leaves
    // a half-written rules file behind. On failure returns false and sets *error.
    static bool writeFile(const QString &path, const RuleSet &ruleSet, QString *error = nullptr);
};

} // namespace PortRelay
