#include "core/ruleset/hopvalidator.h"

#include "core/i18n/quoting.h"
#include "core/ruleset/fieldchecker.h"
#include "core/ruleset/jsontext.h"
#include "core/ruleset/ruleschema.h"
#include "core/ruleset/rulevalidator.h"
#include "core/secrets/secretstore.h"

#include <QHash>
#include <QStringList>

#include <algorithm>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

using Quoting::quoted;

constexpr const char *Context = "PortRelay::HopValidator";

// Names of hops a message lists at most.
constexpr int MaxListedHops = 10;

Message message(const char *source)
{
    return Message(Context, source);
}

RuleSetLocation hopAt(int index)
{
    return RuleSetLocation().child(u"hops").element(index);
}

bool everyHopHasAName(const QList<Hop> &hops)
{
    return std::none_of(hops.begin(), hops.end(), [](const Hop &hop) { return hop.name.isEmpty(); });
}

bool hasHop(const QList<Hop> &hops, const QString &name)
{
    return std::any_of(hops.begin(), hops.end(), [&name](const Hop &hop) { return hop.name == name; });
}

// What a "via" that names no hop is told: the hop it likely meant, else the hops there are.
Message unknownHop(const QString &name, const QList<Hop> &hops)
{
    if (hops.isEmpty())
        return message(QT_TRANSLATE_NOOP("PortRelay::HopValidator", "unknown hop %1 (there are no hops)"))
            .arg(quoted(name));
    std::vector<QStringView> names;
    names.reserve(std::size_t(hops.size()));
    for (const Hop &hop : hops)
        names.push_back(hop.name);
    if (const QString close = JsonText::suggestion(name, names); !close.isEmpty())
        return message(QT_TRANSLATE_NOOP("PortRelay::HopValidator", "unknown hop %1 (did you mean %2?)"))
            .arg(quoted(name))
            .arg(quoted(close));
    QStringList listed;
    for (qsizetype i = 0; i < hops.size() && i < MaxListedHops; ++i)
        listed.append(Quoting::shortened(hops.at(i).name));
    if (hops.size() > MaxListedHops)
        listed.append(u"..."_s);
    return message(QT_TRANSLATE_NOOP("PortRelay::HopValidator", "unknown hop %1 (hops: %2)"))
        .arg(quoted(name))
        .arg(listed.join(u", "_s));
}

// A secret is named, never given: the name must be one every store accepts.
void checkSecretName(FieldChecker &issues, const RuleSetLocation &where, const QString &name)
{
    // Too long, or with a control character, it has its issue already.
    if (!name.isEmpty() && !issues.hasIssueAt(where) && !SecretStore::isValidName(name))
        issues.add(where, SecretStore::invalidName(Quoting::shortened(name)));
}

// An ssh hop names its host one way: an address, or a Host alias of the user's OpenSSH
// configuration, which then says the host name, port and user itself.
void checkSshHost(FieldChecker &issues, const RuleSetLocation &where, const Hop &hop)
{
    const bool hasAddress = hop.address != Endpoint();
    const bool hasConfigHost = !hop.sshConfigHost.isEmpty();
    if (!hasAddress && !hasConfigHost) {
        issues.add(where, message(QT_TRANSLATE_NOOP("PortRelay::HopValidator",
                                                    "an ssh hop needs \"address\" or \"ssh_config_host\"")));
    } else if (hasAddress && hasConfigHost) {
        issues.add(where.child(u"ssh_config_host"),
                   message(QT_TRANSLATE_NOOP("PortRelay::HopValidator",
                                             "not with \"address\": an ssh hop takes one of the two")));
    }
    if (hasAddress) {
        issues.checkConnectAddress(
            where.child(u"address"), hop.address,
            message(QT_TRANSLATE_NOOP("PortRelay::HopValidator",
                                      "%1 is not an address to connect to: name the hop's host")));
    }
}

// Texts that end up on OpenSSH's command line: one starting with "-" would be read as an option
// ("-oProxyCommand=..." runs a command), and an imported file is someone else's.
void checkNotAnOption(FieldChecker &issues, const RuleSetLocation &where, const QString &text)
{
    if (text.startsWith(u'-'))
        issues.add(where, message(QT_TRANSLATE_NOOP("PortRelay::HopValidator",
                                                    "must not start with \"-\": ssh would read it as an option")));
}

void checkHop(FieldChecker &issues, const Hop &hop, int index)
{
    const RuleSetLocation where = hopAt(index);
    issues.checkFields(where, RuleSchema::hop(), hop);
    checkNotAnOption(issues, where.child(u"ssh_config_host"), hop.sshConfigHost);
    checkNotAnOption(issues, where.child(u"user"), hop.user);
    switch (hop.type) {
    case Hop::Type::Ssh:
        checkSshHost(issues, where, hop);
        break;
    }
    checkSecretName(issues, where.child(u"passphrase_secret"), hop.passphraseSecret);
    checkSecretName(issues, where.child(u"password_secret"), hop.passwordSecret);
    issues.checkExtensions(where, hop.extensions);
}

// "a" → "b" → "a", from the hop where the cycle closes; a long cycle is shortened in the middle.
QString cycleText(const QList<Hop> &hops, const std::vector<int> &next, int closing)
{
    QStringList names{quoted(hops.at(closing).name)};
    for (int at = next[std::size_t(closing)]; at != closing; at = next[std::size_t(at)]) {
        if (names.size() == HopValidator::MaxChainLength) {
            names.append(u"..."_s);
            break;
        }
        names.append(quoted(hops.at(at).name));
    }
    names.append(quoted(hops.at(closing).name));
    return names.join(u" → "_s);
}

// Names unique, and every "via" leads to a hop reached directly within MaxChainLength hops. Each
// hop is reached through at most one other, so the "via" links are chains that end or run into a
// cycle; a cycle is reported once, on its hop that comes last in the file, where it closes.
void checkChains(FieldChecker &issues, const QList<Hop> &hops)
{
    const int count = int(hops.size());
    QHash<QString, int> byName; // the first hop of each name
    for (int i = 0; i < count; ++i) {
        const QString &name = hops.at(i).name;
        if (name.isEmpty())
            continue;
        if (const auto seen = byName.constFind(name); seen != byName.constEnd()) {
            issues.add(hopAt(i).child(u"name"),
                       message(QT_TRANSLATE_NOOP("PortRelay::HopValidator", "duplicate hop name %1 (also hops[%2])"))
                           .arg(quoted(name))
                           .arg(seen.value()));
        } else {
            byName.insert(name, i);
        }
    }

    const bool namesKnown = everyHopHasAName(hops);
    // The hop each one is reached through; -1: directly, or through one reported as unknown or itself.
    std::vector<int> next(std::size_t(count), -1);
    for (int i = 0; i < count; ++i) {
        const Hop &hop = hops.at(i);
        if (hop.via.isEmpty())
            continue;
        const RuleSetLocation at = hopAt(i).child(u"via");
        if (hop.via == hop.name)
            issues.add(at,
                       message(QT_TRANSLATE_NOOP("PortRelay::HopValidator", "a hop cannot be reached through itself")));
        else if (const auto found = byName.constFind(hop.via); found != byName.constEnd())
            next[std::size_t(i)] = found.value();
        else if (namesKnown)
            issues.add(at, unknownHop(hop.via, hops));
    }

    enum class Mark : quint8
    {
        New,
        OnPath,
        Done
    };
    std::vector<Mark> marks(std::size_t(count), Mark::New);
    std::vector<int> length(std::size_t(count), 0); // of the chain to each hop, itself included; -1: a cycle's
    for (int start = 0; start < count; ++start) {
        std::vector<int> path;
        int at = start;
        while (at >= 0 && marks[std::size_t(at)] == Mark::New) {
            marks[std::size_t(at)] = Mark::OnPath;
            path.push_back(at);
            at = next[std::size_t(at)];
        }
        int below = 0; // the chain length at the end of the path
        if (at >= 0 && marks[std::size_t(at)] == Mark::OnPath) {
            const auto cycleStart = std::find(path.begin(), path.end(), at);
            const int closing = *std::max_element(cycleStart, path.end());
            issues.add(hopAt(closing).child(u"via"),
                       message(QT_TRANSLATE_NOOP("PortRelay::HopValidator", "hop chain %1 is a cycle"))
                           .arg(cycleText(hops, next, closing)));
            for (auto it = cycleStart; it != path.end(); ++it) {
                marks[std::size_t(*it)] = Mark::Done;
                length[std::size_t(*it)] = -1;
            }
            path.erase(cycleStart, path.end());
            below = -1;
        } else if (at >= 0) {
            below = length[std::size_t(at)];
        }
        for (auto it = path.rbegin(); it != path.rend(); ++it) {
            const int hop = *it;
            length[std::size_t(hop)] = below < 0 ? -1 : below + 1;
            below = length[std::size_t(hop)];
            marks[std::size_t(hop)] = Mark::Done;
            // Once, where the chain first grows too long; the hops beyond it are in the same chain.
            if (below == HopValidator::MaxChainLength + 1) {
                issues.add(hopAt(hop).child(u"via"),
                           message(QT_TRANSLATE_NOOP("PortRelay::HopValidator",
                                                     "the chain to this hop is %1 hops long; at most %2 are allowed"))
                               .arg(below)
                               .arg(HopValidator::MaxChainLength));
            }
        }
    }
}

} // namespace

RuleSetIssues HopValidator::validate(const QList<Hop> &hops)
{
    RuleSetIssues result;
    FieldChecker issues(result);
    if (hops.size() > Hop::MaxHops)
        issues.add(RuleSetLocation().child(u"hops"), tooManyHops(hops.size()));
    for (qsizetype i = 0; i < hops.size(); ++i)
        checkHop(issues, hops.at(i), int(i));
    checkChains(issues, hops);
    RuleValidator::sortInDocumentOrder(result);
    return result;
}

RuleSetIssues HopValidator::validateVia(const Rule &rule, int ruleIndex, const QList<Hop> &hops)
{
    RuleSetIssues result;
    if (!everyHopHasAName(hops))
        return result;
    const auto check = [&result, &hops](const RuleSetLocation &where, const QString &via) {
        if (!via.isEmpty() && !hasHop(hops, via))
            result.append({where, unknownHop(via, hops)});
    };
    const RuleSetLocation where = RuleSetLocation::ofRule(ruleIndex);
    check(where.child(u"via"), rule.via);
    const RuleSetLocation backends = where.child(u"backends");
    for (qsizetype i = 0; i < rule.backends.size(); ++i)
        check(backends.element(int(i)).child(u"via"), rule.backends.at(i).via);
    return result;
}

Message HopValidator::tooManyHops(qsizetype count)
{
    return message(QT_TRANSLATE_NOOP("PortRelay::HopValidator", "%1 hops; at most %2 are allowed"))
        .arg(count)
        .arg(Hop::MaxHops);
}

} // namespace PortRelay
