#include "ui/dialogs/noticerow.h"

#include <QHBoxLayout>
#include <QLabel>

namespace PortRelay {

NoticeRow::NoticeRow(QStyle::StandardPixmap icon, const QString &text, QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
    , m_label(new QLabel(text))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    auto *iconLabel = new QLabel;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    iconLabel->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    iconLabel->setAlignment(Qt::AlignTop);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout->addWidget(iconLabel, 0, Qt::AlignTop);
    m_layout->addWidget(m_label, 1);
}

void NoticeRow::addTrailing(QWidget *widget)
{
    m_layout->addWidget(widget, 0, Qt::AlignTop);
}

} // namespace PortRelay
