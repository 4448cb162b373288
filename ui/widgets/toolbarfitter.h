#pragma once

#include <QObject>

class QToolBar;

namespace PortRelay {

// Keeps a tool bar's widgets (the rules filter at its end) on screen: its buttons show their text
// beside the icon while all of it fits, and drop to icons alone when it would not (long translations,
// a narrow window). The width the texts need is measured again when an action or the font changes.
class ToolBarFitter final : public QObject
{
    Q_OBJECT

public:
    explicit ToolBarFitter(QToolBar *toolBar);
    Q_DISABLE_COPY_MOVE(ToolBarFitter)

    bool isCompact() const;
    int widthWithTexts() const { return m_widthWithTexts; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void measure();
    void fit();

    QToolBar *const m_toolBar;      // our parent: it outlives us
    const QObject *const m_watched; // the same, compared as an object without a cast
    int m_widthWithTexts = 0;
    bool m_measuring = false;
};

} // namespace PortRelay
