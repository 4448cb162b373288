#pragma once

#include <QWidget>

class QAction;
class QSortFilterProxyModel;
class QTableView;

namespace PortRelay {

class BackendStatusModel;

// The Backends tab: the selected rule's backends with their live state, and what can be done to
// one: drain and undrain (engine only), disable and enable (saved in the rule), check now.
class BackendsPane final : public QWidget
{
    Q_OBJECT

public:
    explicit BackendsPane(BackendStatusModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    // The selected backend's index in the rule, or -1.
    int currentBackend() const;

Q_SIGNALS:
    void drainRequested(const QString &rule, int backend, bool draining);
    void enableRequested(const QString &rule, int backend, bool enabled);
    void checkRequested(const QString &rule, int backend);

private:
    void updateActions();

    BackendStatusModel *m_model;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QAction *m_drain = nullptr;
    QAction *m_undrain = nullptr;
    QAction *m_disable = nullptr;
    QAction *m_enable = nullptr;
    QAction *m_check = nullptr;
};

} // namespace PortRelay
