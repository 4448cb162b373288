#pragma once

#include "core/ruleset/rule.h"
#include "core/ruleset/ruleschema.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

class QSpinBox;

namespace PortRelay {

// The rule editor's numeric fields, one spin box per entry of the schema tables that has editor
// texts (SchemaUi): range, label, tool tip, unit and "0 means" text all come from the table, so a
// new numeric key appears in the editor without code here. Not a QObject: the spin boxes belong to
// the layouts the editor puts them in.
class NumberFields
{
    Q_DECLARE_TR_FUNCTIONS(NumberFields)

public:
    struct Entry
    {
        QString key;   // JSON path in the rule: "connect_timeout_ms", "health_check.rise"; the spin box's object name
        QString label; // translated, with its mnemonic and colon
        SchemaSection section = SchemaSection::None;
        QSpinBox *spin = nullptr;
        std::function<int &(Rule &)> member;
    };

    NumberFields();

    // In table order: the rule's keys, then the health check's.
    const QList<Entry> &entries() const { return m_entries; }
    QList<const Entry *> inSection(SchemaSection section) const;
    QSpinBox *spin(const QString &key) const;

    void populate(const Rule &rule) const;
    void apply(Rule &rule) const;

private:
    template<typename Object>
    void add(SchemaFields<Object> table, const QString &prefix, std::function<Object &(Rule &)> object);

    QList<Entry> m_entries;
};

} // namespace PortRelay
