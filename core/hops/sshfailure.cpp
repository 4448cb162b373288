#include "core/hops/sshfailure.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

constexpr const char *Context = "PortRelay::SshHop";

// The lines that say something: ssh's banners of '@' and empty lines do not.
QStringList meaningfulLines(const QByteArray &output)
{
    QStringList lines;
    for (const QByteArray &raw : output.split('\n')) {
        const QString line = QString::fromLocal8Bit(raw).trimmed();
        if (!line.isEmpty() && !line.startsWith(u'@'))
            lines.append(line);
    }
    return lines;
}

// The part after "ssh: connect to host X port N: ", lowercased like our other socket errors.
QString systemReason(const QString &line)
{
    const qsizetype colon = line.lastIndexOf(u": "_s);
    QString reason = colon >= 0 ? line.mid(colon + 2) : line;
    if (!reason.isEmpty())
        reason[0] = reason[0].toLower();
    return reason;
}

// The SHA256 fingerprint (as ssh prints it) of the key on line of a known_hosts file: the key we
// trusted before. Empty when the line is not there.
QString recordedFingerprint(const QString &path, int line)
{
    QFile file(path);
    if (line < 1 || !file.open(QIODevice::ReadOnly))
        return QString();
    for (int n = 1; !file.atEnd(); ++n) {
        const QByteArray text = file.readLine(64 * 1024);
        if (n != line)
            continue;
        // [marker] hosts keytype base64-key [comment]
        QList<QByteArray> fields = text.simplified().split(' ');
        if (!fields.isEmpty() && fields.first().startsWith('@'))
            fields.removeFirst();
        if (fields.size() < 3)
            return QString();
        const QByteArray blob = QByteArray::fromBase64(fields.at(2));
        QByteArray digest = QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toBase64();
        while (digest.endsWith('='))
            digest.chop(1);
        return u"SHA256:"_s + QString::fromLatin1(digest);
    }
    return QString();
}

} // namespace

Message SshFailure::reason(const QByteArray &output, int exitCode, const QString &destination)
{
    const QString text = QString::fromLocal8Bit(output);
    const QStringList lines = meaningfulLines(output);

    if (text.contains(u"REMOTE HOST IDENTIFICATION HAS CHANGED"_s)) {
        static const QRegularExpression fingerprint(u"(SHA256:[A-Za-z0-9+/=]+)"_s);
        const QRegularExpressionMatch match = fingerprint.match(text);
        // "Offending ED25519 key in /home/dev/.ssh/known_hosts:3": the key we had, read from there.
        static const QRegularExpression offending(u"Offending \\S+ key in (\\S+?):(\\d+)"_s);
        const QRegularExpressionMatch where = offending.match(text);
        const QString file = where.hasMatch() ? where.captured(1) : u"known_hosts"_s;
        const QString recorded = where.hasMatch() ? recordedFingerprint(file, where.captured(2).toInt()) : QString();
        return Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop",
                                                  "host key changed for %1: the server now shows %2, but %3 "
                                                  "has %4; refusing to connect"))
            .arg(destination)
            .arg(match.hasMatch() ? match.captured(1) : u"?"_s)
            .arg(file)
            .arg(recorded.isEmpty() ? Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "another key"))
                                    : Message::verbatim(recorded));
    }
    if (text.contains(u"host key is known for"_s) || text.contains(u"Host key verification failed"_s)) {
        return Message(Context,
                       QT_TRANSLATE_NOOP("PortRelay::SshHop", "unknown host key for %1: accept it once (ssh %1, or "
                                                              "--accept-new-host-keys) or add it to the hop's "
                                                              "known_hosts_file"))
            .arg(destination);
    }
    for (const QString &line : lines) {
        if (line.contains(u"Permission denied"_s)) {
            static const QRegularExpression methods(u"\\(([^)]*)\\)"_s);
            const QRegularExpressionMatch match = methods.match(line);
            return match.hasMatch()
                       ? Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "authentication failed (%1)"))
                             .arg(match.captured(1))
                       : Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "authentication failed"));
        }
        if (line.contains(u"incorrect passphrase"_s, Qt::CaseInsensitive) ||
            line.contains(u"passphrase"_s, Qt::CaseInsensitive)) {
            return Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "the key needs a passphrase"));
        }
        if (line.contains(u"Could not resolve hostname"_s)) {
            return Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "cannot resolve %1: %2"))
                .arg(destination)
                .arg(systemReason(line));
        }
        if (line.contains(u"timed out"_s, Qt::CaseInsensitive) || line.contains(u"not responding"_s)) {
            return Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "timed out (%1)")).arg(systemReason(line));
        }
        if (line.contains(u"Connection refused"_s) || line.contains(u"No route to host"_s) ||
            line.contains(u"Network is unreachable"_s) || line.contains(u"Connection closed by"_s) ||
            line.contains(u"Connection reset"_s) || line.contains(u"kex_exchange_identification"_s)) {
            return Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "unreachable: %1")).arg(systemReason(line));
        }
    }
    const QString last = lines.isEmpty() ? QString() : lines.constLast();
    return last.isEmpty()
               ? Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "master exited with status %1")).arg(exitCode)
               : Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "master exited: %1")).arg(last);
}

} // namespace PortRelay
