#pragma once

#include "core/net/connectioninfo.h"

#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace PortRelay {

class ConnectionTableModel;
class EngineHost;

// The Connections tab: open connections of the selected rule (or of all rules), listed by the
// engine on request every RefreshMs, and only while the tab is visible. A connection can be closed.
class ConnectionsPane final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RefreshMs = 2000;

    explicit ConnectionsPane(EngineHost *host, QWidget *parent = nullptr);

    void setRule(const QString &rule);
    ConnectionTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    bool isRefreshing() const { return m_timer.isActive(); }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onConnectionsListed(const QList<PortRelay::ConnectionInfo> &connections);
    void closeSelected();
    void updateActions();

    EngineHost *m_host;
    QString m_rule;
    ConnectionTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_count = nullptr;
    QAction *m_close = nullptr;
    QTimer m_timer;
};

} // namespace PortRelay
