#include "ui/dialogs/backenddelegate.h"

#include "core/ruleset/rulevalidator.h"
#include "ui/dialogs/backendtablemodel.h"
#include "ui/dialogs/errorframe.h"

#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPainter>
#include <QSpinBox>

namespace PortRelay {

namespace {

constexpr char OriginalTextProperty[] = "portrelayOriginalText";
constexpr char IndexProperty[] = "portrelayIndex";

} // namespace

QWidget *BackendDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    if (index.column() == BackendTableModel::WeightColumn) {
        auto *spin = new QSpinBox(parent);
        spin->setRange(RuleValidator::WeightRange.min, RuleValidator::WeightRange.max);
        spin->setFrame(false);
        return spin;
    }
    if (index.column() == BackendTableModel::ViaColumn) {
        const auto *model = qobject_cast<const BackendTableModel *>(index.model());
        auto *combo = new QComboBox(parent);
        combo->addItem(model->defaultViaText(), QString());
        for (const QString &hop : model->hopChoices())
            combo->addItem(hop, hop);
        return combo;
    }
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setPlaceholderText(BackendTableModel::tr("host:port"));
        auto *self = const_cast<BackendDelegate *>(this);
        QObject::connect(line, &QLineEdit::textEdited, self, [self, line] { Q_EMIT self->commitData(line); });
        // Escape still means "as it was": keystrokes are already in the model, so put that back.
        line->setProperty(OriginalTextProperty, index.data(Qt::EditRole));
        line->setProperty(IndexProperty, QVariant::fromValue(QPersistentModelIndex(index)));
    }
    return editor;
}

bool BackendDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *line = qobject_cast<QLineEdit *>(object);
    if (line && event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        const auto index = line->property(IndexProperty).value<QPersistentModelIndex>();
        if (index.isValid()) {
            auto *model = const_cast<QAbstractItemModel *>(index.model());
            model->setData(index, line->property(OriginalTextProperty), Qt::EditRole);
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

void BackendDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(qMax(0, combo->findData(index.data(Qt::EditRole).toString())));
        return;
    }
    // The model echoes each committed keystroke back; resetting the text would move the cursor.
    if (auto *line = qobject_cast<QLineEdit *>(editor); line && line->text() == index.data(Qt::EditRole).toString())
        return;
    QStyledItemDelegate::setEditorData(editor, index);
}

void BackendDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

void BackendDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    if (index.data(BackendTableModel::ErrorRole).toString().isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(ErrorFrame::errorColor(option.palette), 1.5));
    painter->drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 2, 2);
    painter->restore();
}

void BackendDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != BackendTableModel::ProbeColumn)
        return;
    const auto state = BackendTableModel::ProbeState(index.data(BackendTableModel::RawValueRole).toInt());
    if (state == BackendTableModel::ProbeState::Succeeded)
        option->palette.setColor(QPalette::Text, ErrorFrame::successColor(option->palette));
    else if (state == BackendTableModel::ProbeState::Failed)
        option->palette.setColor(QPalette::Text, ErrorFrame::errorColor(option->palette));
}

} // namespace PortRelay
