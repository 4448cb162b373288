#pragma once

#include <QStyle>
#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace PortRelay {

// A notice under a field: a small standard icon and a wrapped sentence that can be selected,
// perhaps followed by a widget (a button that offers the way out). A base for notices that come and
// go on their own: ListenPortNotice is a row rather than holding one, since a widget between the
// field's box and the row changes how the form shares out its height.
class NoticeRow : public QWidget
{
    Q_OBJECT

public:
    explicit NoticeRow(QStyle::StandardPixmap icon, const QString &text = QString(), QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(NoticeRow)

    QLabel *label() const { return m_label; }
    // After the sentence, aligned with its first line; becomes a child of the row.
    void addTrailing(QWidget *widget);

private:
    QHBoxLayout *m_layout = nullptr;
    QLabel *m_label = nullptr;
};

} // namespace PortRelay
