#include "rulefiles.h"

#include <QFile>

namespace PortRelay::Test {

QByteArray ruleJson(const QString &name, quint16 listenPort, quint16 backendPort, const QByteArray &extraKeys)
{
    return QStringLiteral(R"({"name": "%1", "listen": "127.0.0.1:%2", "backends": [{"address": "127.0.0.1:%3"}],
                             "health_check": {"type": "none"}%4})")
        .arg(name)
        .arg(listenPort)
        .arg(backendPort)
        .arg(extraKeys.isEmpty() ? QString() : QStringLiteral(", ") + QString::fromUtf8(extraKeys))
        .toUtf8();
}

QByteArray ruleSetJson(const QList<QByteArray> &rules)
{
    return "{\"version\": 1, \"rules\": [" + rules.join(',') + "]}";
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

} // namespace PortRelay::Test
