#include "ui/widgets/toolbarfitter.h"

#include <QEvent>
#include <QToolBar>

namespace PortRelay {

ToolBarFitter::ToolBarFitter(QToolBar *toolBar)
    : QObject(toolBar)
    , m_toolBar(toolBar)
{
    toolBar->installEventFilter(this);
    measure();
    fit();
}

bool ToolBarFitter::isCompact() const
{
    return m_toolBar && m_toolBar->toolButtonStyle() == Qt::ToolButtonIconOnly;
}

bool ToolBarFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_toolBar && !m_measuring) {
        switch (event->type()) {
        case QEvent::Resize:
        case QEvent::Show:
            fit();
            break;
        case QEvent::ActionAdded:
        case QEvent::ActionChanged:
        case QEvent::ActionRemoved:
        case QEvent::FontChange:
        case QEvent::LanguageChange:
        case QEvent::StyleChange:
            measure();
            fit();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

void ToolBarFitter::measure()
{
    // The tool bar's size hint with texts shown, whichever way it shows them now.
    m_measuring = true;
    const Qt::ToolButtonStyle current = m_toolBar->toolButtonStyle();
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_widthWithTexts = m_toolBar->sizeHint().width();
    m_toolBar->setToolButtonStyle(current);
    m_measuring = false;
}

void ToolBarFitter::fit()
{
    const Qt::ToolButtonStyle wanted =
        m_toolBar->width() >= m_widthWithTexts ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly;
    if (m_toolBar->toolButtonStyle() != wanted) {
        m_measuring = true; // the change's own events need no second look
        m_toolBar->setToolButtonStyle(wanted);
        m_measuring = false;
    }
}

} // namespace PortRelay
