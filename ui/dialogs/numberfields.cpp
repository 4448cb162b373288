#include "ui/dialogs/numberfields.h"

#include <QSpinBox>

#include <limits>

namespace PortRelay {

NumberFields::NumberFields()
{
    add<Rule>(RuleSchema::rule(), QString(), [](Rule &rule) -> Rule & { return rule; });
    add<HealthCheck>(RuleSchema::healthCheck(), QStringLiteral("health_check."),
                     [](Rule &rule) -> HealthCheck & { return rule.healthCheck; });
}

template<typename Object>
void NumberFields::add(SchemaFields<Object> table, const QString &prefix, std::function<Object &(Rule &)> object)
{
    for (const SchemaField<Object> &field : table) {
        const auto *member = std::get_if<int Object::*>(&field.member);
        if (!member || field.ui.section == SchemaSection::None || !field.ui.label)
            continue;
        const auto schemaText = [](const char *text) {
            return text ? QCoreApplication::translate("PortRelay::RuleSchema", text) : QString();
        };
        Entry entry;
        entry.key = prefix + field.key.toString();
        entry.label = schemaText(field.ui.label);
        entry.section = field.ui.section;
        entry.member = [object, member = *member](Rule &rule) -> int & { return object(rule).*member; };

        auto *spin = new QSpinBox;
        spin->setObjectName(entry.key);
        // One digit more than the core accepts: a spin box that silently refuses keystrokes explains
        // nothing, the core's "out of range" message under the field does, and a too-large loaded
        // value is not clamped unseen.
        const qint64 widest = qint64(field.range.max) * 10 - 1;
        spin->setRange(field.range.min, int(std::min<qint64>(widest, std::numeric_limits<int>::max())));
        if (field.ui.unit == SchemaUnit::Milliseconds)
            spin->setSuffix(tr(" ms"));
        spin->setGroupSeparatorShown(true);
        spin->setAccelerated(true);
        spin->setAlignment(Qt::AlignRight);
        if (field.range.min == 0 && field.ui.specialValue)
            spin->setSpecialValueText(schemaText(field.ui.specialValue));
        spin->setToolTip(schemaText(field.ui.toolTip));
        entry.spin = spin;
        m_entries.append(entry);
    }
}

QList<const NumberFields::Entry *> NumberFields::inSection(SchemaSection section) const
{
    QList<const Entry *> found;
    for (const Entry &entry : m_entries) {
        if (entry.section == section)
            found.append(&entry);
    }
    return found;
}

QSpinBox *NumberFields::spin(const QString &key) const
{
    for (const Entry &entry : m_entries) {
        if (entry.key == key)
            return entry.spin;
    }
    return nullptr;
}

void NumberFields::populate(const Rule &rule) const
{
    Rule copy = rule;
    for (const Entry &entry : m_entries)
        entry.spin->setValue(entry.member(copy));
}

void NumberFields::apply(Rule &rule) const
{
    for (const Entry &entry : m_entries)
        entry.member(rule) = entry.spin->value();
}

} // namespace PortRelay
