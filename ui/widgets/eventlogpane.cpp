#include "ui/widgets/eventlogpane.h"

#include "ui/models/eventlogfiltermodel.h"
#include "ui/models/eventlogmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace PortRelay {

EventLogPane::EventLogPane(EventLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    m_filter = new EventLogFilterModel(this);
    m_filter->setSourceModel(m_model);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("eventsView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_rule = new QComboBox(this);
    m_rule->setObjectName(QStringLiteral("eventRuleFilter"));
    m_rule->addItem(tr("All rules"), QString());
    m_rule->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("eventSeverityFilter"));
    m_severity->addItem(tr("All severities"), int(EngineEvent::Level::Info));
    m_severity->addItem(tr("Warnings and errors"), int(EngineEvent::Level::Warning));
    m_severity->addItem(tr("Errors only"), int(EngineEvent::Level::Error));

    auto *copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(copy);
    auto *copyButton = new QPushButton(tr("Copy"), this);
    copyButton->setToolTip(tr("Copy the selected events as text"));
    auto *clearButton = new QPushButton(tr("Clear"), this);

    connect(m_rule, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setRule(m_rule->currentData().toString()); });
    connect(m_severity, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setMinimumLevel(m_severity->currentData().toInt()); });
    connect(copy, &QAction::triggered, this, &EventLogPane::copySelection);
    connect(copyButton, &QPushButton::clicked, this, &EventLogPane::copySelection);
    connect(clearButton, &QPushButton::clicked, m_model, &EventLogModel::clear);
    // Follow new events while the view is scrolled to the bottom.
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        QScrollBar *bar = m_view->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 2)
            m_view->scrollToBottom();
    });

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(4, 4, 4, 4);
    auto *ruleLabel = new QLabel(tr("&Rule:"), this);
    ruleLabel->setBuddy(m_rule);
    auto *severityLabel = new QLabel(tr("&Severity:"), this);
    severityLabel->setBuddy(m_severity);
    filters->addWidget(ruleLabel);
    filters->addWidget(m_rule);
    filters->addSpacing(12);
    filters->addWidget(severityLabel);
    filters->addWidget(m_severity);
    filters->addStretch();
    filters->addWidget(copyButton);
    filters->addWidget(clearButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(filters);
    layout->addWidget(m_view);
}

void EventLogPane::setRuleNames(const QStringList &names)
{
    const QString current = m_rule->currentData().toString();
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return QString::localeAwareCompare(a, b) < 0; });
    QSignalBlocker block(m_rule);
    while (m_rule->count() > 1)
        m_rule->removeItem(1);
    for (const QString &name : sorted)
        m_rule->addItem(name, name);
    const int index = m_rule->findData(current);
    m_rule->setCurrentIndex(qMax(0, index));
    m_filter->setRule(m_rule->currentData().toString());
}

void EventLogPane::copySelection() const
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(m_filter->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    const QString text = m_model->rowsAsText(rows);
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

} // namespace PortRelay
