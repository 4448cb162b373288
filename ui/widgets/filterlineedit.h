#pragma once

#include <QLineEdit>

namespace PortRelay {

// A search field as people expect one: Escape clears it, Down leaves it for the list it filters
// (listRequested; the window moves the focus there).
class FilterLineEdit final : public QLineEdit
{
    Q_OBJECT

public:
    explicit FilterLineEdit(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(FilterLineEdit)

Q_SIGNALS:
    void listRequested();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace PortRelay
