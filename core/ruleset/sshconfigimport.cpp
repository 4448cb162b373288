#include "core/ruleset/sshconfigimport.h"

#include "core/ruleset/rulevalidator.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

constexpr const char *Context = "PortRelay::SshConfigImport";

Message message(const char *source)
{
    return Message(Context, source);
}

// ssh_config(5): a keyword, then arguments after spaces or one '='; '#' starts a comment.
QStringList wordsOf(const QString &line)
{
    QString text = line.trimmed();
    if (text.isEmpty() || text.startsWith(u'#'))
        return {};
    static const QRegularExpression keyword(u"^(\\S+?)\\s*(?:=|\\s)\\s*(.*)$"_s);
    const QRegularExpressionMatch match = keyword.match(text);
    if (!match.hasMatch())
        return {text};
    QStringList words{match.captured(1)};
    words += match.captured(2).split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    return words;
}

bool isPattern(const QString &name)
{
    return name.contains(u'*') || name.contains(u'?') || name.startsWith(u'!');
}

// "[bind:]port", "[v6]:port", "*:port"; the host empty when not given.
bool splitListen(const QString &spec, QString *host, QString *port)
{
    if (spec.startsWith(u'[')) {
        const qsizetype close = spec.indexOf(u"]:"_s);
        if (close < 0)
            return false;
        *host = spec.mid(1, close - 1);
        *port = spec.mid(close + 2);
        return true;
    }
    const qsizetype colon = spec.lastIndexOf(u':');
    *host = colon < 0 ? QString() : spec.left(colon);
    *port = colon < 0 ? spec : spec.mid(colon + 1);
    return true;
}

} // namespace

bool SshConfigImport::looksLikeConfig(const QByteArray &text)
{
    static const QRegularExpression forward(u"^\\s*LocalForward[\\s=]"_s, QRegularExpression::CaseInsensitiveOption |
                                                                              QRegularExpression::MultilineOption);
    return !text.trimmed().startsWith('{') && forward.match(QString::fromUtf8(text)).hasMatch();
}

SshConfigImport::Result SshConfigImport::fromConfig(const QByteArray &text)
{
    Result result;
    QString alias; // of the Host block we are in; empty outside one or in a Match block
    bool inMatch = false;
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNumber = i + 1;
        const QStringList words = wordsOf(lines.at(i));
        if (words.isEmpty())
            continue;
        const QString keyword = words.first().toLower();
        if (keyword == u"host") {
            inMatch = false;
            alias.clear();
            for (int w = 1; w < words.size() && alias.isEmpty(); ++w) {
                if (!isPattern(words.at(w)))
                    alias = words.at(w);
            }
            continue;
        }
        if (keyword == u"match") {
            inMatch = true;
            alias.clear();
            continue;
        }
        if (keyword != u"localforward")
            continue;
        const auto note = [&result, lineNumber](const Message &why) { result.notes.append({lineNumber, why}); };
        if (inMatch || alias.isEmpty()) {
            note(message(QT_TRANSLATE_NOOP("PortRelay::SshConfigImport",
                                           "a LocalForward outside a Host block with a plain host name is not "
                                           "taken (Match blocks and patterns name no one host)")));
            continue;
        }
        if (words.size() != 3) {
            note(message(
                QT_TRANSLATE_NOOP("PortRelay::SshConfigImport", "LocalForward needs a local port and a host:port")));
            continue;
        }
        QString bindHost, bindPort;
        if (!splitListen(words.at(1), &bindHost, &bindPort) || words.at(1).startsWith(u'/')) {
            note(message(QT_TRANSLATE_NOOP("PortRelay::SshConfigImport",
                                           "forwards from a Unix socket (%1) are not supported"))
                     .arg(words.at(1)));
            continue;
        }
        if (words.at(2).startsWith(u'/')) {
            note(message(QT_TRANSLATE_NOOP("PortRelay::SshConfigImport",
                                           "forwards to a Unix socket (%1) are not supported"))
                     .arg(words.at(2)));
            continue;
        }
        Message error;
        if (bindHost.isEmpty() || bindHost == u"localhost")
            bindHost = u"127.0.0.1"_s; // ssh's default: loopback only (GatewayPorts no)
        const QString listenText = (bindHost.contains(u':') ? u'[' + bindHost + u']' : bindHost) + u':' + bindPort;
        const std::optional<Endpoint> listen = Endpoint::parse(listenText, &error);
        // ssh also writes "host/port".
        QString target = words.at(2);
        if (!target.contains(u':') && target.count(u'/') == 1)
            target.replace(u'/', u':');
        const std::optional<Endpoint> backend = listen ? Endpoint::parse(target, &error) : std::nullopt;
        if (!listen || !backend) {
            note(error);
            continue;
        }
        if (!result.ruleSet.findHop(alias)) {
            Hop hop;
            hop.name = alias.left(RuleValidator::MaxNameLength);
            hop.sshConfigHost = alias;
            result.ruleSet.hops.append(hop);
        }
        Rule rule;
        rule.name = RuleSet::uniqueName(alias + u'-' + QString::number(listen->port), result.ruleSet.names());
        rule.listen = *listen;
        rule.via = alias.left(RuleValidator::MaxNameLength);
        Backend behind;
        behind.address = *backend;
        rule.backends.append(behind);
        result.ruleSet.rules.append(rule);
    }
    return result;
}

} // namespace PortRelay
