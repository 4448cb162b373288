// portrelay: the PortRelay desktop window.

#include "ui/eventlooplatencyprobe.h"
#include "ui/keychainsecretstore.h"
#include "ui/singleinstance.h"
#include "ui/stateicons.h"
#include "ui/widgets/mainwindow.h"

#include "core/i18n/translations.h"
#include "core/net/sockets.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSystemTrayIcon>
#include <QTimer>

#include <cstdio>

using namespace PortRelay;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("portrelay"));
    QApplication::setApplicationDisplayName(QStringLiteral("PortRelay"));
    QApplication::setOrganizationName(QStringLiteral("PortRelay"));
    QApplication::setApplicationVersion(QStringLiteral(PORTRELAY_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.portrelay.PortRelay"));
    QApplication::setWindowIcon(StateIcons::appIcon());
    // Ours compiled in from translations/, and Qt's own for its buttons and dialogs.
    const Translations translations(QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("portrelay", "PortRelay port-forwarding manager"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption minimizedOption(
        QStringLiteral("minimized"),
        QCoreApplication::translate("portrelay",
                                    "Start in the system tray (or minimized) without showing the window."));
    parser.addOption(minimizedOption);
    // For the responsiveness benchmark (bench/gui.sh, docs/responsiveness.md); not in --help.
    QCommandLineOption probeOption(QStringLiteral("latency-probe"), QString(), QStringLiteral("file"));
    QCommandLineOption probeStartOption(QStringLiteral("latency-probe-start"), QString(), QStringLiteral("seconds"),
                                        QStringLiteral("0"));
    QCommandLineOption quitAfterOption(QStringLiteral("quit-after"), QString(), QStringLiteral("seconds"));
    for (QCommandLineOption *hidden : {&probeOption, &probeStartOption, &quitAfterOption}) {
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(*hidden);
    }
    parser.process(app);

    // A second launch shows the running window instead of starting a second engine. Both sides
    // say so on stderr, so that a script (and tests/ui/tst_singleinstance) can tell what happened.
    SingleInstance instance;
    if (!instance.claim()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                         "portrelay", "portrelay: already running; asked the running window to show itself")));
        return 0;
    }

    Sockets::raiseDescriptorLimit();

    // The SSH hops' passphrases and passwords, from the system keychain. Asked from the engine's
    // thread (QtKeychain's jobs are asynchronous there too); outlives the window and its engine.
    KeychainSecretStore secrets;
    MainWindow::Options options;
    options.engine.secrets = &secrets;
    MainWindow window(options);
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, [&window] {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QCoreApplication::translate("portrelay", "portrelay: a second launch asked for the window")));
        window.showAndRaise();
    });

    // The GUI thread's event-loop latency, from the given second on, as one line of JSON at exit.
    EventLoopLatencyProbe probe;
    if (parser.isSet(probeOption)) {
        const QString probeFile = parser.value(probeOption);
        QTimer::singleShot(int(parser.value(probeStartOption).toDouble() * 1000), &probe,
                           &EventLoopLatencyProbe::start);
        QObject::connect(&app, &QCoreApplication::aboutToQuit, &probe, [&probe, probeFile] {
            probe.stop();
            QString error;
            if (!probe.writeSummary(probeFile, &error))
                std::fprintf(stderr, "portrelay: %s: %s\n", qPrintable(probeFile), qPrintable(error));
        });
    }
    if (parser.isSet(quitAfterOption))
        QTimer::singleShot(int(parser.value(quitAfterOption).toDouble() * 1000), &app, &QCoreApplication::quit);
    if (!parser.isSet(minimizedOption))
        window.show();
    else if (!QSystemTrayIcon::isSystemTrayAvailable())
        window.showMinimized();
    return QApplication::exec();
}
