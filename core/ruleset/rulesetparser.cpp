#include "core/ruleset/rulesetparser.h"

#include "core/ruleset/rulesetkeys.h"

#include "core/ruleset/rulevalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace PortRelay {

namespace {

using Range = RuleValidator::Range;

constexpr int MaxShownLength = 64;
// Longer keys are hostile or garbage; comparing them with every known key would only cost time.
constexpr int MaxSuggestedKeyLength = 64;
const QString NoPath;

const auto &TopKeys = RuleSetKeys::Top;
const auto &RuleKeys = RuleSetKeys::Rule;
const auto &BackendKeys = RuleSetKeys::Backend;
const auto &HealthKeys = RuleSetKeys::HealthCheck;
constexpr std::array<QStringView, 4> BalanceNames{u"round_robin", u"least_connections", u"source_hash", u"random"};

// Quotes text the way JSON would, shortened: messages must stay readable for hostile input.
QString quoted(QStringView text)
{
    QString out(1, u'"');
    for (QChar c : text.left(MaxShownLength)) {
        if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (text.size() > MaxShownLength)
        out += QStringLiteral("...");
    return out + u'"';
}

QString formatNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return RuleSetParser::tr("null");
    case QJsonValue::Bool:
        return value.toBool() ? RuleSetParser::tr("boolean true") : RuleSetParser::tr("boolean false");
    case QJsonValue::Double:
        return RuleSetParser::tr("number %1").arg(formatNumber(value.toDouble()));
    case QJsonValue::String:
        return RuleSetParser::tr("string %1").arg(quoted(value.toString()));
    case QJsonValue::Array:
        return RuleSetParser::tr("an array");
    case QJsonValue::Object:
        return RuleSetParser::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return RuleSetParser::tr("nothing");
}

QString join(const QString &prefix, QStringView key)
{
    const QStringView shown = key.size() > MaxShownLength ? key.left(MaxShownLength) : key;
    return prefix.isEmpty() ? shown.toString() : prefix + u'.' + shown;
}

QString indexed(const QString &prefix, qsizetype index)
{
    return prefix + u'[' + QString::number(index) + u']';
}

// Compares keys loosely: "connectTimeoutMs" should find "connect_timeout_ms".
QString looseKey(QStringView key)
{
    QString out;
    out.reserve(key.size());
    for (QChar c : key) {
        if (c != u'_' && c != u'-' && c != u' ')
            out += c.toLower();
    }
    return out;
}

// Edit distance counting a swap of neighbours as one edit ("weigth" is one away from "weight").
int editDistance(QStringView a, QStringView b)
{
    const std::size_t width = std::size_t(b.size()) + 1;
    std::vector<int> beforePrevious(width), previous(width), current(width);
    for (std::size_t j = 0; j < width; ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const std::size_t k = std::size_t(j);
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[k] = std::min({previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[k] = std::min(current[k], beforePrevious[k - 2] + 1);
        }
        std::swap(beforePrevious, previous);
        std::swap(previous, current);
    }
    return previous.back();
}

// The known name closest to text, if it is close enough to be a likely typo; else empty.
template<std::size_t N>
QString suggestion(QStringView text, const std::array<QStringView, N> &known)
{
    if (text.size() > MaxSuggestedKeyLength)
        return {};
    const QString loose = looseKey(text);
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (QStringView candidate : known) {
        const int distance = editDistance(loose, looseKey(candidate));
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate.toString();
        }
    }
    const int allowed = loose.size() <= 3 ? 1 : loose.size() <= 8 ? 2 : 3;
    return bestDistance <= allowed ? best : QString();
}

template<std::size_t N>
bool isOneOf(QStringView key, const std::array<QStringView, N> &known)
{
    return std::find(known.begin(), known.end(), key) != known.end();
}

bool isExtensionKey(QStringView key)
{
    return key.startsWith(u"x-");
}

// Offset of the first byte that is not well-formed UTF-8 (RFC 3629), or -1.
qsizetype invalidUtf8Offset(const QByteArray &data)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.constData());
    const qsizetype size = data.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            if (lead == 0xe0)
                low = 0xa0; // overlong
            else if (lead == 0xed)
                high = 0x9f; // surrogates
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            if (lead == 0xf0)
                low = 0x90; // overlong
            else if (lead == 0xf4)
                high = 0x8f; // beyond U+10FFFF
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        for (int k = 1; k < length; ++k) {
            const unsigned char next = bytes[i + k];
            if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xbf))
                return i;
        }
        i += length;
    }
    return -1;
}

// Index of the first surrogate without its partner, or -1. JSON's "\ud800" escapes can make one,
// and UTF-8 has no form for it: stored as bytes, it would not read back as what was written.
qsizetype unpairedSurrogateIndex(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return i;
    }
    return -1;
}

// 1-based line and column (in characters) of a byte offset, as an editor shows them.
std::pair<qsizetype, qsizetype> lineAndColumn(const QByteArray &data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    qsizetype line = 1;
    qsizetype column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(data.at(i));
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xc0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

// Issues of one part of the document, and the paths whose values could not be read: the
// validator sees defaults there, and what it would say about them is noise.
class Sink
{
public:
    // One past the limit is enough for the caller to see that it was reached.
    void add(const QString &path, const QString &message)
    {
        if (m_issues.size() <= RuleSetParser::MaxIssues)
            m_issues.append({path, message});
    }
    void unreadable(const QString &path, const QString &message)
    {
        add(path, message);
        m_unreadable.insert(path);
    }
    void missing(const QString &parentPath, QStringView key)
    {
        add(parentPath, RuleSetParser::tr("missing required key \"%1\"").arg(key));
        m_unreadable.insert(join(parentPath, key));
    }
    void unknownKey(const QString &path, const QString &suggested)
    {
        if (suggested.isEmpty())
            add(path, RuleSetParser::tr("unknown key"));
        else
            add(path, RuleSetParser::tr("unknown key (did you mean \"%1\"?)").arg(suggested));
    }

    // Adds the validator's issues, except those about values that could not be read.
    void addChecked(const RuleSetIssues &checked)
    {
        for (const RuleSetIssue &issue : checked) {
            if (!isUnderUnreadable(issue.path))
                add(issue.path, issue.message);
        }
    }

    RuleSetIssues &issues() { return m_issues; }

private:
    bool isUnderUnreadable(const QString &path) const
    {
        if (m_unreadable.isEmpty())
            return false;
        QStringView rest(path);
        while (!rest.isEmpty()) {
            if (m_unreadable.contains(rest.toString()))
                return true;
            const qsizetype cut = std::max(rest.lastIndexOf(u'.'), rest.lastIndexOf(u'['));
            rest = cut < 0 ? QStringView() : rest.left(cut);
        }
        return false;
    }

    RuleSetIssues m_issues;
    QSet<QString> m_unreadable;
};

bool readString(Sink &sink, const QJsonValue &value, const QString &path, QString *out)
{
    if (!value.isString()) {
        sink.unreadable(path, RuleSetParser::tr("expected a string, got %1").arg(describe(value)));
        return false;
    }
    *out = value.toString();
    return true;
}

void readBool(Sink &sink, const QJsonValue &value, const QString &path, bool *out)
{
    if (!value.isBool()) {
        sink.unreadable(path, RuleSetParser::tr("expected a boolean (true or false), got %1").arg(describe(value)));
        return;
    }
    *out = value.toBool();
}

// Reads an integer; one beyond int cannot be stored, so the range message comes from here.
void readInt(Sink &sink, const QJsonValue &value, const QString &path, Range range, int *out)
{
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number)) {
        sink.unreadable(path, RuleSetParser::tr("expected an integer, got %1").arg(describe(value)));
        return;
    }
    if (number < double(std::numeric_limits<int>::min()) || number > double(std::numeric_limits<int>::max())) {
        sink.unreadable(path, RuleValidator::outOfRangeMessage(formatNumber(number), range));
        return;
    }
    *out = int(number);
}

bool readObject(Sink &sink, const QJsonValue &value, const QString &path, QJsonObject *out)
{
    if (!value.isObject()) {
        sink.unreadable(path, RuleSetParser::tr("expected an object, got %1").arg(describe(value)));
        return false;
    }
    *out = value.toObject();
    return true;
}

bool readArray(Sink &sink, const QJsonValue &value, const QString &path, QJsonArray *out)
{
    if (!value.isArray()) {
        sink.unreadable(path, RuleSetParser::tr("expected an array, got %1").arg(describe(value)));
        return false;
    }
    *out = value.toArray();
    return true;
}

void readEndpoint(Sink &sink, const QJsonValue &value, const QString &path, Endpoint *out)
{
    QString text;
    if (!readString(sink, value, path, &text))
        return;
    QString error;
    if (const auto endpoint = Endpoint::parse(text, &error))
        *out = *endpoint;
    else
        sink.unreadable(path, error);
}

// Reports unknown keys of object and keeps its "x-" keys in *extensions (when that level has them).
template<std::size_t N>
void readOtherKeys(Sink &sink, const QJsonObject &object, const QString &path, const std::array<QStringView, N> &known,
                   QJsonObject *extensions)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (isOneOf(key, known))
            continue;
        if (isExtensionKey(key)) {
            if (extensions)
                extensions->insert(key, it.value());
            else
                sink.add(join(path, key),
                         RuleSetParser::tr("\"x-\" keys are kept only at the top level, in rules and in backends"));
            continue;
        }
        sink.unknownKey(join(path, key), suggestion(key, known));
    }
}

void readBackend(Sink &sink, const QJsonValue &value, const QString &path, Backend *backend)
{
    QJsonObject object;
    if (!readObject(sink, value, path, &object))
        return;
    if (const QJsonValue address = object.value(u"address"); address.isUndefined())
        sink.missing(path, u"address");
    else
        readEndpoint(sink, address, join(path, u"address"), &backend->address);
    if (const QJsonValue weight = object.value(u"weight"); !weight.isUndefined())
        readInt(sink, weight, join(path, u"weight"), RuleValidator::WeightRange, &backend->weight);
    if (const QJsonValue backup = object.value(u"backup"); !backup.isUndefined())
        readBool(sink, backup, join(path, u"backup"), &backend->backup);
    if (const QJsonValue enabled = object.value(u"enabled"); !enabled.isUndefined())
        readBool(sink, enabled, join(path, u"enabled"), &backend->enabled);
    readOtherKeys(sink, object, path, BackendKeys, &backend->extensions);
}

// Longer lists than a rule may have are refused unread: a hostile file must not cost time per element.
void readBackends(Sink &sink, const QJsonValue &value, const QString &path, QList<Backend> *out)
{
    QJsonArray backends;
    if (!readArray(sink, value, path, &backends))
        return;
    if (backends.size() > Rule::MaxBackends) {
        sink.unreadable(path, RuleValidator::tooManyBackends(backends.size()));
        return;
    }
    out->reserve(backends.size());
    for (qsizetype i = 0; i < backends.size(); ++i) {
        Backend backend;
        readBackend(sink, backends.at(i), indexed(path, i), &backend);
        out->append(backend); // even when unreadable, so that indexes match the file's
    }
}

void readAllow(Sink &sink, const QJsonValue &value, const QString &path, QList<Subnet> *out)
{
    QJsonArray allow;
    if (!readArray(sink, value, path, &allow))
        return;
    if (allow.isEmpty()) {
        sink.add(path, RuleSetParser::tr("an empty list would refuse every client: omit the key to allow any client"));
        return;
    }
    if (allow.size() > Rule::MaxAllowEntries) {
        sink.unreadable(path, RuleValidator::tooManyAllowEntries(allow.size()));
        return;
    }
    out->reserve(allow.size());
    for (qsizetype i = 0; i < allow.size(); ++i) {
        QString text;
        QString error;
        const QString entryPath = indexed(path, i);
        std::optional<Subnet> subnet;
        if (readString(sink, allow.at(i), entryPath, &text) && !(subnet = Subnet::parse(text, &error)))
            sink.unreadable(entryPath, error);
        out->append(subnet.value_or(Subnet())); // even when unreadable, so that indexes match the file's
    }
}

void readHealthCheck(Sink &sink, const QJsonValue &value, const QString &path, HealthCheck *check)
{
    QJsonObject object;
    if (!readObject(sink, value, path, &object))
        return;
    if (const QJsonValue typeValue = object.value(u"type"); !typeValue.isUndefined()) {
        QString name;
        const QString typePath = join(path, u"type");
        if (readString(sink, typeValue, typePath, &name)) {
            if (const auto type = healthCheckTypeFromName(name))
                check->type = *type;
            else
                sink.unreadable(
                    typePath,
                    RuleSetParser::tr("unknown health check type %1 (supported: tcp, none)").arg(quoted(name)));
        }
    }
    const auto readField = [&](QStringView key, Range range, int *out) {
        if (const QJsonValue field = object.value(key); !field.isUndefined())
            readInt(sink, field, join(path, key), range, out);
    };
    readField(u"interval_ms", RuleValidator::IntervalRange, &check->intervalMs);
    readField(u"timeout_ms", RuleValidator::CheckTimeoutRange, &check->timeoutMs);
    readField(u"rise", RuleValidator::RiseFallRange, &check->rise);
    readField(u"fall", RuleValidator::RiseFallRange, &check->fall);
    // Text on the wire, stored as the UTF-8 bytes the check sends and looks for.
    const auto readData = [&](QStringView key, QByteArray *out) {
        const QJsonValue field = object.value(key);
        if (field.isUndefined())
            return;
        const QString fieldPath = join(path, key);
        QString text;
        if (!readString(sink, field, fieldPath, &text))
            return;
        if (const qsizetype bad = unpairedSurrogateIndex(text); bad >= 0) {
            const QString code = QStringLiteral("%1").arg(text.at(bad).unicode(), 4, 16, QLatin1Char('0')).toUpper();
            sink.unreadable(fieldPath, RuleSetParser::tr("contains an unpaired surrogate (U+%1)").arg(code));
            return;
        }
        *out = text.toUtf8();
    };
    readData(u"send", &check->send);
    readData(u"expect", &check->expect);
    readOtherKeys(sink, object, path, HealthKeys, nullptr);
}

void readRule(Sink &sink, const QJsonValue &value, const QString &path, Rule *rule)
{
    QJsonObject object;
    if (!readObject(sink, value, path, &object))
        return;

    if (const QJsonValue name = object.value(u"name"); name.isUndefined())
        sink.missing(path, u"name");
    else
        readString(sink, name, join(path, u"name"), &rule->name);
    if (const QJsonValue group = object.value(u"group"); !group.isUndefined())
        readString(sink, group, join(path, u"group"), &rule->group);
    if (const QJsonValue enabled = object.value(u"enabled"); !enabled.isUndefined())
        readBool(sink, enabled, join(path, u"enabled"), &rule->enabled);

    if (const QJsonValue protocolValue = object.value(u"protocol"); !protocolValue.isUndefined()) {
        QString name;
        const QString protocolPath = join(path, u"protocol");
        if (readString(sink, protocolValue, protocolPath, &name)) {
            if (const auto protocol = protocolFromName(name))
                rule->protocol = *protocol;
            else if (name == u"udp")
                sink.unreadable(protocolPath,
                                RuleSetParser::tr("protocol \"udp\" is not supported yet (supported: tcp)"));
            else
                sink.unreadable(protocolPath,
                                RuleSetParser::tr("unknown protocol %1 (supported: tcp)").arg(quoted(name)));
        }
    }

    if (const QJsonValue listen = object.value(u"listen"); listen.isUndefined())
        sink.missing(path, u"listen");
    else
        readEndpoint(sink, listen, join(path, u"listen"), &rule->listen);

    if (const QJsonValue balanceValue = object.value(u"balance"); !balanceValue.isUndefined()) {
        QString name;
        const QString balancePath = join(path, u"balance");
        if (readString(sink, balanceValue, balancePath, &name)) {
            if (const auto balance = balanceStrategyFromName(name)) {
                rule->balance = *balance;
            } else if (const QString close = suggestion(name, BalanceNames); !close.isEmpty()) {
                sink.unreadable(
                    balancePath,
                    RuleSetParser::tr("unknown balance strategy %1 (did you mean \"%2\"?)").arg(quoted(name), close));
            } else {
                sink.unreadable(balancePath, RuleSetParser::tr("unknown balance strategy %1 (supported: round_robin, "
                                                               "least_connections, source_hash, random)")
                                                 .arg(quoted(name)));
            }
        }
    }

    if (const QJsonValue backends = object.value(u"backends"); backends.isUndefined())
        sink.missing(path, u"backends");
    else
        readBackends(sink, backends, join(path, u"backends"), &rule->backends);

    if (const QJsonValue check = object.value(u"health_check"); !check.isUndefined())
        readHealthCheck(sink, check, join(path, u"health_check"), &rule->healthCheck);

    const auto readField = [&](QStringView key, Range range, int *out) {
        if (const QJsonValue field = object.value(key); !field.isUndefined())
            readInt(sink, field, join(path, key), range, out);
    };
    readField(u"connect_timeout_ms", RuleValidator::ConnectTimeoutRange, &rule->connectTimeoutMs);
    readField(u"idle_timeout_ms", RuleValidator::IdleTimeoutRange, &rule->idleTimeoutMs);
    readField(u"retries", RuleValidator::RetriesRange, &rule->retries);
    readField(u"retry_backoff_ms", RuleValidator::RetryBackoffRange, &rule->retryBackoffMs);
    readField(u"max_connections", RuleValidator::MaxConnectionsRange, &rule->maxConnections);
    readField(u"max_connections_per_client", RuleValidator::MaxConnectionsRange, &rule->maxConnectionsPerClient);
    readField(u"max_fails", RuleValidator::MaxFailsRange, &rule->maxFails);
    readField(u"fail_window_ms", RuleValidator::FailWindowRange, &rule->failWindowMs);

    if (const QJsonValue onDownValue = object.value(u"on_down"); !onDownValue.isUndefined()) {
        QString name;
        const QString onDownPath = join(path, u"on_down");
        if (readString(sink, onDownValue, onDownPath, &name)) {
            if (const auto onDown = onDownFromName(name))
                rule->onDown = *onDown;
            else
                sink.unreadable(
                    onDownPath,
                    RuleSetParser::tr("unknown on_down value %1 (supported: keep, close)").arg(quoted(name)));
        }
    }

    readField(u"slow_start_ms", RuleValidator::SlowStartRange, &rule->slowStartMs);
    if (const QJsonValue adaptive = object.value(u"adaptive_weights"); !adaptive.isUndefined())
        readBool(sink, adaptive, join(path, u"adaptive_weights"), &rule->adaptiveWeights);

    if (const QJsonValue allow = object.value(u"allow"); !allow.isUndefined())
        readAllow(sink, allow, join(path, u"allow"), &rule->allow);

    readOtherKeys(sink, object, path, RuleKeys, &rule->extensions);
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
            m_result.issues.append({NoPath, tooLarge(json.size())});
            return std::move(m_result);
        }
        QByteArray data = json;
        if (data.startsWith("\xef\xbb\xbf"))
            data.remove(0, 3); // a byte order mark some editors write; harmless

        if (const qsizetype bad = invalidUtf8Offset(data); bad >= 0) {
            const auto [line, column] = lineAndColumn(data, bad);
            m_result.issues.append(
                {NoPath,
                 RuleSetParser::tr("not valid UTF-8 at line %1, column %2 (byte %3)").arg(line).arg(column).arg(bad)});
            return std::move(m_result);
        }

        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError) {
            const auto [line, column] = lineAndColumn(data, error.offset);
            m_result.issues.append({NoPath, RuleSetParser::tr("invalid JSON at line %1, column %2 (byte %3): %4")
                                                .arg(line)
                                                .arg(column)
                                                .arg(error.offset)
                                                .arg(error.errorString())});
            return std::move(m_result);
        }
        if (!document.isObject()) {
            const QJsonValue top = document.isArray() ? QJsonValue(document.array()) : QJsonValue();
            m_result.issues.append(
                {NoPath, RuleSetParser::tr("expected an object at the top level, got %1").arg(describe(top))});
            return std::move(m_result);
        }
        readDocument(document.object());
        return std::move(m_result);
    }

    static QString tooLarge(qint64 size)
    {
        return RuleSetParser::tr("%1 bytes is too large: a rules file may have at most %2 bytes (16 MiB)")
            .arg(size)
            .arg(RuleSetParser::MaxFileSize);
    }

private:
    void readDocument(QJsonObject object)
    {
        Sink top;
        RuleSet &ruleSet = m_result.ruleSet;
        const QJsonValue versionValue = object.value(u"version");
        if (versionValue.isUndefined()) {
            top.missing(NoPath, u"version");
        } else {
            const double version = versionValue.toDouble();
            if (!versionValue.isDouble() || version != std::floor(version)) {
                top.add(QStringLiteral("version"),
                        RuleSetParser::tr("expected an integer, got %1").arg(describe(versionValue)));
            } else if (version > RuleSet::CurrentVersion || version < 1) {
                const QString text = formatNumber(version);
                top.add(QStringLiteral("version"),
                        version > RuleSet::CurrentVersion
                            ? RuleSetParser::tr("unsupported version %1 (this PortRelay reads version %2)")
                                  .arg(text)
                                  .arg(RuleSet::CurrentVersion)
                            : RuleSetParser::tr("unsupported version %1 (versions start at 1)").arg(text));
                // Keys of another version would only yield a flood of misleading issues.
                append(top.issues());
                return;
            } else {
                migrate(object, int(version), top);
            }
        }
        readOtherKeys(top, object, NoPath, TopKeys, &ruleSet.extensions);

        const QJsonValue rulesValue = object.value(u"rules");
        QJsonArray rules;
        if (rulesValue.isUndefined())
            top.missing(NoPath, u"rules");
        else
            readArray(top, rulesValue, QStringLiteral("rules"), &rules);
        if (!append(top.issues()))
            return;

        const QString rulesPath = QStringLiteral("rules");
        RuleValidator::ConflictChecker conflicts;
        ruleSet.rules.reserve(rules.size());
        for (qsizetype i = 0; i < rules.size(); ++i) {
            Sink sink;
            const QString path = indexed(rulesPath, i);
            Rule rule;
            readRule(sink, rules.at(i), path, &rule);
            sink.addChecked(RuleValidator::validate(rule, path));
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
        all.append(
            {NoPath, RuleSetParser::tr("too many issues: stopped after the first %1").arg(RuleSetParser::MaxIssues)});
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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        issues->append({NoPath, tr("cannot open %1: %2").arg(path, file.errorString())});
        return std::nullopt;
    }
    // Refuse by size before reading; read at most one byte past the limit for files of unknown size.
    if (file.size() > MaxFileSize) {
        issues->append({NoPath, DocumentReader::tooLarge(file.size())});
        return std::nullopt;
    }
    QByteArray data = file.read(MaxFileSize + 1);
    if (file.error() != QFileDevice::NoError) {
        issues->append({NoPath, tr("cannot read %1: %2").arg(path, file.errorString())});
        return std::nullopt;
    }
    if (data.size() > MaxFileSize) {
        issues->append({NoPath, DocumentReader::tooLarge(data.size())});
        return std::nullopt;
    }
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

    // Each issue belongs to one rule ("rules[3].listen", "rules[3]") or to the document.
    static const QRegularExpression rulePath(QStringLiteral("^rules\\[(\\d+)\\](?:\\.|$)"));
    QMap<int, RuleSetIssues> byRule;
    for (const RuleSetIssue &issue : std::as_const(whole.issues)) {
        const QRegularExpressionMatch match = rulePath.match(issue.path);
        if (!match.hasMatch()) {
            partial.documentIssues.append(issue);
            continue;
        }
        byRule[match.captured(1).toInt()].append({issue.path.mid(match.capturedLength()), issue.message});
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
