// portrelay: the PortRelay desktop window.

#include "ui/singleinstance.h"
#include "ui/stateicons.h"
#include "ui/widgets/mainwindow.h"

#include "core/net/sockets.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSystemTrayIcon>
#include <QTranslator>

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
    // Compiled in from translations/ (English supplies the plural forms, Chinese everything).
    QTranslator translator;
    if (translator.load(QLocale::system(), QStringLiteral("portrelay"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral(":/i18n/portrelay_en")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("portrelay", "PortRelay port-forwarding manager"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption minimizedOption(
        QStringLiteral("minimized"),
        QCoreApplication::translate("portrelay",
                                    "Start in the system tray (or minimized) without showing the window."));
    parser.addOption(minimizedOption);
    parser.process(app);

    // A second launch shows the running window instead of starting a second engine.
    SingleInstance instance;
    if (!instance.claim())
        return 0;

    Sockets::raiseDescriptorLimit();

    MainWindow window;
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, &MainWindow::showAndRaise);
    if (!parser.isSet(minimizedOption))
        window.show();
    else if (!QSystemTrayIcon::isSystemTrayAvailable())
        window.showMinimized();
    return QApplication::exec();
}
