#pragma once

#include <QSettings>
#include <QVariant>

#include <memory>

namespace PortRelay {

// The window's own settings (not the rules: those live in rules.json). Every key and its default
// sits in one table in settings.cpp; callers name keys by enum, never by string.
class Settings final
{
public:
    enum class Key
    {
        WindowGeometry,
        WindowState,
        MainSplitter,
        RulesHeader,
        BackendsHeader,
        ConnectionsHeader,
        EventsHeader,
        DetailTab,
        ChartRangeSeconds,
        ChartShowsAllRules,
        CloseToTray,      // keep running in the tray when the window is closed
        CloseToTrayAsked, // the question was answered once; do not ask again
        NotifyBackendChanges,
        ConfirmQuitWhileRunning, // ask before Quit stops rules that forward
        TrayHintShown,           // the window said once that it went on running in the tray
    };

    // Default location (QSettings for the organisation and application), or an INI file at path.
    explicit Settings(const QString &path = QString());
    Q_DISABLE_COPY_MOVE(Settings)

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void sync();

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace PortRelay
