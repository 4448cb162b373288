#include "ui/dialogs/backendlisteditor.h"

#include "core/health/backendtest.h"
#include "ui/dialogs/backenddelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

QString formatMilliseconds(double ms)
{
    return BackendListEditor::tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 1 : 0));
}

QPushButton *button(const QString &text, const QString &name)
{
    auto *b = new QPushButton(text);
    b->setObjectName(name);
    b->setAutoDefault(false);
    return b;
}

} // namespace

BackendListEditor::BackendListEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new BackendTableModel(this))
    , m_backendTest(new BackendTest(this))
{
    m_view = new QTableView;
    m_view->setObjectName(u"backendsView"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new BackendDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    // Tab leaves the table; arrows move between cells.
    m_view->setTabKeyNavigation(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    auto *header = m_view->horizontalHeader();
    header->setSectionResizeMode(BackendTableModel::AddressColumn, QHeaderView::Stretch);
    for (int column : {BackendTableModel::WeightColumn, BackendTableModel::BackupColumn,
                       BackendTableModel::EnabledColumn, BackendTableModel::ViaColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(BackendTableModel::ProbeColumn, QHeaderView::ResizeToContents);
    m_view->setColumnHidden(BackendTableModel::ViaColumn, true);
    m_view->setMinimumHeight(m_view->verticalHeader()->defaultSectionSize() * 4 + header->sizeHint().height() + 4);
    m_view->setToolTip(tr("Where connections go. Type host:port; F2 edits the selected cell, Space "
                          "toggles a check box."));

    m_add = button(tr("&Add"), u"addBackendButton"_s);
    m_remove = button(tr("Re&move"), u"removeBackendButton"_s);
    m_moveUp = button(tr("Move &Up"), u"moveUpButton"_s);
    m_moveDown = button(tr("Move &Down"), u"moveDownButton"_s);
    m_test = button(tr("&Test Backends"), u"testBackendsButton"_s);
    m_test->setToolTip(tr("Run the rule's health check once against each backend now, as the engine "
                          "will (what to send and expect included), and show how it went."));

    // The table and its buttons side by side.
    auto *buttonColumn = new QVBoxLayout;
    buttonColumn->setContentsMargins(0, 0, 0, 0);
    for (QPushButton *b : {m_add, m_remove, m_moveUp, m_moveDown})
        buttonColumn->addWidget(b);
    buttonColumn->addStretch(1);
    buttonColumn->addWidget(m_test);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttonColumn);

    connect(m_add, &QPushButton::clicked, this, [this] {
        m_model->appendRow();
        const QModelIndex cell = m_model->index(m_model->rowCount() - 1, BackendTableModel::AddressColumn);
        m_view->setCurrentIndex(cell);
        m_view->setFocus();
        m_view->edit(cell);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_view->currentIndex().row();
        m_model->removeRowAt(row);
        if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1), 0));
    });
    const auto move = [this](int delta) {
        const QModelIndex current = m_view->currentIndex();
        if (m_model->moveRowBy(current.row(), delta))
            m_view->setCurrentIndex(m_model->index(current.row() + delta, current.column()));
    };
    connect(m_moveUp, &QPushButton::clicked, this, [move] { move(-1); });
    connect(m_moveDown, &QPushButton::clicked, this, [move] { move(+1); });
    connect(m_test, &QPushButton::clicked, this, &BackendListEditor::testRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &BackendListEditor::updateButtons);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &BackendListEditor::dropTest);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &BackendListEditor::dropTest);
    connect(m_model, &BackendTableModel::backendsEdited, this, &BackendListEditor::backendsEdited);
    connect(m_backendTest, &BackendTest::tested, this, &BackendListEditor::onTested);
    connect(m_backendTest, &BackendTest::finished, this, [this] { m_test->setEnabled(true); });
}

void BackendListEditor::setBackends(const QList<Backend> &backends)
{
    QList<BackendTableModel::Row> rows;
    for (const Backend &backend : backends)
        rows.append(BackendTableModel::rowFromBackend(backend));
    if (rows.isEmpty())
        rows.append(BackendTableModel::Row());
    m_model->setRows(rows);
    // Typing in the table goes to the first address, without a selected row shouting blue at the user.
    m_view->selectionModel()->setCurrentIndex(m_model->index(0, BackendTableModel::AddressColumn),
                                              QItemSelectionModel::NoUpdate);
    updateButtons();
}

void BackendListEditor::showIssues(const RuleSetIssues &issues)
{
    QList<QString> addressErrors(m_model->rowCount());
    QList<QString> weightErrors(m_model->rowCount());
    for (const RuleSetIssue &issue : issues) {
        const int row = issue.backend();
        if (row < 0 || row >= addressErrors.size())
            continue;
        const QString text = issue.text().translated();
        QList<QString> &cells = issue.key == u"weight" ? weightErrors : addressErrors;
        cells[row] = cells[row].isEmpty() ? text : cells[row] + u'\n' + text;
    }
    m_model->setErrors(addressErrors, weightErrors);
}

void BackendListEditor::test(const Rule &rule)
{
    // The rule as it stands in the editor, with the backends whose address parses; the others
    // say so at once.
    Rule tested = rule;
    tested.backends.clear();
    m_testedRows.clear();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (const auto endpoint = Endpoint::parse(m_model->row(row).address.trimmed())) {
            tested.backends.append(Backend{*endpoint, 1, false, true, {}, {}});
            m_testedRows.append(row);
            m_model->setProbeState(row, BackendTableModel::ProbeState::Running);
        } else {
            m_model->setProbeState(row, BackendTableModel::ProbeState::Failed, tr("invalid address"));
        }
    }
    m_test->setEnabled(m_testedRows.isEmpty());
    if (!m_testedRows.isEmpty())
        m_backendTest->run(tested);
}

void BackendListEditor::updateButtons()
{
    const int row = m_view->currentIndex().row();
    const int count = m_model->rowCount();
    m_add->setEnabled(count < Rule::MaxBackends);
    m_remove->setEnabled(row >= 0 && count > 1);
    m_moveUp->setEnabled(row > 0);
    m_moveDown->setEnabled(row >= 0 && row < count - 1);
}

void BackendListEditor::dropTest()
{
    // Rows came, went or moved: the answers under way would land on the wrong ones.
    m_backendTest->cancel();
    m_model->clearProbes();
    m_test->setEnabled(true);
    updateButtons();
}

void BackendListEditor::onTested(int backend, bool passed, qint64 micros, const Message &result)
{
    const int row = m_testedRows.value(backend, -1);
    // The row was edited while its check ran: the answer is about an address no longer there.
    if (row < 0 || row >= m_model->rowCount() || m_model->row(row).probeState != BackendTableModel::ProbeState::Running)
        return;
    m_model->setProbeState(row,
                           passed ? BackendTableModel::ProbeState::Succeeded : BackendTableModel::ProbeState::Failed,
                           passed ? formatMilliseconds(double(micros) / 1000.0) : result.translated());
}

void BackendListEditor::setHopChoices(const QStringList &hops, const QString &ruleVia)
{
    m_model->setHopChoices(hops, ruleVia);
    bool named = !hops.isEmpty();
    for (const BackendTableModel::Row &row : m_model->rows())
        named = named || !row.via.isEmpty();
    m_view->setColumnHidden(BackendTableModel::ViaColumn, !named);
}

} // namespace PortRelay
