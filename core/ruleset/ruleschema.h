#pragma once

#include "core/ruleset/hop.h"
#include "core/ruleset/rule.h"
#include "core/ruleset/rulevalidator.h"

#include <QCoreApplication>
#include <QStringView>

#include <array>
#include <cstddef>
#include <utility>
#include <variant>

// The rules-file format as data: one table per kind of object (rule, backend, health check, hop) whose
// entries name the JSON key, the member it fills, how it is read and checked, and how the editor
// shows it. The parser, the writer, the validator, operator== of the value types and the editor's
// numeric fields all walk these tables, so adding a key is one entry here (plus its label's
// translation). Defaults are the members' initializers: Rule{} is a rule with every default.
// Entries are in the key order of docs/rules-format.md, which is also the order issues come in.
namespace PortRelay {

// Whether a key must be there, and whether the writer leaves it out when it holds nothing.
enum class SchemaPresence
{
    Optional,
    Required,
    OmittedWhenEmpty // absent and empty mean the same ("group", "allow", "send")
};

// How the validator checks a text: a label is one short line (names appear in menus and logs),
// prose may have line breaks and tabs. A path is a label that the parser refuses empty when given:
// leaving the key out is how a file says "the default".
enum class SchemaText
{
    Label,
    Prose,
    Path
};

// Where the editor puts a numeric field, and how it shows the value.
enum class SchemaSection
{
    None, // the editor shows the key its own way
    HealthCheck,
    Connections,
    Failover
};
enum class SchemaUnit
{
    Count,
    Milliseconds
};

// Texts for the editor; context "PortRelay::RuleSchema" (QT_TRANSLATE_NOOP), translated where shown.
struct SchemaUi
{
    const char *label = nullptr;        // with its mnemonic and colon: "&Connect timeout:"
    const char *toolTip = nullptr;      // one or two sentences
    const char *specialValue = nullptr; // what 0 means, for a spin box ("Never", "Unlimited")
    SchemaSection section = SchemaSection::None;
    SchemaUnit unit = SchemaUnit::Count;
};

template<typename Object>
struct SchemaField
{
    // Every type a key of the format holds; a member of another type does not compile into a table.
    using Member =
        std::variant<int Object::*, bool Object::*, QString Object::*, Endpoint Object::*, QByteArray Object::*,
                     Protocol Object::*, BalanceStrategy Object::*, OnDown Object::*, HealthCheck::Type Object::*,
                     Hop::Type Object::*, QList<Backend> Object::*, HealthCheck Object::*, QList<Subnet> Object::*>;

    QStringView key;
    Member member;
    SchemaPresence presence = SchemaPresence::Optional;
    RuleValidator::Range range{0, 0};  // integers: accepted values
    const char *zeroMessage = nullptr; // integers: said instead of the range when 0 is given (context RuleValidator)
    SchemaText text = SchemaText::Label;
    int maxLength = 0;       // text: most characters; 0: no limit of its own
    quint16 defaultPort = 0; // address: the port of one written without it; 0: the port is required
    SchemaUi ui;

    constexpr SchemaField(QStringView jsonKey, Member objectMember)
        : key(jsonKey)
        , member(objectMember)
    {}
    constexpr SchemaField required() const
    {
        return with([](SchemaField &f) { f.presence = SchemaPresence::Required; });
    }
    constexpr SchemaField omittedWhenEmpty() const
    {
        return with([](SchemaField &f) { f.presence = SchemaPresence::OmittedWhenEmpty; });
    }
    constexpr SchemaField inRange(RuleValidator::Range accepted, const char *whenZero = nullptr) const
    {
        return with([accepted, whenZero](SchemaField &f) {
            f.range = accepted;
            f.zeroMessage = whenZero;
        });
    }
    constexpr SchemaField textOf(SchemaText kind, int longest) const
    {
        return with([kind, longest](SchemaField &f) {
            f.text = kind;
            f.maxLength = longest;
        });
    }
    constexpr SchemaField withDefaultPort(quint16 port) const
    {
        return with([port](SchemaField &f) { f.defaultPort = port; });
    }
    constexpr SchemaField shown(SchemaUi editorUi) const
    {
        return with([editorUi](SchemaField &f) { f.ui = editorUi; });
    }

    // The member of object this entry fills, if it is of type T.
    template<typename T>
    T *get(Object &object) const
    {
        const auto *m = std::get_if<T Object::*>(&member);
        return m ? &(object.**m) : nullptr;
    }
    template<typename T>
    const T *get(const Object &object) const
    {
        const auto *m = std::get_if<T Object::*>(&member);
        return m ? &(object.**m) : nullptr;
    }

private:
    template<typename Edit>
    constexpr SchemaField with(Edit edit) const
    {
        SchemaField copy = *this;
        edit(copy);
        return copy;
    }
};

// A table, walked with range-for.
template<typename Object>
struct SchemaFields
{
    const SchemaField<Object> *first;
    std::size_t count;
    const SchemaField<Object> *begin() const { return first; }
    const SchemaField<Object> *end() const { return first + count; }
    std::size_t size() const { return count; }
    // The entry for key, or nullptr.
    const SchemaField<Object> *find(QStringView key) const;
    // Its place in the table (document order); size() for a key that is not in it.
    int rank(QStringView key) const;
};

// The names of an enumeration in rules files, and what the parser says of a name it does not know.
template<typename Enum>
struct EnumSchema;

template<>
struct EnumSchema<Protocol>
{
    static constexpr std::array<std::pair<Protocol, QStringView>, 1> names{{{Protocol::Tcp, u"tcp"}}};
    // Names that later versions take: refused with "not supported yet" rather than "unknown".
    static constexpr std::array<QStringView, 1> planned{u"udp"};
    static constexpr const char *unknown =
        QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "unknown protocol %1 (supported: %2)");
    static constexpr const char *suggested = nullptr;
    static constexpr const char *notYet =
        QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "protocol %1 is not supported yet (supported: %2)");
};

template<>
struct EnumSchema<BalanceStrategy>
{
    static constexpr std::array<std::pair<BalanceStrategy, QStringView>, 4> names{{
        {BalanceStrategy::RoundRobin, u"round_robin"},
        {BalanceStrategy::LeastConnections, u"least_connections"},
        {BalanceStrategy::SourceHash, u"source_hash"},
        {BalanceStrategy::Random, u"random"},
    }};
    static constexpr std::array<QStringView, 0> planned{};
    static constexpr const char *unknown =
        QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "unknown balance strategy %1 (supported: %2)");
    static constexpr const char *suggested =
        QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "unknown balance strategy %1 (did you mean \"%2\"?)");
    static constexpr const char *notYet = nullptr;
};

template<>
struct EnumSchema<OnDown>
{
    static constexpr std::array<std::pair<OnDown, QStringView>, 2> names{
        {{OnDown::Keep, u"keep"}, {OnDown::Close, u"close"}}};
    static constexpr std::array<QStringView, 0> planned{};
    static constexpr const char *unknown =
        QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "unknown on_down value %1 (supported: %2)");
    static constexpr const char *suggested = nullptr;
    static constexpr const char *notYet = nullptr;
};

template<>
struct EnumSchema<HealthCheck::Type>
{
    static constexpr std::array<std::pair<HealthCheck::Type, QStringView>, 2> names{
        {{HealthCheck::Type::Tcp, u"tcp"}, {HealthCheck::Type::None, u"none"}}};
    static constexpr std::array<QStringView, 0> planned{};
    static constexpr const char *unknown =
        QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "unknown health check type %1 (supported: %2)");
    static constexpr const char *suggested = nullptr;
    static constexpr const char *notYet = nullptr;
};

template<>
struct EnumSchema<Hop::Type>
{
    static constexpr std::array<std::pair<Hop::Type, QStringView>, 1> names{{{Hop::Type::Ssh, u"ssh"}}};
    static constexpr std::array<QStringView, 2> planned{u"socks5", u"http"};
    static constexpr const char *unknown =
        QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "unknown hop type %1 (supported: %2)");
    static constexpr const char *suggested = nullptr;
    static constexpr const char *notYet =
        QT_TRANSLATE_NOOP("PortRelay::RuleSetParser", "hop type %1 is not supported yet (supported: %2)");
};

namespace RuleSchema {

SchemaFields<Rule> rule();
SchemaFields<Backend> backend();
SchemaFields<HealthCheck> healthCheck();
SchemaFields<Hop> hop();
// The keys at the top of the document, in document order.
const std::array<QStringView, 3> &top();

// Field by field, over every entry of the object's table (and its "x-" keys): what operator== of
// Rule, Backend, HealthCheck and Hop is, so that no key can be left out of the comparison.
bool equal(const Rule &a, const Rule &b);
bool equal(const Backend &a, const Backend &b);
bool equal(const HealthCheck &a, const HealthCheck &b);
bool equal(const Hop &a, const Hop &b);

// The name of value in rules files, and the value of a name.
template<typename Enum>
QString name(Enum value)
{
    for (const auto &[known, text] : EnumSchema<Enum>::names) {
        if (known == value)
            return text.toString();
    }
    return {};
}
template<typename Enum>
std::optional<Enum> fromName(QStringView text)
{
    for (const auto &[value, known] : EnumSchema<Enum>::names) {
        if (known == text)
            return value;
    }
    return std::nullopt;
}
// "round_robin, least_connections, source_hash, random"
template<typename Enum>
QString names()
{
    QString out;
    for (const auto &entry : EnumSchema<Enum>::names)
        out += (out.isEmpty() ? QString() : QStringLiteral(", ")) + entry.second;
    return out;
}

} // namespace RuleSchema

} // namespace PortRelay
