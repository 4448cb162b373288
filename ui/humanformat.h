#pragma once

#include <QCoreApplication>
#include <QString>

namespace PortRelay {

// Numbers as people read them: "1.5 MiB", "320 KiB/s", "3 min 12 s", in the user's locale.
class HumanFormat
{
    Q_DECLARE_TR_FUNCTIONS(HumanFormat)

public:
    static QString bytes(quint64 bytes);
    static QString rate(double bytesPerSecond);
    static QString duration(qint64 milliseconds);
    static QString latency(qint32 microseconds);
};

} // namespace PortRelay
