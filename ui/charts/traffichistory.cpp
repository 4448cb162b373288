#include "ui/charts/traffichistory.h"

namespace PortRelay {

void TrafficHistory::Ring::push(const Sample &sample)
{
    data[next] = sample;
    next = (next + 1) % Capacity;
    size = qMin(size + 1, int(Capacity));
}

QVector<TrafficHistory::Sample> TrafficHistory::Ring::ordered() const
{
    QVector<Sample> out;
    out.reserve(size);
    const int start = (next - size + Capacity) % Capacity;
    for (int i = 0; i < size; ++i)
        out.append(data[(start + i) % Capacity]);
    return out;
}

void TrafficHistory::push(const QHash<QString, Sample> &perRule, const Sample &total)
{
    for (auto it = m_rules.begin(); it != m_rules.end();) {
        if (perRule.contains(it.key()))
            ++it;
        else
            it = m_rules.erase(it);
    }
    for (auto it = perRule.constBegin(); it != perRule.constEnd(); ++it)
        m_rules[it.key()].push(it.value());
    m_total.push(total);
    ++m_ticks;
}

void TrafficHistory::clear()
{
    m_rules.clear();
    m_total = Ring();
    m_ticks = 0;
}

QVector<TrafficHistory::Sample> TrafficHistory::samples(const QString &rule) const
{
    if (rule.isEmpty())
        return m_total.ordered();
    const auto it = m_rules.constFind(rule);
    return it == m_rules.constEnd() ? QVector<Sample>() : it->ordered();
}

} // namespace PortRelay
