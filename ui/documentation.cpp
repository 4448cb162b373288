#include "ui/documentation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace PortRelay {

QStringList Documentation::dataDirs()
{
    QStringList dirs{QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share"))};
    dirs.append(QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation));
    dirs.removeDuplicates();
    return dirs;
}

QUrl Documentation::entry(const QStringList &dirs)
{
    for (const QString &dir : dirs) {
        const QFileInfo file(QDir(dir).filePath(QLatin1String(RelativeEntry)));
        if (file.isFile() && file.isReadable())
            return QUrl::fromLocalFile(file.absoluteFilePath());
    }
    return onlineUrl();
}

QUrl Documentation::onlineUrl()
{
    return QUrl(QStringLiteral(PORTRELAY_DOCS_URL));
}

} // namespace PortRelay
