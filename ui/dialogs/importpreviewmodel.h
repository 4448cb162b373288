#pragma once

#include "ui/dialogs/rulesetimport.h"

#include <QAbstractTableModel>

namespace PortRelay {

// The import dialog's preview: one row per incoming rule, what happens to it and what is wrong
// with the outcome. Reads and edits a RuleSetImport owned by the caller; the rows stay the same
// when the plan changes, so refresh() is one dataChanged for the whole table.
class ImportPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        ListenColumn,
        BackendsColumn,
        StatusColumn,
        ActionColumn,
        ProblemsColumn,
        ColumnCount
    };
    enum Role
    {
        RawValueRole = Qt::UserRole, // Status as int in StatusColumn, Resolution as int in ActionColumn
    };

    explicit ImportPreviewModel(RuleSetImport *plan, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ImportPreviewModel)

    void refresh();
    static QString resolutionText(RuleSetImport::Resolution resolution);
    QString statusText(const RuleSetImport::Entry &entry) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // ActionColumn, EditRole: a RuleSetImport::Resolution as int.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    // The user changed a rule's resolution through the model.
    void planEdited();

private:
    RuleSetImport *m_plan;
};

} // namespace PortRelay
