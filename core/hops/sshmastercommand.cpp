#include "core/hops/sshmastercommand.h"

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

// For the shell that runs a ProxyCommand: the path is ours (a runtime folder), but quote it anyway.
QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

} // namespace

QString SshMasterCommand::program()
{
    return u"ssh"_s;
}

QStringList SshMasterCommand::arguments(const Hop &hop, const Options &options)
{
    QStringList args{u"-M"_s, u"-N"_s, u"-T"_s, u"-S"_s, QString::fromLocal8Bit(options.controlPath)};
    const auto option = [&args](const QString &name, const QString &value) { args << u"-o"_s << name + u'=' + value; };
    option(u"ControlPersist"_s, u"no"_s);
    option(u"ClearAllForwardings"_s, u"yes"_s);
    option(u"ExitOnForwardFailure"_s, u"yes"_s);
    option(u"StrictHostKeyChecking"_s, options.acceptNewHostKeys ? u"accept-new"_s : u"yes"_s);
    option(u"BatchMode"_s, options.askpass ? u"no"_s : u"yes"_s);
    if (options.askpass)
        option(u"NumberOfPasswordPrompts"_s, u"1"_s); // a wrong secret fails once, not thrice
    option(u"ConnectTimeout"_s, QString::number(options.connectTimeoutS));
    option(u"ServerAliveInterval"_s, QString::number(options.aliveIntervalS));
    option(u"ServerAliveCountMax"_s, u"3"_s);
    option(u"LogLevel"_s, u"ERROR"_s);
    if (!hop.knownHostsFile.isEmpty())
        option(u"UserKnownHostsFile"_s, hop.knownHostsFile);
    if (!options.viaControlPath.isEmpty()) {
        // Through the previous hop's master: its channel carries this hop's SSH connection, and
        // this hop's address is resolved over there.
        option(u"ProxyCommand"_s, u"ssh -o ControlMaster=no -S "_s +
                                      shellQuoted(QString::fromLocal8Bit(options.viaControlPath)) +
                                      u" -W [%h]:%p portrelay-via"_s);
    }
    if (!hop.sshConfigHost.isEmpty()) {
        args << u"--"_s << hop.sshConfigHost;
        return args;
    }
    if (!hop.identityFile.isEmpty()) {
        args << u"-i"_s << hop.identityFile;
        option(u"IdentitiesOnly"_s, u"yes"_s);
    }
    if (!hop.user.isEmpty())
        args << u"-l"_s << hop.user;
    args << u"-p"_s << QString::number(hop.address.port ? hop.address.port : Hop::DefaultSshPort);
    args << u"--"_s << hop.address.host;
    return args;
}

QString SshMasterCommand::destination(const Hop &hop)
{
    if (!hop.sshConfigHost.isEmpty())
        return hop.sshConfigHost;
    const QString host = hop.address.host.contains(u':') ? u'[' + hop.address.host + u']' : hop.address.host;
    const QString where = host + u':' + QString::number(hop.address.port ? hop.address.port : Hop::DefaultSshPort);
    return hop.user.isEmpty() ? where : hop.user + u'@' + where;
}

} // namespace PortRelay
