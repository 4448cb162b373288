#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>

class QTimer;

namespace PortRelay {

// Measures how responsive the thread it lives on is: a timer asks to run every intervalMs, and
// each time it runs, how much later than asked is recorded. A blocked event loop shows up as one
// late tick of about the time it was blocked. Lateness goes into a fixed histogram (0.1 ms steps up
// to 2 s, the exact maximum beside it), so a probe left running for hours stays small.
class EventLoopLatencyProbe final : public QObject
{
    Q_OBJECT

public:
    struct Summary
    {
        int intervalMs = 0;
        qint64 samples = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
        double seconds = 0; // time recorded

        QJsonObject toJson() const;
    };

    explicit EventLoopLatencyProbe(int intervalMs = 5, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(EventLoopLatencyProbe)

    void start(); // clears what was recorded
    void stop();
    bool isRunning() const;
    Summary summary() const;
    // The summary as one line of JSON, replacing path atomically.
    bool writeSummary(const QString &path, QString *error = nullptr) const;

private:
    void onTick();
    double percentileMs(double fraction) const;

    static constexpr qint64 BucketUs = 100;
    static constexpr int Buckets = 20000; // 2 s; later ticks land in the last bucket

    const int m_intervalMs;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;  // since start()
    qint64 m_armedAtNs = 0; // when the timer was last started
    QList<qint64> m_histogram;
    qint64 m_samples = 0;
    qint64 m_maxUs = 0;
    qint64 m_stoppedAtMs = -1;
};

} // namespace PortRelay
