#pragma once

#include "core/ruleset/issuesink.h"
#include "core/ruleset/ruleschema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <vector>

namespace PortRelay {

// Reads JSON values into the value types by their schema tables (RuleSchema): each value is checked
// for the type its entry holds, and every problem goes to the sink, which also remembers what could
// not be read. What the document looks like as a whole is RuleSetParser's. Internal to core/ruleset.
class SchemaReader
{
public:
    explicit SchemaReader(IssueSink &sink)
        : m_sink(sink)
    {}

    // The value as a string, an object or an array; false, with an issue, when it is not one.
    bool readString(const QJsonValue &value, const RuleSetLocation &where, QString *out);
    bool readObject(const QJsonValue &value, const RuleSetLocation &where, QJsonObject *out);
    bool readArray(const QJsonValue &value, const RuleSetLocation &where, QJsonArray *out);

    // Reports unknown keys of object and keeps its "x-" keys in *extensions (when that level has
    // them: nullptr where it has none).
    void readOtherKeys(const QJsonObject &object, const RuleSetLocation &where, const std::vector<QStringView> &known,
                       QJsonObject *extensions);

    // Reads every key of object that the table has, then reports the others. For the tables of
    // RuleSchema: Rule, Backend, HealthCheck and Hop.
    template<typename Object>
    void readFields(const QJsonObject &object, const RuleSetLocation &where, SchemaFields<Object> fields, Object *out,
                    QJsonObject *extensions);

    // The keys of a table, for readOtherKeys().
    template<typename Object>
    static std::vector<QStringView> keysOf(SchemaFields<Object> fields)
    {
        std::vector<QStringView> keys;
        keys.reserve(fields.size());
        for (const SchemaField<Object> &field : fields)
            keys.push_back(field.key);
        return keys;
    }

private:
    IssueSink &m_sink;
};

} // namespace PortRelay
