#include "ui/dialogs/errorframe.h"

#include <QEvent>
#include <QPainter>

namespace PortRelay {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

ErrorFrame::ErrorFrame(QWidget *target)
    : QWidget(target->parentWidget())
    , m_target(target)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    target->installEventFilter(this);
    hide();
}

void ErrorFrame::setActive(bool active)
{
    m_active = active;
    follow();
}

QColor ErrorFrame::errorColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

QColor ErrorFrame::successColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x7b, 0xd8, 0x8f) : QColor(0x1b, 0x7a, 0x33);
}

bool ErrorFrame::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_target) {
        switch (event->type()) {
        case QEvent::Move:
        case QEvent::Resize:
        case QEvent::Show:
        case QEvent::Hide:
            follow();
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ErrorFrame::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(errorColor(palette()), 1.5);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.75, 0.75, -0.75, -0.75), 3, 3);
}

void ErrorFrame::follow()
{
    if (!m_target || !m_active || m_target->isHidden()) {
        hide();
        return;
    }
    setGeometry(m_target->geometry().adjusted(-1, -1, 1, 1));
    show();
    raise();
}

} // namespace PortRelay
