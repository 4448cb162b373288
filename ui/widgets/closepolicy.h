#pragma once

#include <QCoreApplication>

class QWidget;

namespace PortRelay {

class Settings;

// What closing the window and Quit do, as the user chose in the questions it asks once: keep the
// rules running in the tray or quit, and whether to ask before Quit stops rules that forward. The
// questions are modal message boxes over the window; the answers live in Settings.
class ClosePolicy
{
    Q_DECLARE_TR_FUNCTIONS(ClosePolicy)

public:
    enum class Action
    {
        HideToTray, // the window goes, the rules go on
        Quit,
        Cancel, // the window stays
    };

    ClosePolicy(Settings *settings, QWidget *window);

    // Quit while runningRules forward: asks (object name "quitConfirmation", its Quit button
    // "quitButton") unless the user said not to. True: go ahead.
    bool confirmQuit(int runningRules);
    // Closing the window. With a tray: asks once whether to keep running there, then does what
    // was answered. Without one, closing quits, so it is a Quit and asks as Quit does.
    Action closeRequested(bool hasTray, int runningRules);
    // True once, the first time the window went to the tray: say where it went.
    bool takeTrayHint();

private:
    Settings *m_settings;
    QWidget *m_window;
};

} // namespace PortRelay
