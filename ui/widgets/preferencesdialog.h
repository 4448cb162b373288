#pragma once

#include <QDialog>

class QCheckBox;

namespace PortRelay {

class Settings;

// Preferences: start at login, keep running in the tray, notifications.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(Settings *settings, bool trayAvailable, QWidget *parent = nullptr);

    void accept() override;

private:
    Settings *m_settings;
    QCheckBox *m_autostart = nullptr;
    QCheckBox *m_closeToTray = nullptr;
    QCheckBox *m_notify = nullptr;
};

} // namespace PortRelay
