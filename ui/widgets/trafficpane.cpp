#include "ui/widgets/trafficpane.h"

#include "ui/charts/trafficchart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace PortRelay {

TrafficPane::TrafficPane(const TrafficHistory *history, QWidget *parent)
    : QWidget(parent)
{
    m_chart = new TrafficChart(history, this);
    m_chart->setObjectName(QStringLiteral("trafficChart"));

    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("chartSource"));
    m_source->addItem(tr("Selected rule"), false);
    m_source->addItem(tr("All rules"), true);
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("chartRange"));
    m_range->addItem(tr("Last minute"), 60);
    m_range->addItem(tr("Last 5 minutes"), 300);
    m_range->addItem(tr("Last 15 minutes"), 900);
    m_range->addItem(tr("Last hour"), 3600);
    m_range->setCurrentIndex(m_range->findData(300));

    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        updateSource();
        Q_EMIT settingsChanged();
    });
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        m_chart->setRangeSeconds(m_range->currentData().toInt());
        Q_EMIT settingsChanged();
    });

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(4, 4, 4, 0);
    auto *sourceLabel = new QLabel(tr("&Show:"), this);
    sourceLabel->setBuddy(m_source);
    controls->addWidget(sourceLabel);
    controls->addWidget(m_source);
    controls->addSpacing(12);
    controls->addWidget(m_range);
    controls->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(controls);
    layout->addWidget(m_chart, 1);
    updateSource();
}

void TrafficPane::setSelectedRule(const QString &rule)
{
    m_selectedRule = rule;
    updateSource();
}

void TrafficPane::setShowsAllRules(bool all)
{
    m_source->setCurrentIndex(all ? 1 : 0);
}

bool TrafficPane::showsAllRules() const
{
    return m_source->currentData().toBool();
}

void TrafficPane::setRangeSeconds(int seconds)
{
    const int index = m_range->findData(seconds);
    m_range->setCurrentIndex(index >= 0 ? index : m_range->findData(300));
}

int TrafficPane::rangeSeconds() const
{
    return m_range->currentData().toInt();
}

void TrafficPane::updateSource()
{
    // With no rule selected the only sensible view is the total.
    m_chart->setRule(showsAllRules() ? QString() : m_selectedRule);
}

} // namespace PortRelay
