#pragma once

#include <QColor>
#include <QPalette>
#include <QPointer>
#include <QWidget>

namespace PortRelay {

// A red frame drawn over an input that holds an invalid value. An overlay rather than a style
// sheet, so the input keeps its native look and size and the layout does not jump.
class ErrorFrame final : public QWidget
{
    Q_OBJECT

public:
    // Lives as a sibling of target, follows its geometry and visibility.
    explicit ErrorFrame(QWidget *target);
    Q_DISABLE_COPY_MOVE(ErrorFrame)

    void setActive(bool active);
    bool isActive() const { return m_active; }

    // Red and green readable on both light and dark palettes.
    static QColor errorColor(const QPalette &palette);
    static QColor successColor(const QPalette &palette);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void follow();

    QPointer<QWidget> m_target;
    bool m_active = false;
};

} // namespace PortRelay
