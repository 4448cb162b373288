#include "core/ruleset/schemareader.h"

#include "core/i18n/quoting.h"
#include "core/ruleset/jsontext.h"
#include "core/ruleset/rulevalidator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

namespace PortRelay {

namespace {

using Quoting::quoted;
using Range = RuleValidator::Range;
using JsonText::describe;
using JsonText::formatNumber;

// The reader's messages are RuleSetParser's, where the user meets them.
constexpr const char *Context = "PortRelay::RuleSetParser";

Message message(const char *source)
{
    return Message(Context, source);
}

bool isExtensionKey(QStringView key)
{
    return key.startsWith(u"x-");
}

// Reading one value of the type a table entry holds; each overload says what it expects.
class ValueReader
{
public:
    template<typename Object>
    ValueReader(IssueSink &sink, const QJsonValue &value, const RuleSetLocation &where,
                const SchemaField<Object> &field)
        : m_sink(sink)
        , m_value(value)
        , m_where(where)
        , m_range(field.range)
        , m_text(field.text)
        , m_defaultPort(field.defaultPort)
    {}

    void read(QString *out)
    {
        if (SchemaReader(m_sink).readString(m_value, m_where, out) && m_text == SchemaText::Path && out->isEmpty())
            m_sink.add(m_where, message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser",
                                                          "an empty file name: leave the key out for the default")));
    }

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
        if (!SchemaReader(m_sink).readString(m_value, m_where, &text))
            return;
        Message error;
        if (const auto endpoint = Endpoint::parseWithDefaultPort(text, m_defaultPort, &error))
            *out = *endpoint;
        else
            fail(error);
    }

    // Text on the wire, stored as the UTF-8 bytes a check sends and looks for.
    void read(QByteArray *out)
    {
        QString text;
        if (!SchemaReader(m_sink).readString(m_value, m_where, &text))
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
        if (!SchemaReader(m_sink).readString(m_value, m_where, &name))
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

    IssueSink &m_sink;
    const QJsonValue &m_value;
    const RuleSetLocation m_where;
    const Range m_range;
    const SchemaText m_text;
    const quint16 m_defaultPort;
};

void ValueReader::read(HealthCheck *out)
{
    SchemaReader reader(m_sink);
    QJsonObject object;
    if (reader.readObject(m_value, m_where, &object))
        reader.readFields(object, m_where, RuleSchema::healthCheck(), out, nullptr);
}

// Longer lists than a rule may have are refused unread: a hostile file must not cost time per element.
void ValueReader::read(QList<Backend> *out)
{
    SchemaReader reader(m_sink);
    QJsonArray backends;
    if (!reader.readArray(m_value, m_where, &backends))
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
        if (reader.readObject(backends.at(i), at, &object))
            reader.readFields(object, at, RuleSchema::backend(), &backend, &backend.extensions);
        out->append(backend); // even when unreadable, so that indexes match the file's
    }
}

void ValueReader::read(QList<Subnet> *out)
{
    SchemaReader reader(m_sink);
    QJsonArray allow;
    if (!reader.readArray(m_value, m_where, &allow))
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
        if (reader.readString(allow.at(i), at, &text) && !(subnet = Subnet::parse(text, &error)))
            m_sink.unreadable(at, error);
        out->append(subnet.value_or(Subnet())); // even when unreadable, so that indexes match the file's
    }
}

} // namespace

bool SchemaReader::readString(const QJsonValue &value, const RuleSetLocation &where, QString *out)
{
    if (!value.isString()) {
        m_sink.unreadable(
            where,
            message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "expected a string, got %1")).arg(describe(value)));
        return false;
    }
    *out = value.toString();
    return true;
}

bool SchemaReader::readObject(const QJsonValue &value, const RuleSetLocation &where, QJsonObject *out)
{
    if (!value.isObject()) {
        m_sink.unreadable(
            where,
            message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "expected an object, got %1")).arg(describe(value)));
        return false;
    }
    *out = value.toObject();
    return true;
}

bool SchemaReader::readArray(const QJsonValue &value, const RuleSetLocation &where, QJsonArray *out)
{
    if (!value.isArray()) {
        m_sink.unreadable(
            where,
            message(QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "expected an array, got %1")).arg(describe(value)));
        return false;
    }
    *out = value.toArray();
    return true;
}

void SchemaReader::readOtherKeys(const QJsonObject &object, const RuleSetLocation &where,
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
                m_sink.add(at, message(QT_TRANSLATE_NOOP(
                                   "PortRelay::RuleSetParser",
                                   "\"x-\" keys are kept only at the top level, in hops, in rules and in backends")));
            continue;
        }
        m_sink.unknownKey(at, JsonText::suggestion(key, known));
    }
}

template<typename Object>
void SchemaReader::readFields(const QJsonObject &object, const RuleSetLocation &where, SchemaFields<Object> fields,
                              Object *out, QJsonObject *extensions)
{
    for (const SchemaField<Object> &field : fields) {
        const QJsonValue value = object.value(field.key);
        if (value.isUndefined()) {
            if (field.presence == SchemaPresence::Required)
                m_sink.missing(where, field.key);
            continue;
        }
        ValueReader reader(m_sink, value, where.child(field.key), field);
        std::visit([&reader, out](auto member) { reader.read(&(out->*member)); }, field.member);
    }
    readOtherKeys(object, where, keysOf(fields), extensions);
}

template void SchemaReader::readFields(const QJsonObject &, const RuleSetLocation &, SchemaFields<Rule>, Rule *,
                                       QJsonObject *);
template void SchemaReader::readFields(const QJsonObject &, const RuleSetLocation &, SchemaFields<Backend>, Backend *,
                                       QJsonObject *);
template void SchemaReader::readFields(const QJsonObject &, const RuleSetLocation &, SchemaFields<HealthCheck>,
                                       HealthCheck *, QJsonObject *);
template void SchemaReader::readFields(const QJsonObject &, const RuleSetLocation &, SchemaFields<Hop>, Hop *,
                                       QJsonObject *);

} // namespace PortRelay
