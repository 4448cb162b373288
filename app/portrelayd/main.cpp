// portrelayd: the PortRelay engine without a window, for servers and CI.

#include "daemon.h"
#include "unixsignalwatcher.h"

#include "core/i18n/translations.h"
#include "core/net/sockets.h"
#include "core/ruleset/rulesetparser.h"
#include "core/secrets/credentialssecretstore.h"
#include "core/secrets/filesecretstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>

#include <csignal>
#include <cstdio>

using namespace PortRelay;

namespace {

int check(const QString &path)
{
    const RuleSetParser::Result result = RuleSetParser::parseFile(path);
    for (const RuleSetIssue &issue : result.issues)
        std::fprintf(stderr, "%s: %s\n", qPrintable(path), qPrintable(issue.toString()));
    if (!result.ok())
        return 1;
    std::printf("%s\n", qPrintable(QCoreApplication::translate("portrelayd", "%1: OK, %n rule(s)", nullptr,
                                                               int(result.ruleSet.rules.size()))
                                       .arg(path)));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("portrelayd"));
    QCoreApplication::setOrganizationName(QStringLiteral("PortRelay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTRELAY_VERSION));
    // Ours compiled in from translations/, and Qt's own for --help's standard options.
    const Translations translations(QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("portrelayd", "Runs a PortRelay rule set without a window."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QCoreApplication::translate("portrelayd", "Run the rules in <file>."),
                                          QStringLiteral("file"));
    const QCommandLineOption checkOption(
        QStringLiteral("check"),
        QCoreApplication::translate("portrelayd", "Validate <file>, print every error, and exit."),
        QStringLiteral("file"));
    const QCommandLineOption logFormatOption(
        QStringLiteral("log-format"), QCoreApplication::translate("portrelayd", "Log as <format>: text or json."),
        QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption workersOption(
        QStringLiteral("workers"),
        QCoreApplication::translate("portrelayd", "Use <n> worker threads (default: one per usable CPU)."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption relayOption(
        QStringLiteral("relay"),
        QCoreApplication::translate("portrelayd", "Move bytes by <mode>: auto, copy or splice (default auto)."),
        QStringLiteral("mode"), QStringLiteral("auto"));
    const QCommandLineOption graceOption(
        QStringLiteral("grace-ms"),
        QCoreApplication::translate("portrelayd", "On SIGTERM, let open connections finish for <ms> (default 5000)."),
        QStringLiteral("ms"), QStringLiteral("5000"));
    const QCommandLineOption secretsOption(
        QStringLiteral("secrets"),
        QCoreApplication::translate("portrelayd",
                                    "Read the passwords and key passphrases that hops name from <file>: a JSON "
                                    "object of names and values, mode 0600. Without it, systemd credentials "
                                    "($CREDENTIALS_DIRECTORY) are used when there are any."),
        QStringLiteral("file"));
    const QCommandLineOption acceptNewHostKeysOption(
        QStringLiteral("accept-new-host-keys"),
        QCoreApplication::translate("portrelayd",
                                    "Record the host keys of SSH hops seen for the first time in known_hosts. Without "
                                    "it an unknown key fails the hop; a changed key always does."));
    parser.addOptions({configOption, checkOption, logFormatOption, workersOption, relayOption, graceOption,
                       secretsOption, acceptNewHostKeysOption});
    parser.process(app);

    auto fail = [](const QString &message) {
        std::fprintf(stderr, "portrelayd: %s\n", qPrintable(message));
        return 2;
    };

    if (parser.isSet(checkOption))
        return check(parser.value(checkOption));
    if (!parser.isSet(configOption))
        return fail(QCoreApplication::translate("portrelayd", "--config <file> is required (see --help)"));

    Daemon::Options options;
    options.configPath = parser.value(configOption);
    const QString logFormat = parser.value(logFormatOption);
    if (logFormat == QLatin1String("json"))
        options.logFormat = EventFormatter::Format::Json;
    else if (logFormat != QLatin1String("text"))
        return fail(
            QCoreApplication::translate("portrelayd", "--log-format: \"%1\" is not text or json").arg(logFormat));
    bool ok = false;
    options.engine.workers = parser.value(workersOption).toInt(&ok);
    if (!ok || options.engine.workers < 0 || options.engine.workers > 256)
        return fail(QCoreApplication::translate("portrelayd", "--workers: \"%1\" is not a number from 0 to 256")
                        .arg(parser.value(workersOption)));
    const QString relay = parser.value(relayOption);
    if (relay == QLatin1String("copy"))
        options.engine.relayMode = RelayMode::Copy;
    else if (relay == QLatin1String("splice"))
        options.engine.relayMode = RelayMode::Splice;
    else if (relay != QLatin1String("auto"))
        return fail(
            QCoreApplication::translate("portrelayd", "--relay: \"%1\" is not auto, copy or splice").arg(relay));
    options.graceMs = parser.value(graceOption).toInt(&ok);
    if (!ok || options.graceMs < 0)
        return fail(QCoreApplication::translate("portrelayd", "--grace-ms: \"%1\" is not a number of milliseconds")
                        .arg(parser.value(graceOption)));

    // Checked before anything starts: a file others may read is refused, as ssh refuses such a key.
    // The store is where the SSH hops find the passphrases and passwords they name.
    std::unique_ptr<SecretStore> secrets;
    if (parser.isSet(secretsOption)) {
        Message error;
        secrets = FileSecretStore::open(parser.value(secretsOption), &error);
        if (!secrets)
            return fail(error.translated());
    } else if (const QString directory = CredentialsSecretStore::directoryFromEnvironment(); !directory.isEmpty()) {
        secrets = std::make_unique<CredentialsSecretStore>(directory);
    }
    options.engine.secrets = secrets.get();
    options.engine.acceptNewHostKeys = parser.isSet(acceptNewHostKeysOption);

    // Thousands of connections need thousands of descriptors: take what the hard limit allows.
    Sockets::raiseDescriptorLimit();

    UnixSignalWatcher signals({SIGINT, SIGTERM, SIGHUP});
    Daemon daemon(options);
    QObject::connect(&signals, &UnixSignalWatcher::signalReceived, &daemon, [&daemon](int number) {
        if (number == SIGHUP)
            daemon.reload();
        else
            daemon.terminate();
    });
    if (!daemon.start())
        return 1;
    return QCoreApplication::exec();
}
