// The rule editor's backends model on its own, under QAbstractItemModelTester: rows in and out,
// edits, moves, errors and the probe column.

#include "ruleeditorfixture.h"
#include "ui/dialogs/backendtablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace PortRelay;
using namespace PortRelay::Test;
using namespace Qt::Literals::StringLiterals;

class tst_BackendTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backendModel();
    void viaColumn();
};

void tst_BackendTableModel::viaColumn()
{
    BackendTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendRow(
        BackendTableModel::rowFromBackend(Backend{endpoint(u"db-1.internal:5432"_s), 1, false, true, u"inner"_s, {}}));
    model.appendRow(BackendTableModel::rowFromBackend(Backend{endpoint(u"127.0.0.1:5432"_s), 1, true, true, {}, {}}));
    const QModelIndex inner = model.index(0, BackendTableModel::ViaColumn);
    const QModelIndex none = model.index(1, BackendTableModel::ViaColumn);
    QCOMPARE(model.headerData(BackendTableModel::ViaColumn, Qt::Horizontal).toString(), u"Via"_s);
    QCOMPARE(inner.data().toString(), u"inner"_s);
    QCOMPARE(none.data().toString(), u"direct"_s);
    QVERIFY(!(model.flags(none) & Qt::ItemIsEditable)); // no hops to choose from

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setHopChoices({u"bastion"_s, u"inner"_s}, u"bastion"_s);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(none.data().toString(), u"bastion (rule)"_s); // follows the rule's hop
    QCOMPARE(none.data(Qt::EditRole).toString(), QString());
    QVERIFY(model.flags(none) & Qt::ItemIsEditable);

    QSignalSpy edited(&model, &BackendTableModel::backendsEdited);
    QVERIFY(model.setData(none, u"inner"_s, Qt::EditRole));
    QCOMPARE(edited.size(), 1);
    QCOMPARE(model.rows().at(1).via, u"inner"_s);
    QVERIFY(model.setData(inner, QString(), Qt::EditRole));
    QCOMPARE(model.rows().at(0).via, QString());
    QCOMPARE(inner.data().toString(), u"bastion (rule)"_s);
}

void tst_BackendTableModel::backendModel()
{
    BackendTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &BackendTableModel::backendsEdited);

    model.appendRow();
    model.appendRow(BackendTableModel::rowFromBackend(Backend{endpoint(u"10.0.0.1:80"_s), 5, true, false, {}, {}}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, BackendTableModel::AddressColumn).data().toString(), u"10.0.0.1:80"_s);
    QCOMPARE(model.index(1, BackendTableModel::WeightColumn).data().toInt(), 5);
    QCOMPARE(model.index(1, BackendTableModel::BackupColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.index(1, BackendTableModel::EnabledColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

    QVERIFY(model.setData(model.index(0, BackendTableModel::AddressColumn), u"127.0.0.1:1"_s));
    QVERIFY(model.setData(model.index(0, BackendTableModel::WeightColumn), 3));
    QVERIFY(model.setData(model.index(0, BackendTableModel::BackupColumn), int(Qt::Checked), Qt::CheckStateRole));
    QVERIFY(!model.setData(model.index(0, BackendTableModel::ProbeColumn), u"x"_s));
    QCOMPARE(model.row(0).weight, 3);
    QVERIFY(model.row(0).backup);

    QVERIFY(model.moveRowBy(0, 1));
    QCOMPARE(model.row(1).address, u"127.0.0.1:1"_s);
    QVERIFY(model.moveRowBy(1, -1));
    QCOMPARE(model.row(0).address, u"127.0.0.1:1"_s);
    QVERIFY(!model.moveRowBy(0, -1));
    QVERIFY(!model.moveRowBy(1, 1));

    model.setErrors({u"bad"_s}, {QString(), u"heavy"_s});
    QCOMPARE(model.index(0, BackendTableModel::AddressColumn).data(BackendTableModel::ErrorRole).toString(), u"bad"_s);
    QCOMPARE(model.index(1, BackendTableModel::WeightColumn).data(Qt::ToolTipRole).toString(), u"heavy"_s);

    model.setProbeState(0, BackendTableModel::ProbeState::Succeeded, u"0.4 ms"_s);
    QCOMPARE(model.index(0, BackendTableModel::ProbeColumn).data().toString(), u"✓ 0.4 ms"_s);
    // A new address makes the old result meaningless.
    QVERIFY(model.setData(model.index(0, BackendTableModel::AddressColumn), u"127.0.0.1:2"_s));
    QCOMPARE(model.index(0, BackendTableModel::ProbeColumn).data().toString(), QString());

    model.removeRowAt(0);
    QCOMPARE(model.rowCount(), 1);
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(edited.count() >= 10);
}

QTEST_MAIN(tst_BackendTableModel)
#include "tst_backendtablemodel.moc"
