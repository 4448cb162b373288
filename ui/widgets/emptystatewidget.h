#pragma once

#include <QWidget>

namespace PortRelay {

// What the window shows instead of an empty table: what a rule is, and the two ways to get one.
class EmptyStateWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);

Q_SIGNALS:
    void createRequested();
    void importRequested();
};

} // namespace PortRelay
