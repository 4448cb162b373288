#pragma once

#include "core/net/engineevent.h"

#include <QByteArray>
#include <QString>

namespace PortRelay {

// Renders engine events as log lines, one event a line.
class EventFormatter
{
public:
    enum class Format
    {
        Text,
        Json
    };

    // Times are RFC 3339 with their offset: JSON in UTC ("…Z"), text in local time ("…+08:00").
    // Text: "2026-11-25T17:20:01.123+01:00 warning backend_state_changed rule=api backend=127.0.0.1:8081
    //        from=up to=down: connection refused (3/3 checks)"
    // Json: {"time":"2026-11-25T16:20:01.123Z","level":…,"event":…,"rule":…,"backend":…,"from":…,"to":…,"reason":…}
    static QByteArray format(const EngineEvent &event, Format format);
};

} // namespace PortRelay
