#include "ui/charts/trafficchart.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace PortRelay {

namespace {

// 1, 2, 2.5, 5 times a power of ten: axis ends that divide into readable ticks.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

const QColor InColour(0x2f, 0x7e, 0xd8);
const QColor OutColour(0xe0, 0x7b, 0x1a);

} // namespace

TrafficChart::TrafficChart(const TrafficHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
{
    m_chart = new QChart();
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);

    m_in = new QLineSeries(m_chart);
    m_in->setName(tr("In (from clients)"));
    m_out = new QLineSeries(m_chart);
    m_out->setName(tr("Out (to clients)"));
    m_connections = new QLineSeries(m_chart);
    m_connections->setName(tr("Active connections"));
    m_inPeak = new QLineSeries(m_chart);
    m_inPeak->setName(tr("In, busiest second"));
    m_outPeak = new QLineSeries(m_chart);
    m_outPeak->setName(tr("Out, busiest second"));
    m_chart->addSeries(m_in);
    m_chart->addSeries(m_out);
    m_chart->addSeries(m_inPeak);
    m_chart->addSeries(m_outPeak);
    m_chart->addSeries(m_connections);

    m_time = new QValueAxis(m_chart);
    m_time->setTitleText(tr("Time"));
    m_rate = new QValueAxis(m_chart);
    m_rate->setLabelFormat(QStringLiteral("%.4g"));
    m_rate->setTickCount(5);
    m_count = new QValueAxis(m_chart);
    m_count->setLabelFormat(QStringLiteral("%.0f"));
    m_count->setTickCount(5);
    m_count->setTitleText(tr("Connections"));
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_rate, Qt::AlignLeft);
    m_chart->addAxis(m_count, Qt::AlignRight);
    for (QLineSeries *series : {m_in, m_out, m_inPeak, m_outPeak, m_connections})
        series->attachAxis(m_time);
    for (QLineSeries *series : {m_in, m_out, m_inPeak, m_outPeak})
        series->attachAxis(m_rate);
    m_connections->attachAxis(m_count);
    m_count->setGridLineVisible(false);

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    applyPalette();
    setRangeSeconds(m_rangeSeconds);
}

TrafficChart::~TrafficChart() = default;

void TrafficChart::setRule(const QString &rule)
{
    m_rule = rule;
    m_stale = true;
    refresh();
}

void TrafficChart::setRangeSeconds(int seconds)
{
    m_rangeSeconds = qBound(10, seconds, int(TrafficHistory::MaxRangeSeconds));
    const bool minutes = m_rangeSeconds > TrafficHistory::Capacity;
    //: printf formats of the time axis' labels, in seconds or minutes ago
    m_time->setLabelFormat(minutes ? tr("%.0f min") : tr("%.0f s"));
    const int span = minutes ? m_rangeSeconds / 60 : m_rangeSeconds;
    m_time->setRange(-span, 0);
    // A grid line every 10 s for a minute, 30 s up to two, a minute up to five, then 5 or 10 minutes.
    const int step = minutes ? (span <= 15 ? 5 : 10) : m_rangeSeconds <= 60 ? 10 : m_rangeSeconds <= 120 ? 30 : 60;
    m_time->setTickCount(span % step == 0 ? span / step + 1 : 7);
    for (QLineSeries *peak : {m_inPeak, m_outPeak})
        peak->setVisible(minutes);
    for (QLegendMarker *marker : m_chart->legend()->markers()) {
        if (marker->series() == m_inPeak || marker->series() == m_outPeak)
            marker->setVisible(minutes);
    }
    m_stale = true;
    refresh();
}

bool TrafficChart::canBeSeen() const
{
    return isVisible() && !window()->isMinimized();
}

void TrafficChart::refresh()
{
    if (!canBeSeen()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    ++m_refreshCount;

    const QVector<TrafficHistory::Point> samples = m_history->points(m_rule, m_rangeSeconds);
    // Past five minutes a point stands for a bucket of seconds: its line is the mean rate (the bytes
    // it moved), the dotted one its busiest second, and the axis makes room for the peaks.
    const bool bucketed = m_rangeSeconds > TrafficHistory::Capacity;
    double maxRate = 0;
    double maxConnections = 0;
    for (const TrafficHistory::Point &p : samples) {
        maxRate = qMax(maxRate, qMax(p.inPeak, p.outPeak));
        maxConnections = qMax(maxConnections, p.connections);
    }
    static const char *const units[] = {QT_TR_NOOP("B/s"), QT_TR_NOOP("KiB/s"), QT_TR_NOOP("MiB/s"),
                                        QT_TR_NOOP("GiB/s")};
    int unit = 0;
    double divisor = 1;
    while (unit < 3 && maxRate / divisor >= 1024) {
        divisor *= 1024;
        ++unit;
    }

    QList<QPointF> in;
    QList<QPointF> out;
    QList<QPointF> inPeak;
    QList<QPointF> outPeak;
    QList<QPointF> connections;
    in.reserve(samples.size());
    out.reserve(samples.size());
    connections.reserve(samples.size());
    const double xScale = bucketed ? 60.0 : 1.0;
    // x: how long ago each point ended, the newest at 0.
    int ago = 0;
    QVector<double> xs(samples.size());
    for (qsizetype i = samples.size() - 1; i >= 0; --i) {
        xs[i] = -ago / xScale;
        ago += samples[i].seconds;
    }
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const TrafficHistory::Point &p = samples[i];
        in.append(QPointF(xs[i], p.inPerSecond / divisor));
        out.append(QPointF(xs[i], p.outPerSecond / divisor));
        connections.append(QPointF(xs[i], p.connections));
        if (bucketed) {
            inPeak.append(QPointF(xs[i], p.inPeak / divisor));
            outPeak.append(QPointF(xs[i], p.outPeak / divisor));
        }
    }
    m_in->replace(in);
    m_out->replace(out);
    m_inPeak->replace(inPeak);
    m_outPeak->replace(outPeak);
    m_connections->replace(connections);

    m_rate->setRange(0, niceCeiling(maxRate / divisor * 1.1));
    m_rate->setTitleText(tr("Throughput (%1)").arg(tr(units[unit])));
    m_count->setRange(0, qMax(4.0, std::ceil(maxConnections * 1.1 / 4) * 4));
}

QList<QPointF> TrafficChart::points(Series series) const
{
    switch (series) {
    case Series::In:
        return m_in->points();
    case Series::Out:
        return m_out->points();
    case Series::Connections:
        return m_connections->points();
    case Series::InPeak:
        return m_inPeak->points();
    case Series::OutPeak:
        return m_outPeak->points();
    }
    return {};
}

void TrafficChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void TrafficChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TrafficChart::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    m_chart->setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));
    const QColor grid = pal.color(QPalette::Mid);
    for (QValueAxis *axis : {m_time, m_rate, m_count}) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setTitleBrush(pal.color(QPalette::Text));
        axis->setLinePenColor(grid);
        axis->setGridLineColor(dark ? grid.darker(130) : grid.lighter(125));
    }
    m_in->setPen(QPen(dark ? InColour.lighter(135) : InColour, 2));
    m_out->setPen(QPen(dark ? OutColour.lighter(120) : OutColour, 2));
    m_inPeak->setPen(QPen(dark ? InColour.lighter(135) : InColour, 1, Qt::DotLine));
    m_outPeak->setPen(QPen(dark ? OutColour.lighter(120) : OutColour, 1, Qt::DotLine));
    m_connections->setPen(QPen(pal.color(QPalette::Text), 1.5, Qt::DashLine));
}

} // namespace PortRelay
