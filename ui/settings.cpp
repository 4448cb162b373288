#include "ui/settings.h"

#include <array>

namespace PortRelay {

namespace {

struct Entry
{
    Settings::Key key;
    const char *name;
    QVariant defaultValue;
};

// The one table of keys and defaults.
const std::array<Entry, 15> &table()
{
    static const std::array<Entry, 15> entries{{
        {Settings::Key::WindowGeometry, "window/geometry", QByteArray()},
        {Settings::Key::WindowState, "window/state", QByteArray()},
        {Settings::Key::MainSplitter, "window/mainSplitter", QByteArray()},
        {Settings::Key::RulesHeader, "tables/rules", QByteArray()},
        {Settings::Key::BackendsHeader, "tables/backends", QByteArray()},
        {Settings::Key::ConnectionsHeader, "tables/connections", QByteArray()},
        {Settings::Key::EventsHeader, "tables/events", QByteArray()},
        {Settings::Key::DetailTab, "window/detailTab", 0},
        {Settings::Key::ChartRangeSeconds, "chart/rangeSeconds", 300},
        {Settings::Key::ChartShowsAllRules, "chart/allRules", false},
        {Settings::Key::CloseToTray, "tray/closeToTray", false},
        {Settings::Key::CloseToTrayAsked, "tray/closeToTrayAsked", false},
        {Settings::Key::NotifyBackendChanges, "tray/notifyBackendChanges", true},
        {Settings::Key::ConfirmQuitWhileRunning, "window/confirmQuitWhileRunning", true},
        {Settings::Key::TrayHintShown, "tray/hintShown", false},
    }};
    return entries;
}

const Entry &entry(Settings::Key key)
{
    const Entry &e = table()[std::size_t(key)];
    Q_ASSERT(e.key == key);
    return e;
}

} // namespace

Settings::Settings(const QString &path)
    : m_settings(path.isEmpty() ? std::make_unique<QSettings>()
                                : std::make_unique<QSettings>(path, QSettings::IniFormat))
{}

QVariant Settings::value(Key key) const
{
    const Entry &e = entry(key);
    QVariant v = m_settings->value(QLatin1String(e.name), e.defaultValue);
    if (e.defaultValue.isValid() && !v.canConvert(e.defaultValue.metaType()))
        return e.defaultValue;
    v.convert(e.defaultValue.metaType());
    return v;
}

void Settings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(QLatin1String(entry(key).name), value);
}

void Settings::sync()
{
    m_settings->sync();
}

QString Settings::keyName(Key key)
{
    return QLatin1String(entry(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

} // namespace PortRelay
