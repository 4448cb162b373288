#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QVector>

namespace PortRelay {

// Throughput and connections per rule and for all rules together, in fixed memory whether or not a
// chart shows them: the last Capacity seconds one sample a second, and the last hour in buckets of
// BucketSeconds that keep the bytes (sums) and the peaks of the seconds they stand for.
class TrafficHistory final
{
public:
    static constexpr int Capacity = 300; // 5 minutes at one sample a second
    static constexpr int BucketSeconds = 10;
    static constexpr int MaxRangeSeconds = 3600;
    static constexpr int BucketCapacity = MaxRangeSeconds / BucketSeconds + 1; // and the one filling

    struct Sample
    {
        double inPerSecond = 0;
        double outPerSecond = 0;
        double connections = 0;
    };
    // What a chart draws: the mean rate over seconds (so rate × seconds is the bytes moved), the
    // highest one-second rates within, and the most connections seen.
    struct Point
    {
        int seconds = 1;
        double inPerSecond = 0;
        double outPerSecond = 0;
        double connections = 0;
        double inPeak = 0;
        double outPeak = 0;
    };

    // One tick: a sample per rule (rules not named are dropped) and the total.
    void push(const QHash<QString, Sample> &perRule, const Sample &total);
    void clear();

    // Oldest first; at most Capacity samples. An empty rule name means all rules.
    QVector<Sample> samples(const QString &rule) const;
    // Oldest first, covering the last rangeSeconds as far as known: one point a second up to
    // Capacity seconds, buckets beyond (the newest possibly still filling).
    QVector<Point> points(const QString &rule, int rangeSeconds) const;
    int ticks() const { return m_ticks; }
    // Samples and buckets held, for all rings: bounded by (Capacity + BucketCapacity) × (rules + 1).
    int storedEntries() const;

private:
    struct Bucket
    {
        double inSum = 0;
        double outSum = 0;
        double inPeak = 0;
        double outPeak = 0;
        double connectionsPeak = 0;
        int count = 0;
    };
    struct Ring
    {
        QVector<Sample> data = QVector<Sample>(Capacity);
        int next = 0;
        int size = 0;
        QVector<Bucket> buckets = QVector<Bucket>(BucketCapacity);
        int bucketNext = 0;
        int bucketSize = 0;
        void push(const Sample &sample);
        QVector<Sample> ordered() const;
        QVector<Point> bucketPoints(int rangeSeconds) const;
    };

    const Ring *ring(const QString &rule) const;

    Ring m_total;
    QHash<QString, Ring> m_rules;
    int m_ticks = 0;
};

} // namespace PortRelay
