#pragma once

#include <QWidget>

class QComboBox;

namespace PortRelay {

class TrafficChart;
class TrafficHistory;

// The Traffic tab: the chart, and what it shows (the selected rule or all rules, over how long).
class TrafficPane final : public QWidget
{
    Q_OBJECT

public:
    explicit TrafficPane(const TrafficHistory *history, QWidget *parent = nullptr);

    TrafficChart *chart() const { return m_chart; }
    void setSelectedRule(const QString &rule);
    void setShowsAllRules(bool all);
    bool showsAllRules() const;
    void setRangeSeconds(int seconds);
    int rangeSeconds() const;

Q_SIGNALS:
    void settingsChanged();

private:
    void updateSource();

    TrafficChart *m_chart = nullptr;
    QComboBox *m_source = nullptr;
    QComboBox *m_range = nullptr;
    QString m_selectedRule;
};

} // namespace PortRelay
