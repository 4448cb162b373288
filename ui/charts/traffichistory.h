#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QVector>

namespace PortRelay {

// The last Capacity seconds of throughput and connections, per rule and for all rules together:
// fixed-size rings, one sample pushed per snapshot, whether or not a chart shows them.
class TrafficHistory final
{
public:
    static constexpr int Capacity = 300; // 5 minutes at one sample a second

    struct Sample
    {
        double inPerSecond = 0;
        double outPerSecond = 0;
        double connections = 0;
    };

    // One tick: a sample per rule (rules not named are dropped) and the total.
    void push(const QHash<QString, Sample> &perRule, const Sample &total);
    void clear();

    // Oldest first; at most Capacity samples. An empty rule name means all rules.
    QVector<Sample> samples(const QString &rule) const;
    int ticks() const { return m_ticks; }

private:
    struct Ring
    {
        QVector<Sample> data = QVector<Sample>(Capacity);
        int next = 0;
        int size = 0;
        void push(const Sample &sample);
        QVector<Sample> ordered() const;
    };

    Ring m_total;
    QHash<QString, Ring> m_rules;
    int m_ticks = 0;
};

} // namespace PortRelay
