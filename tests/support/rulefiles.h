#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace PortRelay::Test {

// A rule in the file format: listen on 127.0.0.1:listenPort, forward to 127.0.0.1:backendPort,
// no health checks (the tests decide when backends live and die). extraKeys, if given, is more
// JSON members such as R"("max_connections": 5)".
QByteArray ruleJson(const QString &name, quint16 listenPort, quint16 backendPort, const QByteArray &extraKeys = {});
// A version 1 rule set of these rules.
QByteArray ruleSetJson(const QList<QByteArray> &rules);
// Writes content to path, replacing it; false on failure.
bool writeFile(const QString &path, const QByteArray &content);

} // namespace PortRelay::Test
