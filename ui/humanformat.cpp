#include "ui/humanformat.h"

#include <QLocale>

namespace PortRelay {

QString HumanFormat::bytes(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

QString HumanFormat::rate(double bytesPerSecond)
{
    return tr("%1/s").arg(bytes(quint64(qMax(0.0, bytesPerSecond))));
}

QString HumanFormat::duration(qint64 milliseconds)
{
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QString HumanFormat::latency(qint32 microseconds)
{
    if (microseconds < 0)
        return QString();
    if (microseconds < 1000)
        return tr("%1 µs").arg(microseconds);
    return tr("%1 ms").arg(QLocale().toString(microseconds / 1000.0, 'f', 1));
}

} // namespace PortRelay
