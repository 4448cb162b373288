#pragma once

#include <QWidget>

class QComboBox;
class QTableView;

namespace PortRelay {

class EventLogFilterModel;
class EventLogModel;

// The Events tab: the event log, filtered by rule and severity; selected rows copy as text.
class EventLogPane final : public QWidget
{
    Q_OBJECT

public:
    explicit EventLogPane(EventLogModel *model, QWidget *parent = nullptr);

    // The rule names offered by the rule filter.
    void setRuleNames(const QStringList &names);
    EventLogFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_view; }
    void copySelection() const;

private:
    EventLogModel *m_model;
    EventLogFilterModel *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_rule = nullptr;
    QComboBox *m_severity = nullptr;
};

} // namespace PortRelay
