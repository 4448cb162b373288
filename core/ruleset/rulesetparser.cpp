#include "core/ruleset/rulesetparser.h"

#include "core/i18n/quoting.h"
#include "core/ruleset/jsontext.h"
#include "core/ruleset/ruleschema.h"
#include "core/ruleset/rulevalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QMap>

#include <array>
#include <cmath>
#include <limits>
#include <type_traits>
#include <vector>

namespace PortRelay {

namespace {

using Quoting::quoted;
using Range = RuleValidator::Range;
using JsonText::describe;
using JsonText::formatNumber;

constexpr const char *Context = "PortRelay::RuleSetParser";

Message message(const char *source)
{
    return Message(Context, source);
}

bool isExtensionKey(QStringView key)
{
    return key.startsWith(u"x-");
}

template<typename Object>
std::vector<QStringView> keysOf(SchemaFields<Object> fields)
{
    std::vector<QStringView> keys;
    keys.reserve(fields.size());
    for (const SchemaField<Object> &field : fields)
        keys.push_back(field.key);
    return keys;
}

std::vector<QStringView> topKeys()
{
    const auto &top = RuleSchema::top();
    return {top.begin(), top.end()};
}

// Issues of one part of the document, and the locations whose values could not be read: the
// validator sees defaults there, and what it would say about them is noise.
class Sink
{
public:
    // One past the limit is enough for the caller to see that it was reached.
    void add(const RuleSetLocation &where, const Message &what)
    {
        if (m_issues.size() <= RuleSetParser::MaxIssues)
            m_issues.append({where, what});
    }
    void unreadable(const RuleSetLocation &where, const Message &what)
    {
        add(where, what);
        m_unreadable.append(where);
    }
    void missing(const RuleSetLocation &parent, QStringView key)
    {
        add(parent,
            message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "missing required key \"%1\"")).arg(key.toString()));
        m_unreadable.append(parent.child(key));
    }
    void unknownKey(const RuleSetLocation &where, const QString &suggested)
    {
        if (suggested.isEmpty())
            add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "unknown key")));
        else
            add(where, message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "unknown key (did you mean \"%1\"?)"))
                           .arg(suggested));
    }

    // Adds the validator's issues, except those about values that could not be read.
    void addChecked(const RuleSetIssues &checked)
    {
        for (const RuleSetIssue &issue : checked) {
            if (!isUnderUnreadable(issue) && m_issues.size() <= RuleSetParser::MaxIssues)
                m_issues.append(issue);
        }
    }

    RuleSetIssues &issues() { return m_issues; }

private:
    bool isUnderUnreadable(const RuleSetLocation &where) const
    {
        for (const RuleSetLocation &unreadable : m_unreadable) {
            if (where.isWithin(unreadable))
                return true;
        }
        return false;
    }

    RuleSetIssues m_issues;
    QList<RuleSetLocation> m_unreadable;
};

bool readString(Sink &sink, const QJsonValue &value, const RuleSetLocation &where, QString *out)
{
    if (!value.isString()) {
        sink.unreadable(
            where,
            message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "expected a string, got %1")).arg(describe(value)));
        return false;
    }
    *out = value.toString();
    return true;
}

bool readObject(Sink &sink, const QJsonValue &value, const RuleSetLocation &where, QJsonObject *out)
{
    if (!value.isObject()) {
        sink.unreadable(
            where,
            message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "expected an object, got %1")).arg(describe(value)));
        return false;
    }
    *out = value.toObject();
    return true;
}

bool readArray(Sink &sink, const QJsonValue &value, const RuleSetLocation &where, QJsonArray *out)
{
    if (!value.isArray()) {
        sink.unreadable(
            where,
            message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "expected an array, got %1")).arg(describe(value)));
        return false;
    }
    *out = value.toArray();
    return true;
}

// Reports unknown keys of object and keeps its "x-" keys in *extensions (when that level has them).
void readOtherKeys(Sink &sink, const QJsonObject &object, const RuleSetLocation &where,
                   const std::vector<QStringView> &known, QJsonObject *extensions)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (std::find(known.begin(), known.end(), key) != known.end())
            continue;
        const RuleSetLocation at = where.child(Quoting::shortened(key));
        if (isExtensionKey(key)) {
            if (extensions)
                extensions->insert(key, it.value());
            else
                sink.add(at, message(QT_TRANSLATE_NOOP(
                                 "PortRelay::RuleSetParser",
                                 "\"x-\" keys are kept only at the top level, in rules and in backends")));
            continue;
        }
        sink.unknownKey(at, JsonText::suggestion(key, known));
    }
}

// Reading one value of the type a table entry holds; each overload says what it expects.
class ValueReader
{
public:
    ValueReader(Sink &sink, const QJsonValue &value, const RuleSetLocation &where, Range range)
        : m_sink(sink)
        , m_value(value)
        , m_where(where)
        , m_range(range)
    {}

    void read(QString *out) { readString(m_sink, m_value, m_where, out); }

    void read(bool *out)
    {
        if (!m_value.isBool()) {
            fail(message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "expected a boolean (true or false), got %1"))
                     .arg(describe(m_value)));
            return;
        }
        *out = m_value.toBool();
    }

    // An integer beyond int cannot be stored, so its range message comes from here.
    void read(int *out)
    {
        const double number = m_value.toDouble();
        if (!m_value.isDouble() || !std::isfinite(number) || number != std::floor(number)) {
            fail(message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "expected an integer, got %1"))
                     .arg(describe(m_value)));
            return;
        }
        if (number < double(std::numeric_limits<int>::min()) || number > double(std::numeric_limits<int>::max())) {
            fail(RuleValidator::outOfRangeMessage(formatNumber(number), m_range));
            return;
        }
        *out = int(number);
    }

    void read(Endpoint *out)
    {
        QString text;
        if (!readString(m_sink, m_value, m_where, &text))
            return;
        Message error;
        if (const auto endpoint = Endpoint::parse(text, &error))
            *out = *endpoint;
        else
            fail(error);
    }

    // Text on the wire, stored as the UTF-8 bytes a check sends and looks for.
    void read(QByteArray *out)
    {
        QString text;
        if (!readString(m_sink, m_value, m_where, &text))
            return;
        if (const qsizetype bad = JsonText::unpairedSurrogateIndex(text); bad >= 0) {
            const QString code = QStringLiteral("%1").arg(text.at(bad).unicode(), 4, 16, QLatin1Char('0')).toUpper();
            fail(message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "contains an unpaired surrogate (U+%1)"))
                     .arg(code));
            return;
        }
        *out = text.toUtf8();
    }

    template<typename Enum, typename = std::enable_if_t<std::is_enum_v<Enum>>>
    void read(Enum *out)
    {
        using Names = EnumSchema<Enum>;
        QString name;
        if (!readString(m_sink, m_value, m_where, &name))
            return;
        if (const auto value = RuleSchema::fromName<Enum>(name)) {
            *out = *value;
            return;
        }
        const QString supported = RuleSchema::names<Enum>();
        if constexpr (Names::notYet != nullptr) {
            if (std::find(Names::planned.begin(), Names::planned.end(), name) != Names::planned.end()) {
                fail(message(Names::notYet).arg(quoted(name)).arg(supported));
                return;
            }
        }
        if constexpr (Names::suggested != nullptr) {
            std::vector<QStringView> known;
            for (const auto &entry : Names::names)
                known.push_back(entry.second);
            if (const QString close = JsonText::suggestion(name, known); !close.isEmpty()) {
                fail(message(Names::suggested).arg(quoted(name)).arg(close));
                return;
            }
        }
        fail(message(Names::unknown).arg(quoted(name)).arg(supported));
    }

    void read(HealthCheck *out);
    void read(QList<Backend> *out);
    void read(QList<Subnet> *out);

private:
    void fail(const Message &what) { m_sink.unreadable(m_where, what); }

    Sink &m_sink;
    const QJsonValue &m_value;
    const RuleSetLocation m_where;
    const Range m_range;
};

// Reads every key of object that the table has, then reports the others.
template<typename Object>
void readFields(Sink &sink, const QJsonObject &object, const RuleSetLocation &where, SchemaFields<Object> fields,
                Object *out, QJsonObject *extensions)
{
    for (const SchemaField<Object> &field : fields) {
        const QJsonValue value = object.value(field.key);
        if (value.isUndefined()) {
            if (field.presence == SchemaPresence::Required)
                sink.missing(where, field.key);
            continue;
        }
        ValueReader reader(sink, value, where.child(field.key), field.range);
        std::visit([&reader, out](auto member) { reader.read(&(out->*member)); }, field.member);
    }
    readOtherKeys(sink, object, where, keysOf(fields), extensions);
}

void ValueReader::read(HealthCheck *out)
{
    QJsonObject object;
    if (readObject(m_sink, m_value, m_where, &object))
        readFields(m_sink, object, m_where, RuleSchema::healthCheck(), out, nullptr);
}

// Longer lists than a rule may have are refused unread: a hostile file must not cost time per element.
void ValueReader::read(QList<Backend> *out)
{
    QJsonArray backends;
    if (!readArray(m_sink, m_value, m_where, &backends))
        return;
    if (backends.size() > Rule::MaxBackends) {
        fail(RuleValidator::tooManyBackends(backends.size()));
        return;
    }
    out->reserve(backends.size());
    for (qsizetype i = 0; i < backends.size(); ++i) {
        Backend backend;
        const RuleSetLocation at = m_where.element(int(i));
        QJsonObject object;
        if (readObject(m_sink, backends.at(i), at, &object))
            readFields(m_sink, object, at, RuleSchema::backend(), &backend, &backend.extensions);
        out->append(backend); // even when unreadable, so that indexes match the file's
    }
}

void ValueReader::read(QList<Subnet> *out)
{
    QJsonArray allow;
    if (!readArray(m_sink, m_value, m_where, &allow))
        return;
    if (allow.isEmpty()) {
        m_sink.add(m_where, message(QT_TRANSLATE_NOOP(
                                "PortRelay::RuleSetParser",
                                "an empty list would refuse every client: omit the key to allow any client")));
        return;
    }
    if (allow.size() > Rule::MaxAllowEntries) {
        fail(RuleValidator::tooManyAllowEntries(allow.size()));
        return;
    }
    out->reserve(allow.size());
    for (qsizetype i = 0; i < allow.size(); ++i) {
        QString text;
        Message error;
        const RuleSetLocation at = m_where.element(int(i));
        std::optional<Subnet> subnet;
        if (readString(m_sink, allow.at(i), at, &text) && !(subnet = Subnet::parse(text, &error)))
            m_sink.unreadable(at, error);
        out->append(subnet.value_or(Subnet())); // even when unreadable, so that indexes match the file's
    }
}

void readRule(Sink &sink, const QJsonValue &value, const RuleSetLocation &where, Rule *rule)
{
    QJsonObject object;
    if (readObject(sink, value, where, &object))
        readFields(sink, object, where, RuleSchema::rule(), rule, &rule->extensions);
}

// Brings a document written in an older format version up to RuleSet::CurrentVersion, one
// version at a time, so that the readers above only ever see the current format. Version 1 is
// the first format, so there are no steps yet. When version 2 arrives: raise CurrentVersion,
// append upgradeV1ToV2 below (it edits the JSON and may report issues), and keep every old step
// so that files of each released version still load.
using MigrationStep = void (*)(QJsonObject &document, Sink &sink);
constexpr std::array<MigrationStep, RuleSet::CurrentVersion - 1> MigrationSteps{};

void migrate(QJsonObject &document, int fromVersion, Sink &sink)
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
        Sink top;
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
        readOtherKeys(top, object, document, topKeys(), &ruleSet.extensions);

        const QJsonValue rulesValue = object.value(u"rules");
        QJsonArray rules;
        if (rulesValue.isUndefined())
            top.missing(document, u"rules");
        else
            readArray(top, rulesValue, document.child(u"rules"), &rules);
        if (!append(top.issues()))
            return;

        RuleValidator::ConflictChecker conflicts;
        ruleSet.rules.reserve(rules.size());
        for (qsizetype i = 0; i < rules.size(); ++i) {
            Sink sink;
            Rule rule;
            readRule(sink, rules.at(i), RuleSetLocation::ofRule(int(i)), &rule);
            sink.addChecked(RuleValidator::validate(rule, int(i)));
            sink.addChecked(conflicts.add(rule, int(i)));
            RuleValidator::sortInDocumentOrder(sink.issues());
            ruleSet.rules.append(std::move(rule));
            if (!append(sink.issues()))
                return;
        }
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
