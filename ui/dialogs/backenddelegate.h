#pragma once

#include <QStyledItemDelegate>

namespace PortRelay {

// The rule editor's backends table (BackendTableModel): address cells commit on every keystroke,
// so the rule validates as the user types in the table too, and Escape puts back the text the
// cell had when its editor opened. Weights get a spin box within the validator's range; a cell
// with a validation message is framed in red, and the probe column says green or red how the
// last test went.
class BackendDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    Q_DISABLE_COPY_MOVE(BackendDelegate)

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool eventFilter(QObject *object, QEvent *event) override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace PortRelay
