#pragma once

#include "core/i18n/message.h"
#include "core/ruleset/backend.h"
#include "core/ruleset/rule.h"
#include "core/ruleset/rulesetissue.h"
#include "ui/dialogs/backendtablemodel.h"

#include <QList>
#include <QWidget>

class QPushButton;
class QTableView;

namespace PortRelay {

class BackendTest;

// The rule editor's backends: a table where addresses are typed as text (BackendTableModel),
// buttons to add, remove and reorder rows, and "Test Backends", which runs the rule's health check
// once against each row and shows how it went in the row. Changing the rows drops a test under way.
//
// Object names: "backendsView", "addBackendButton", "removeBackendButton", "moveUpButton",
// "moveDownButton", "testBackendsButton".
class BackendListEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit BackendListEditor(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(BackendListEditor)

    // A rule without backends gets one empty row to type into.
    void setBackends(const QList<Backend> &backends);
    // The hops to choose from per backend; the Via column shows only when there are any.
    void setHopChoices(const QStringList &hops, const QString &ruleVia);
    // As typed: an address that does not parse (yet) is kept as text.
    QList<BackendTableModel::Row> rows() const { return m_model->rows(); }
    // The table: what a label is the buddy of, and the input framed when a backend is wrong.
    QTableView *view() const { return m_view; }
    // Marks the cells that issues at "backends[i].address" and "backends[i].weight" are about, and
    // clears the others.
    void showIssues(const RuleSetIssues &issues);
    // Tests rule (its health check, the backends as the rows say) against each row whose address
    // parses; a row whose address does not fails at once.
    void test(const Rule &rule);

Q_SIGNALS:
    // The user changed a value of a row, added, removed or moved one.
    void backendsEdited();
    // "Test Backends" was clicked: test() wants the rule as it stands in the editor.
    void testRequested();

private:
    void updateButtons();
    void dropTest();
    void onTested(int backend, bool passed, qint64 micros, const PortRelay::Message &result);

    BackendTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_moveUp = nullptr;
    QPushButton *m_moveDown = nullptr;
    QPushButton *m_test = nullptr;
    BackendTest *m_backendTest = nullptr;
    QList<int> m_testedRows; // the table's row of each backend under test
};

} // namespace PortRelay
