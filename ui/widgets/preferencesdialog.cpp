#include "ui/widgets/preferencesdialog.h"

#include "ui/autostart.h"
#include "ui/settings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QVBoxLayout>

namespace PortRelay {

PreferencesDialog::PreferencesDialog(Settings *settings, bool trayAvailable, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Preferences"));

    m_autostart = new QCheckBox(tr("&Start PortRelay at login"), this);
    m_autostart->setObjectName(QStringLiteral("autostartCheck"));
    m_autostart->setChecked(Autostart::isEnabled());
    m_closeToTray = new QCheckBox(tr("&Keep rules running in the system tray when the window is closed"), this);
    m_closeToTray->setObjectName(QStringLiteral("closeToTrayCheck"));
    m_closeToTray->setChecked(m_settings->value(Settings::Key::CloseToTray).toBool());
    m_notify = new QCheckBox(tr("&Notify when a backend goes down or comes back, or a rule fails"), this);
    m_notify->setChecked(m_settings->value(Settings::Key::NotifyBackendChanges).toBool());
    if (!trayAvailable) {
        m_closeToTray->setEnabled(false);
        m_notify->setEnabled(false);
        m_closeToTray->setToolTip(tr("No system tray is available"));
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_autostart);
    layout->addWidget(m_closeToTray);
    layout->addWidget(m_notify);
    layout->addStretch();
    layout->addWidget(buttons);
}

void PreferencesDialog::accept()
{
    if (m_autostart->isChecked() != Autostart::isEnabled()) {
        QString error;
        if (!Autostart::setEnabled(m_autostart->isChecked(), &error)) {
            QMessageBox::warning(this, tr("Start at login"), tr("Could not change the autostart entry: %1").arg(error));
            return;
        }
    }
    m_settings->setValue(Settings::Key::CloseToTray, m_closeToTray->isChecked());
    m_settings->setValue(Settings::Key::CloseToTrayAsked, true);
    m_settings->setValue(Settings::Key::NotifyBackendChanges, m_notify->isChecked());
    QDialog::accept();
}

} // namespace PortRelay
