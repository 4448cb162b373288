#include "ui/widgets/closepolicy.h"

#include "ui/settings.h"

#include <QCheckBox>
#include <QMessageBox>
#include <QPushButton>

namespace PortRelay {

ClosePolicy::ClosePolicy(Settings *settings, QWidget *window)
    : m_settings(settings)
    , m_window(window)
{}

bool ClosePolicy::confirmQuit(int runningRules)
{
    if (runningRules == 0 || !m_settings->value(Settings::Key::ConfirmQuitWhileRunning).toBool())
        return true;
    QMessageBox box(
        QMessageBox::Question, tr("Quit PortRelay?"),
        tr("%n rule(s) are forwarding. Quitting stops them and closes their connections.", nullptr, runningRules),
        QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("quitConfirmation"));
    QPushButton *quitButton = box.addButton(tr("&Quit"), QMessageBox::DestructiveRole);
    quitButton->setObjectName(QStringLiteral("quitButton"));
    box.setDefaultButton(box.addButton(QMessageBox::Cancel)); // Ctrl+Q then Enter by mistake keeps them
    auto *dontAsk = new QCheckBox(tr("Don't ask again"), &box);
    box.setCheckBox(dontAsk);
    box.exec();
    if (box.clickedButton() != quitButton)
        return false;
    if (dontAsk->isChecked())
        m_settings->setValue(Settings::Key::ConfirmQuitWhileRunning, false);
    return true;
}

ClosePolicy::Action ClosePolicy::closeRequested(bool hasTray, int runningRules)
{
    if (!hasTray)
        return confirmQuit(runningRules) ? Action::Quit : Action::Cancel;
    if (m_settings->value(Settings::Key::CloseToTrayAsked).toBool())
        return m_settings->value(Settings::Key::CloseToTray).toBool() ? Action::HideToTray : Action::Quit;

    QMessageBox box(QMessageBox::Question, tr("Keep running?"),
                    tr("Keep your rules running in the system tray when the window is closed?"), QMessageBox::NoButton,
                    m_window);
    box.setObjectName(QStringLiteral("closeQuestion"));
    QPushButton *keep = box.addButton(tr("Keep Running in Tray"), QMessageBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keepButton"));
    QPushButton *quit = box.addButton(tr("Quit PortRelay"), QMessageBox::DestructiveRole);
    quit->setObjectName(QStringLiteral("quitButton"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    // Ticked: closing the window is done many times a day, and the answer rarely changes.
    auto *remember = new QCheckBox(tr("Don't ask again"), &box);
    remember->setChecked(true);
    box.setCheckBox(remember);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == cancel || !box.clickedButton())
        return Action::Cancel;
    const bool toTray = box.clickedButton() == keep;
    if (remember->isChecked()) {
        m_settings->setValue(Settings::Key::CloseToTray, toTray);
        m_settings->setValue(Settings::Key::CloseToTrayAsked, true);
    }
    return toTray ? Action::HideToTray : Action::Quit;
}

bool ClosePolicy::takeTrayHint()
{
    if (m_settings->value(Settings::Key::TrayHintShown).toBool())
        return false;
    m_settings->setValue(Settings::Key::TrayHintShown, true);
    return true;
}

} // namespace PortRelay
