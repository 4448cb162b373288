#pragma once

#include "ui/models/ruletablemodel.h"

#include <QObject>

class QLabel;
class QStatusBar;

namespace PortRelay {

// The window's totals at the right of its status bar: rules running, open connections and
// throughput, updated with every sample.
//
// Object names: "statusRules", "statusConnections", "statusThroughput".
class StatusTotals final : public QObject
{
    Q_OBJECT

public:
    explicit StatusTotals(QStatusBar *bar);
    Q_DISABLE_COPY_MOVE(StatusTotals)

    void show(const RuleTableModel::Totals &totals);
    // The three as one line (the tray's tooltip).
    QString text() const;

private:
    QLabel *m_rules = nullptr;
    QLabel *m_connections = nullptr;
    QLabel *m_throughput = nullptr;
};

} // namespace PortRelay
