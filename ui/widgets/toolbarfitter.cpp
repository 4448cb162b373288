#include "ui/widgets/toolbarfitter.h"

#include <QEvent>
#include <QToolBar>

namespace PortRelay {

ToolBarFitter::ToolBarFitter(QToolBar *toolBar)
    : QObject(toolBar)
    , m_toolBar(toolBar)
    , m_watched(toolBar)
{
    toolBar->installEventFilter(this);
    measure();
    fit();
}

bool ToolBarFitter::isCompact() const
{
    return m_toolBar->toolButtonStyle() == Qt::ToolButtonIconOnly;
}

bool ToolBarFitter::eventFilter(QObject *watched, QEvent *event)
{
    // While the tool bar is being destroyed (its widgets released from ~QWidget) it is no tool bar
    // any more: the cast fails there, and nothing is measured on it.
    if (watched == m_watched && !m_measuring && qobject_cast<QToolBar *>(watched)) {
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
