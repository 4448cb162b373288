#pragma once

#include <QCoreApplication>
#include <QString>

namespace PortRelay {

// "Start PortRelay at login": an XDG autostart entry in ~/.config/autostart, absent by default.
class Autostart
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)

public:
    static QString entryPath();
    static bool isEnabled();
    // Writes or removes the entry; on failure returns false with *error.
    static bool setEnabled(bool enabled, QString *error = nullptr);
};

} // namespace PortRelay
