#include "core/ruleset/rulesetparser.h"

#include "core/ruleset/hopvalidator.h"
#include "core/ruleset/issuesink.h"
#include "core/ruleset/jsontext.h"
#include "core/ruleset/ruleschema.h"
#include "core/ruleset/rulevalidator.h"
#include "core/ruleset/schemareader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QMap>

#include <array>
#include <cmath>
#include <vector>

namespace PortRelay {

namespace {

using JsonText::describe;
using JsonText::formatNumber;

constexpr const char *Context = "PortRelay::RuleSetParser";

Message message(const char *source)
{
    return Message(Context, source);
}

std::vector<QStringView> topKeys()
{
    const auto &top = RuleSchema::top();
    return {top.begin(), top.end()};
}

void readRule(IssueSink &sink, const QJsonValue &value, const RuleSetLocation &where, Rule *rule)
{
    SchemaReader reader(sink);
    QJsonObject object;
    if (reader.readObject(value, where, &object))
        reader.readFields(object, where, RuleSchema::rule(), rule, &rule->extensions);
}

// Brings a document written in an older format version up to RuleSet::CurrentVersion, one
// version at a time, so that the readers only ever see the current format. Version 1 is
// the first format, so there are no steps yet. When version 2 arrives: raise CurrentVersion,
// append upgradeV1ToV2 below (it edits the JSON and may report issues), and keep every old step
// so that files of each released version still load.
using MigrationStep = void (*)(QJsonObject &document, IssueSink &sink);
constexpr std::array<MigrationStep, RuleSet::CurrentVersion - 1> MigrationSteps{};

void migrate(QJsonObject &document, int fromVersion, IssueSink &sink)
{
    for (int version = fromVersion; version < RuleSet::CurrentVersion; ++version)
        MigrationSteps.at(std::size_t(version - 1))(document, sink);
}

class DocumentReader
{
public:
    RuleSetParser::Result read(const QByteArray &json)
    {
        if (json.size() > RuleSetParser::MaxFileSize) {
            fail(tooLarge(json.size()));
            return std::move(m_result);
        }
        QByteArray data = json;
        if (data.startsWith("\xef\xbb\xbf"))
            data.remove(0, 3); // a byte order mark some editors write; harmless

        if (const qsizetype bad = JsonText::invalidUtf8Offset(data); bad >= 0) {
            const auto [line, column] = JsonText::lineAndColumn(data, bad);
            fail(message(
                     QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "not valid UTF-8 at line %1, column %2 (byte %3)"))
                     .arg(line)
                     .arg(column)
                     .arg(bad));
            return std::move(m_result);
        }

        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError) {
            const auto [line, column] = JsonText::lineAndColumn(data, error.offset);
            // Qt's own text, which has no translation of ours: the same in every language.
            fail(message(
                     QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "invalid JSON at line %1, column %2 (byte %3): %4"))
                     .arg(line)
                     .arg(column)
                     .arg(error.offset)
                     .arg(error.errorString()));
            return std::move(m_result);
        }
        if (!document.isObject()) {
            const QJsonValue top = document.isArray() ? QJsonValue(document.array()) : QJsonValue();
            fail(message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "expected an object at the top level, got %1"))
                     .arg(describe(top)));
            return std::move(m_result);
        }
        readDocument(document.object());
        return std::move(m_result);
    }

    static Message tooLarge(qint64 size)
    {
        return message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser",
                                         "%1 bytes is too large: a rules file may have at most %2 bytes (16 MiB)"))
            .arg(size)
            .arg(RuleSetParser::MaxFileSize);
    }

private:
    void fail(const Message &what) { m_result.issues.append({RuleSetLocation(), what}); }

    void readDocument(QJsonObject object)
    {
        IssueSink top;
        SchemaReader reader(top);
        RuleSet &ruleSet = m_result.ruleSet;
        const RuleSetLocation document;
        const RuleSetLocation versionAt = document.child(u"version");
        const QJsonValue versionValue = object.value(u"version");
        if (versionValue.isUndefined()) {
            top.missing(document, u"version");
        } else {
            const double version = versionValue.toDouble();
            if (!versionValue.isDouble() || version != std::floor(version)) {
                top.add(versionAt, message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "expected an integer, got %1"))
                                       .arg(describe(versionValue)));
            } else if (version > RuleSet::CurrentVersion || version < 1) {
                const QString text = formatNumber(version);
                top.add(versionAt,
                        version > RuleSet::CurrentVersion
                            ? message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser",
                                                        "unsupported version %1 (this PortRelay reads version %2)"))
                                  .arg(text)
                                  .arg(RuleSet::CurrentVersion)
                            : message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser",
                                                        "unsupported version %1 (versions start at 1)"))
                                  .arg(text));
                // Keys of another version would only yield a flood of misleading issues.
                append(top.issues());
                return;
            } else {
                migrate(object, int(version), top);
            }
        }
        reader.readOtherKeys(object, document, topKeys(), &ruleSet.extensions);

        const QJsonValue rulesValue = object.value(u"rules");
        QJsonArray rules;
        if (rulesValue.isUndefined())
            top.missing(document, u"rules");
        else
            reader.readArray(rulesValue, document.child(u"rules"), &rules);
        if (!append(top.issues()))
            return;

        // Without a list of hops to look in, every "via" would name an unknown hop.
        bool hopsRead = true;
        if (!readHops(object.value(u"hops"), &hopsRead))
            return;

        RuleValidator::ConflictChecker conflicts;
        ruleSet.rules.reserve(rules.size());
        for (qsizetype i = 0; i < rules.size(); ++i) {
            IssueSink sink;
            Rule rule;
            readRule(sink, rules.at(i), RuleSetLocation::ofRule(int(i)), &rule);
            sink.addChecked(RuleValidator::validate(rule, int(i)));
            if (hopsRead)
                sink.addChecked(HopValidator::validateVia(rule, int(i), ruleSet.hops));
            sink.addChecked(conflicts.add(rule, int(i)));
            RuleValidator::sortInDocumentOrder(sink.issues());
            ruleSet.rules.append(std::move(rule));
            if (!append(sink.issues()))
                return;
        }
    }

    // The optional "hops" list, into the rule set's hops; *listRead: whether it was a list that
    // could be read (absent is an empty one). False once there are too many issues to go on.
    bool readHops(const QJsonValue &value, bool *listRead)
    {
        if (value.isUndefined())
            return true;
        IssueSink sink;
        SchemaReader reader(sink);
        const RuleSetLocation where = RuleSetLocation().child(u"hops");
        QJsonArray hops;
        *listRead = reader.readArray(value, where, &hops);
        // Longer lists than a rule set may have are refused unread, as backends are.
        if (*listRead && hops.size() > Hop::MaxHops) {
            sink.unreadable(where, HopValidator::tooManyHops(hops.size()));
            *listRead = false;
        }
        if (!*listRead)
            return append(sink.issues());

        QList<Hop> &out = m_result.ruleSet.hops;
        out.reserve(hops.size());
        for (qsizetype i = 0; i < hops.size(); ++i) {
            Hop hop;
            const RuleSetLocation at = where.element(int(i));
            QJsonObject object;
            if (reader.readObject(hops.at(i), at, &object))
                reader.readFields(object, at, RuleSchema::hop(), &hop, &hop.extensions);
            out.append(hop); // even when unreadable, so that indexes match the file's
        }
        RuleSetIssues checked = HopValidator::validate(out);
        // What the validator says of a hop as a whole ("an ssh hop needs an address") depends on its
        // type and how it names its host: noise when one of them could not be read.
        checked.removeIf([&sink, &where](const RuleSetIssue &issue) {
            const RuleSetLocation hop = where.element(issue.index);
            return issue.field == u"hops" && issue.index >= 0 && issue.key.isEmpty() &&
                   (sink.isUnreadable(hop.child(u"type")) || sink.isUnreadable(hop.child(u"address")) ||
                    sink.isUnreadable(hop.child(u"ssh_config_host")));
        });
        sink.addChecked(checked);
        RuleValidator::sortInDocumentOrder(sink.issues());
        return append(sink.issues());
    }

    // False once there are too many issues to go on.
    bool append(const RuleSetIssues &issues)
    {
        RuleSetIssues &all = m_result.issues;
        all.append(issues);
        if (all.size() < RuleSetParser::MaxIssues)
            return true;
        all.resize(RuleSetParser::MaxIssues);
        fail(message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "too many issues: stopped after the first %1"))
                 .arg(RuleSetParser::MaxIssues));
        return false;
    }

    RuleSetParser::Result m_result;
};

} // namespace

RuleSetParser::Result RuleSetParser::parse(const QByteArray &json)
{
    return DocumentReader().read(json);
}

std::optional<QByteArray> RuleSetParser::readFile(const QString &path, RuleSetIssues *issues)
{
    const auto fail = [issues](const Message &what) {
        issues->append({RuleSetLocation(), what});
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "cannot open %1: %2"))
                        .arg(path)
                        .arg(file.errorString()));
    }
    // Refuse by size before reading; read at most one byte past the limit for files of unknown size.
    if (file.size() > MaxFileSize)
        return fail(DocumentReader::tooLarge(file.size()));
    QByteArray data = file.read(MaxFileSize + 1);
    if (file.error() != QFileDevice::NoError) {
        return fail(message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "cannot read %1: %2"))
                        .arg(path)
                        .arg(file.errorString()));
    }
    if (data.size() > MaxFileSize)
        return fail(DocumentReader::tooLarge(data.size()));
    return data;
}

RuleSetParser::Result RuleSetParser::parseFile(const QString &path)
{
    Result result;
    if (const std::optional<QByteArray> data = readFile(path, &result.issues))
        return parse(*data);
    return result;
}

RuleSetParser::PartialResult RuleSetParser::parseValidRules(const QByteArray &json)
{
    PartialResult partial;
    Result whole = parse(json);
    if (whole.ok()) {
        partial.ruleSet = std::move(whole.ruleSet);
        return partial;
    }

    // Each issue belongs to one rule or to the document.
    QMap<int, RuleSetIssues> byRule;
    for (const RuleSetIssue &issue : std::as_const(whole.issues)) {
        if (issue.rule < 0)
            partial.documentIssues.append(issue);
        else
            byRule[issue.rule].append(issue);
    }
    if (!partial.documentIssues.isEmpty())
        return partial;

    // The document read (its issues are all in rules): keep the other rules and read them again.
    QByteArray data = json;
    if (data.startsWith("\xef\xbb\xbf"))
        data.remove(0, 3);
    QJsonObject document = QJsonDocument::fromJson(data).object();
    const QJsonArray rules = document.value(u"rules").toArray();
    QJsonArray kept;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const auto issues = byRule.constFind(int(i));
        if (issues == byRule.constEnd()) {
            kept.append(rules.at(i));
            continue;
        }
        const QJsonValue name = rules.at(i).toObject().value(u"name");
        partial.rejected.append({int(i), name.isString() ? name.toString() : QString(), *issues});
    }
    document.insert(QStringLiteral("rules"), kept);
    Result again = parse(QJsonDocument(document).toJson(QJsonDocument::Compact));
    if (!again.ok()) {
        // Not expected: leaving rules out only removes conflicts. Then nothing is taken.
        partial.documentIssues = again.issues;
        partial.rejected.clear();
        return partial;
    }
    partial.ruleSet = std::move(again.ruleSet);
    return partial;
}

RuleSetParser::PartialResult RuleSetParser::parseValidRulesFile(const QString &path)
{
    PartialResult partial;
    if (const std::optional<QByteArray> data = readFile(path, &partial.documentIssues))
        return parseValidRules(*data);
    return partial;
}

} // namespace PortRelay
