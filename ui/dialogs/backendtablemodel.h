#pragma once

#include "core/ruleset/backend.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace PortRelay {

// The rule editor's backends, as the user types them: the address stays text until it parses, so
// that a half-typed "127.0.0.1:80" is never lost. Also carries per-row validation messages and the
// result of the last "Test backends" probe, both set by the dialog.
class BackendTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        AddressColumn,
        WeightColumn,
        BackupColumn,
        EnabledColumn,
        ViaColumn, // the hop; hidden while the rule set has none
        ProbeColumn,
        ColumnCount
    };
    enum class ProbeState
    {
        None,
        Running,
        Succeeded,
        Failed
    };
    enum Role
    {
        RawValueRole = Qt::UserRole, // the address text, the weight as int, the flags as bool
        ErrorRole,                   // the row's validation messages for that cell, "\n"-joined
    };

    struct Row
    {
        QString address; // as typed
        int weight = 1;
        bool backup = false;
        bool enabled = true;
        QString via;            // the hop it is reached through, carried through unchanged
        QJsonObject extensions; // the backend's own "x-" keys, carried through unchanged
        ProbeState probeState = ProbeState::None;
        QString probeText; // "0.4 ms", "connection refused"
        QString addressError;
        QString weightError;
    };

    explicit BackendTableModel(QObject *parent = nullptr);

    // The hops a backend may be reached through (the rule set's), and the rule's own "via", which
    // a backend that names none follows.
    void setHopChoices(const QStringList &hops, const QString &ruleVia);
    const QStringList &hopChoices() const { return m_hops; }
    // What an empty "via" means here: "direct", or "bastion (rule)".
    QString defaultViaText() const;
    Q_DISABLE_COPY_MOVE(BackendTableModel)

    static Row rowFromBackend(const Backend &backend);

    QList<Row> rows() const { return m_rows; }
    const Row &row(int index) const { return m_rows.at(index); }
    void setRows(const QList<Row> &rows);
    void appendRow();
    void appendRow(const Row &row);
    void removeRowAt(int index);
    // Moves one row by delta (-1 up, +1 down); returns false at either end.
    bool moveRowBy(int index, int delta);

    // One dataChanged for the whole table, not one per row.
    void setErrors(const QList<QString> &addressErrors, const QList<QString> &weightErrors);
    void setProbeState(int index, ProbeState state, const QString &text = QString());
    void clearProbes();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    // A value the user can edit changed (not the messages or probe results).
    void backendsEdited();

private:
    QStringList m_hops;
    QString m_ruleVia;
    QList<Row> m_rows;
};

} // namespace PortRelay
