#include "ui/charts/traffichistory.h"

#include <algorithm>

namespace PortRelay {

void TrafficHistory::Ring::push(const Sample &sample)
{
    data[next] = sample;
    next = (next + 1) % Capacity;
    size = qMin(size + 1, int(Capacity));

    const int last = (bucketNext - 1 + BucketCapacity) % BucketCapacity;
    if (bucketSize == 0 || buckets[last].count == BucketSeconds) {
        buckets[bucketNext] = Bucket();
        bucketNext = (bucketNext + 1) % BucketCapacity;
        bucketSize = qMin(bucketSize + 1, int(BucketCapacity));
    }
    Bucket &b = buckets[(bucketNext - 1 + BucketCapacity) % BucketCapacity];
    b.inSum += sample.inPerSecond;
    b.outSum += sample.outPerSecond;
    b.inPeak = b.count == 0 ? sample.inPerSecond : std::max(b.inPeak, sample.inPerSecond);
    b.outPeak = b.count == 0 ? sample.outPerSecond : std::max(b.outPeak, sample.outPerSecond);
    b.connectionsPeak = b.count == 0 ? sample.connections : std::max(b.connectionsPeak, sample.connections);
    ++b.count;
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

QVector<TrafficHistory::Point> TrafficHistory::Ring::bucketPoints(int rangeSeconds) const
{
    QVector<Point> out;
    int covered = 0;
    for (int i = 0; i < bucketSize && covered < rangeSeconds; ++i) {
        const Bucket &b = buckets[(bucketNext - 1 - i + 2 * BucketCapacity) % BucketCapacity];
        out.append(Point{b.count, b.inSum / b.count, b.outSum / b.count, b.connectionsPeak, b.inPeak, b.outPeak});
        covered += b.count;
    }
    std::reverse(out.begin(), out.end());
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

const TrafficHistory::Ring *TrafficHistory::ring(const QString &rule) const
{
    if (rule.isEmpty())
        return &m_total;
    const auto it = m_rules.constFind(rule);
    return it == m_rules.constEnd() ? nullptr : &*it;
}

QVector<TrafficHistory::Sample> TrafficHistory::samples(const QString &rule) const
{
    const Ring *r = ring(rule);
    return r ? r->ordered() : QVector<Sample>();
}

QVector<TrafficHistory::Point> TrafficHistory::points(const QString &rule, int rangeSeconds) const
{
    const Ring *r = ring(rule);
    if (!r)
        return {};
    if (rangeSeconds > Capacity)
        return r->bucketPoints(qMin(rangeSeconds, int(MaxRangeSeconds)));
    QVector<Sample> recent = r->ordered();
    if (recent.size() > rangeSeconds)
        recent.remove(0, recent.size() - rangeSeconds);
    QVector<Point> out;
    out.reserve(recent.size());
    for (const Sample &s : recent)
        out.append(Point{1, s.inPerSecond, s.outPerSecond, s.connections, s.inPerSecond, s.outPerSecond});
    return out;
}

int TrafficHistory::storedEntries() const
{
    int total = int(m_total.data.size() + m_total.buckets.size());
    for (const Ring &r : m_rules)
        total += int(r.data.size() + r.buckets.size());
    return total;
}

} // namespace PortRelay
