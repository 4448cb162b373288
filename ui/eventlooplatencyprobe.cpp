#include "ui/eventlooplatencyprobe.h"

#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

#include <cmath>

namespace PortRelay {

QJsonObject EventLoopLatencyProbe::Summary::toJson() const
{
    const auto ms = [](double value) { return std::round(value * 100.0) / 100.0; };
    return QJsonObject{
        {QStringLiteral("interval_ms"), intervalMs}, {QStringLiteral("samples"), samples},
        {QStringLiteral("seconds"), ms(seconds)},    {QStringLiteral("p50_ms"), ms(p50Ms)},
        {QStringLiteral("p99_ms"), ms(p99Ms)},       {QStringLiteral("max_ms"), ms(maxMs)},
    };
}

EventLoopLatencyProbe::EventLoopLatencyProbe(int intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(intervalMs)
    , m_timer(new QTimer(this))
    , m_histogram(Buckets, 0)
{
    // Coarse timers may fire up to 5% early or late by design; that would be noise here.
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &EventLoopLatencyProbe::onTick);
}

void EventLoopLatencyProbe::start()
{
    m_histogram.fill(0);
    m_samples = 0;
    m_maxUs = 0;
    m_stoppedAtMs = -1;
    m_clock.start();
    m_armedAtNs = 0;
    m_timer->start(m_intervalMs);
}

void EventLoopLatencyProbe::stop()
{
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    m_stoppedAtMs = m_clock.elapsed();
}

bool EventLoopLatencyProbe::isRunning() const
{
    return m_timer->isActive();
}

void EventLoopLatencyProbe::onTick()
{
    const qint64 nowNs = m_clock.nsecsElapsed();
    const qint64 lateUs = std::max<qint64>(0, (nowNs - m_armedAtNs) / 1000 - qint64(m_intervalMs) * 1000);
    ++m_histogram[int(std::min<qint64>(lateUs / BucketUs, Buckets - 1))];
    ++m_samples;
    m_maxUs = std::max(m_maxUs, lateUs);
    // Re-armed from now, not from the missed deadline: one block is one late sample, not a burst.
    m_armedAtNs = m_clock.nsecsElapsed();
    m_timer->start(m_intervalMs);
}

double EventLoopLatencyProbe::percentileMs(double fraction) const
{
    if (m_samples == 0)
        return 0;
    const qint64 rank = std::max<qint64>(1, qint64(std::ceil(fraction * double(m_samples))));
    qint64 seen = 0;
    for (int bucket = 0; bucket < Buckets; ++bucket) {
        seen += m_histogram[bucket];
        if (seen >= rank) {
            // The bucket's upper edge, never above the exact maximum.
            return std::min(double((bucket + 1) * BucketUs), double(m_maxUs)) / 1000.0;
        }
    }
    return double(m_maxUs) / 1000.0;
}

EventLoopLatencyProbe::Summary EventLoopLatencyProbe::summary() const
{
    Summary s;
    s.intervalMs = m_intervalMs;
    s.samples = m_samples;
    s.p50Ms = percentileMs(0.50);
    s.p99Ms = percentileMs(0.99);
    s.maxMs = double(m_maxUs) / 1000.0;
    if (m_clock.isValid())
        s.seconds = double(m_stoppedAtMs >= 0 ? m_stoppedAtMs : m_clock.elapsed()) / 1000.0;
    return s;
}

bool EventLoopLatencyProbe::writeSummary(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(summary().toJson()).toJson(QJsonDocument::Compact) + '\n');
        if (file.commit())
            return true;
    }
    if (error)
        *error = file.errorString();
    return false;
}

} // namespace PortRelay
