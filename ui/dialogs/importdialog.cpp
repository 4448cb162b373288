#include "ui/dialogs/importdialog.h"

#include "core/ruleset/rulesetparser.h"
#include "ui/dialogs/errorframe.h"
#include "ui/dialogs/importpreviewmodel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

constexpr RuleSetImport::Resolution Resolutions[] = {
    RuleSetImport::Resolution::Replace, RuleSetImport::Resolution::Rename, RuleSetImport::Resolution::Skip};

void fillResolutions(QComboBox *combo)
{
    for (RuleSetImport::Resolution resolution : Resolutions)
        combo->addItem(ImportPreviewModel::resolutionText(resolution), int(resolution));
}

// A combo box per clashing rule; it commits as soon as the choice changes.
class ResolutionDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *combo = new QComboBox(parent);
        fillResolutions(combo);
        auto *self = const_cast<ResolutionDelegate *>(this);
        QObject::connect(combo, &QComboBox::activated, self, [self, combo] { Q_EMIT self->commitData(combo); });
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toInt()));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
    }
};

} // namespace

ImportDialog::ImportDialog(const RuleSet &current, const RuleSet &incoming, QWidget *parent)
    : QDialog(parent)
    , m_plan(current, incoming)
{
    setWindowTitle(tr("Import Rules"));
    m_model = new ImportPreviewModel(&m_plan, this);

    m_intro = new QLabel;
    m_intro->setWordWrap(true);

    m_merge = new QRadioButton(tr("&Merge: add the new rules, keep the current ones"));
    m_merge->setObjectName(u"mergeRadio"_s);
    m_replace = new QRadioButton(tr("&Replace: the imported rules become the only rules"));
    m_replace->setObjectName(u"replaceRadio"_s);
    m_merge->setChecked(true);
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_merge);
    modes->addButton(m_replace);

    m_clash = new QComboBox;
    m_clash->setObjectName(u"clashCombo"_s);
    fillResolutions(m_clash);
    m_clashLabel = new QLabel(tr("When a name is &taken:"));
    m_clashLabel->setBuddy(m_clash);
    auto *clashRow = new QHBoxLayout;
    clashRow->setContentsMargins(0, 0, 0, 0);
    clashRow->addSpacing(style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) +
                         style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing));
    clashRow->addWidget(m_clashLabel);
    clashRow->addWidget(m_clash);
    clashRow->addStretch(1);

    m_view = new QTableView;
    m_view->setObjectName(u"previewView"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(ImportPreviewModel::ActionColumn, new ResolutionDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    auto *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ImportPreviewModel::BackendsColumn, QHeaderView::Stretch);
    // The problems are listed in full below the table; each row's status icon and tooltip point there.
    m_view->setColumnHidden(ImportPreviewModel::ProblemsColumn, true);
    auto *previewLabel = new QLabel(tr("Rules in the &file:"));
    previewLabel->setBuddy(m_view);

    m_counts = new QLabel;
    m_removed = new QLabel;
    m_removed->setObjectName(u"removedLabel"_s);
    m_removed->setWordWrap(true);
    m_problems = new QLabel;
    m_problems->setObjectName(u"problemsLabel"_s);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette problemPalette = m_problems->palette();
    problemPalette.setColor(QPalette::WindowText, ErrorFrame::errorColor(problemPalette));
    m_problems->setPalette(problemPalette);

    m_rejectedLabel = new QLabel;
    m_rejectedLabel->setObjectName(u"rejectedLabel"_s);
    m_rejectedLabel->setWordWrap(true);
    m_rejectedLabel->setTextFormat(Qt::PlainText);
    m_rejectedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rejectedLabel->setPalette(problemPalette);
    m_rejectedLabel->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_plan.isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_merge);
    layout->addLayout(clashRow);
    layout->addWidget(m_replace);
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    layout->addWidget(previewLabel);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_counts);
    layout->addWidget(m_removed);
    layout->addWidget(m_rejectedLabel);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);

    connect(m_merge, &QRadioButton::toggled, this,
            [this](bool merge) { setMode(merge ? RuleSetImport::Mode::Merge : RuleSetImport::Mode::Replace); });
    connect(m_clash, &QComboBox::activated, this,
            [this] { setClashResolution(RuleSetImport::Resolution(m_clash->currentData().toInt())); });
    connect(m_model, &ImportPreviewModel::planEdited, this, [this] { onPlanChanged(false); });

    setSourceName(QString());
    onPlanChanged(true);
    resize(sizeHint().expandedTo(QSize(760, 440)));
}

ImportDialog::~ImportDialog()
{
    // QDialog's destructor still lays out the view, after m_plan (which the model reads) is gone.
    m_view->setModel(nullptr);
}

void ImportDialog::setSourceName(const QString &name)
{
    m_intro->setText(name.isEmpty() ? tr("Choose how to bring in the imported rules.")
                                    : tr("Choose how to bring in the rules of “%1”.").arg(name));
}

void ImportDialog::setMode(RuleSetImport::Mode mode)
{
    if (mode == m_plan.mode())
        return;
    m_plan.setMode(mode);
    (mode == RuleSetImport::Mode::Merge ? m_merge : m_replace)->setChecked(true);
    onPlanChanged(true);
}

void ImportDialog::setClashResolution(RuleSetImport::Resolution resolution)
{
    m_clash->setCurrentIndex(m_clash->findData(int(resolution)));
    m_plan.setResolution(resolution);
    onPlanChanged(true);
}

void ImportDialog::syncEditors(bool reopen)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex cell = m_model->index(row, ImportPreviewModel::ActionColumn);
        const bool editable = m_model->flags(cell) & Qt::ItemIsEditable;
        if (!editable || reopen)
            m_view->closePersistentEditor(cell);
        if (editable && !m_view->isPersistentEditorOpen(cell))
            m_view->openPersistentEditor(cell);
    }
}

void ImportDialog::onPlanChanged(bool reopenEditors)
{
    m_model->refresh();
    // The combo that just changed must not be destroyed while it reports the change.
    syncEditors(reopenEditors);

    const bool merge = m_plan.mode() == RuleSetImport::Mode::Merge;
    m_clash->setEnabled(merge);
    m_clashLabel->setEnabled(merge);

    int added = 0, replaced = 0, renamed = 0, skipped = 0, unchanged = 0;
    QStringList problems;
    for (const RuleSetImport::Entry &entry : m_plan.entries()) {
        if (entry.status == RuleSetImport::Status::New)
            ++added;
        else if (entry.status == RuleSetImport::Status::Unchanged)
            ++unchanged;
        else if (!merge || entry.resolution == RuleSetImport::Resolution::Replace)
            ++replaced;
        else if (entry.resolution == RuleSetImport::Resolution::Rename)
            ++renamed;
        else
            ++skipped;
        for (const RuleSetIssue &issue : entry.problems)
            problems.append(u"“%1”: %2"_s.arg(entry.rule.name, issue.toTranslatedString(RuleSetIssue::Scope::Rule)));
    }
    for (const RuleSetIssue &issue : m_plan.otherProblems())
        problems.append(issue.toTranslatedString());

    QStringList counts;
    if (added)
        counts.append(tr("%n new", nullptr, added));
    if (replaced)
        counts.append(tr("%n replaced", nullptr, replaced));
    if (renamed)
        counts.append(tr("%n renamed", nullptr, renamed));
    if (skipped)
        counts.append(tr("%n skipped", nullptr, skipped));
    if (unchanged)
        counts.append(tr("%n unchanged", nullptr, unchanged));
    m_counts->setText(counts.isEmpty() ? tr("Nothing to import.") : QLocale().createSeparatedList(counts) + u'.');

    const QStringList removed = m_plan.removedNames();
    m_removed->setVisible(!removed.isEmpty());
    m_removed->setText(
        tr("Removes the current rules not in the file: %1.").arg(QLocale().createSeparatedList(removed)));

    constexpr int MaxShown = 6;
    QStringList shown = problems.mid(0, MaxShown);
    if (problems.size() > MaxShown)
        shown.append(tr("and %n more", nullptr, int(problems.size() - MaxShown)));
    m_problems->setVisible(!problems.isEmpty());
    m_problems->setText(tr("Cannot import until this is resolved:") + u"\n• "_s + shown.join(u"\n• "_s));

    // The rules that will be imported: the user may have left some of the valid ones out too.
    int included = 0;
    for (const RuleSetImport::Entry &entry : m_plan.entries())
        included += entry.included ? 1 : 0;
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(m_rejected.isEmpty() ? tr("Import") : tr("Import %n Valid Rule(s)", nullptr, included));
    ok->setEnabled(m_plan.isValid());
    Q_EMIT planChanged();
}

void ImportDialog::setRejectedRules(const QList<RuleSetParser::RejectedRule> &rejected)
{
    m_rejected = rejected;
    QStringList lines;
    for (const RuleSetParser::RejectedRule &rule : rejected) {
        const QString which = rule.name.isEmpty() ? tr("Rule %1").arg(rule.index + 1)
                                                  : tr("“%1” (rule %2)").arg(rule.name).arg(rule.index + 1);
        QStringList problems;
        for (const RuleSetIssue &issue : rule.issues)
            problems.append(issue.toTranslatedString(RuleSetIssue::Scope::Rule));
        lines.append(tr("%1: %2").arg(which, problems.join(u"; "_s)));
    }
    m_rejectedLabel->setText(tr("Not imported, %n rule(s) with problems:", nullptr, int(rejected.size())) + u"\n• "_s +
                             lines.join(u"\n• "_s));
    m_rejectedLabel->setVisible(!rejected.isEmpty());
    onPlanChanged(false);
}

QString ImportDialog::outcomeText() const
{
    int imported = 0;
    for (const RuleSetImport::Entry &entry : m_plan.entries())
        imported += entry.included ? 1 : 0;
    const int skipped = int(m_plan.entries().size()) - imported + int(m_rejected.size());
    const QString text = tr("Imported %n rule(s)", nullptr, imported);
    return skipped == 0 ? text : tr("%1, skipped %n", nullptr, skipped).arg(text);
}

QMessageBox *ImportDialog::failureBox(const QString &path, const RuleSetIssues &issues, QWidget *parent)
{
    QStringList lines;
    for (const RuleSetIssue &issue : std::as_const(issues))
        lines.append(issue.toTranslatedString());
    constexpr int MaxInline = 3;
    QStringList inlineLines = lines.mid(0, MaxInline);
    if (lines.size() > MaxInline)
        inlineLines.append(tr("… and %n more (see the details)", nullptr, int(lines.size() - MaxInline)));

    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Import Failed"),
        tr("Cannot import “%1”: %n problem(s) in the file. Nothing was changed.", nullptr, int(lines.size()))
            .arg(QFileInfo(path).fileName()),
        QMessageBox::Ok, parent);
    box->setInformativeText(inlineLines.join(u'\n'));
    box->setDetailedText(lines.join(u'\n'));
    return box;
}

} // namespace PortRelay
