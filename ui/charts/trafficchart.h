#pragma once

#include "ui/charts/traffichistory.h"

#include <QList>
#include <QPointF>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace PortRelay {

// The one class that knows Qt Charts (deprecated from Qt 6.10 in favour of Qt Graphs, so a swap
// touches only this file): throughput in and out and active connections over the last minutes, up to an hour.
// It reads a TrafficHistory; refresh() replaces each series' points at once (no appending), and
// does nothing while the chart cannot be seen: the next show catches up.
class TrafficChart final : public QWidget
{
    Q_OBJECT

public:
    enum class Series
    {
        In,
        Out,
        Connections,
        InPeak, // ranges past five minutes only
        OutPeak,
    };

    explicit TrafficChart(const TrafficHistory *history, QWidget *parent = nullptr);
    ~TrafficChart() override;
    Q_DISABLE_COPY_MOVE(TrafficChart)

    // Which rule to show; empty: all rules.
    void setRule(const QString &rule);
    QString rule() const { return m_rule; }
    void setRangeSeconds(int seconds);
    int rangeSeconds() const { return m_rangeSeconds; }

    // Call once a second after the history got its sample.
    void refresh();

    // For tests: the points as shown (throughput scaled to the axis unit).
    QList<QPointF> points(Series series) const;
    int refreshCount() const { return m_refreshCount; }

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    bool canBeSeen() const;
    void applyPalette();

    const TrafficHistory *m_history;
    QString m_rule;
    int m_rangeSeconds = TrafficHistory::Capacity;
    bool m_stale = true;
    int m_refreshCount = 0;

    QChartView *m_view = nullptr;
    QChart *m_chart = nullptr; // owned by m_view
    QLineSeries *m_in = nullptr;
    QLineSeries *m_out = nullptr;
    QLineSeries *m_connections = nullptr;
    QLineSeries *m_inPeak = nullptr;
    QLineSeries *m_outPeak = nullptr;
    QValueAxis *m_time = nullptr;
    QValueAxis *m_rate = nullptr;
    QValueAxis *m_count = nullptr;
};

} // namespace PortRelay
