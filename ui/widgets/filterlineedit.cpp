#include "ui/widgets/filterlineedit.h"

#include <QKeyEvent>

namespace PortRelay {

FilterLineEdit::FilterLineEdit(QWidget *parent)
    : QLineEdit(parent)
{}

bool FilterLineEdit::event(QEvent *event)
{
    // Escape with text to clear is this field's, not a shortcut's (a dialog's, a dock's).
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier && !text().isEmpty()) {
            event->accept();
            return true;
        }
    }
    return QLineEdit::event(event);
}

void FilterLineEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
        if (event->key() == Qt::Key_Escape && !text().isEmpty()) {
            clear();
            // The same as typing it away: textEdited, so that listeners of edits see it too.
            Q_EMIT textEdited(QString());
            return;
        }
        if (event->key() == Qt::Key_Down) {
            Q_EMIT listRequested();
            return;
        }
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace PortRelay
