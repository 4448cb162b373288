#include "ui/dialogs/fieldissuedisplay.h"

#include "ui/dialogs/errorframe.h"
#include "ui/mnemonictext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPixmap>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

FieldIssueDisplay::FieldIssueDisplay(QTabWidget *tabs)
    : m_tabs(tabs)
    , m_summary(new QLabel)
{
    m_summary->setObjectName(u"summaryLabel"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

FieldIssueDisplay::Row FieldIssueDisplay::addField(const QString &key, const QString &label, int tab, QWidget *input,
                                                   const QList<QWidget *> &inputs)
{
    auto *buddy = new QLabel(label);
    buddy->setBuddy(inputs.isEmpty() ? input : inputs.constFirst());
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(input);
    auto *message = new QLabel;
    message->setObjectName(u"message:"_s + key);
    message->setWordWrap(true);
    message->setTextFormat(Qt::PlainText);
    message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = message->palette();
    palette.setColor(QPalette::WindowText, ErrorFrame::errorColor(palette));
    message->setPalette(palette);
    // A line is kept for the message, so fields below do not move (under the pointer) as it comes and
    // goes. Choices from a list cannot be wrong: no line is kept under them.
    auto *combo = qobject_cast<QComboBox *>(inputs.isEmpty() ? input : inputs.constFirst());
    if (!combo || combo->isEditable()) {
        QSizePolicy policy = message->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        message->setSizePolicy(policy);
        message->setText(u" "_s); // one line, as the label itself measures it
        message->setMinimumHeight(message->sizeHint().height());
        message->clear();
    }
    message->hide();
    layout->addWidget(message);

    Field field;
    field.label = MnemonicText::plain(label);
    field.tab = tab;
    field.message = message;
    field.inputs = inputs.isEmpty() ? QList<QWidget *>{input} : inputs;
    m_fields.insert(key, field);
    m_fieldOrder.append(key);
    return {buddy, box};
}

QWidget *FieldIssueDisplay::addRow(QFormLayout *form, const QString &key, const QString &label, int tab, QWidget *input,
                                   const QList<QWidget *> &inputs)
{
    const Row row = addField(key, label, tab, input, inputs);
    form->addRow(row.label, row.box);
    return row.box;
}

QList<QWidget *> FieldIssueDisplay::inputs(const QString &key) const
{
    return m_fields.value(key).inputs;
}

qsizetype FieldIssueDisplay::rank(const QString &key) const
{
    const qsizetype at = m_fieldOrder.indexOf(key);
    return at < 0 ? m_fieldOrder.size() : at;
}

void FieldIssueDisplay::show(const QList<Placed> &loud, QStringList missing)
{
    QHash<QString, QStringList> messages;
    QHash<QWidget *, QStringList> invalidInputs;
    QStringList lines;
    QSet<int> loudTabs;
    for (const Placed &placed : loud) {
        const RuleSetIssue &issue = placed.issue;
        const int row = issue.backend();
        const QString text = issue.text().translated();
        const QString message = row >= 0 ? tr("Backend %1: %2").arg(row + 1).arg(text) : text;
        messages[placed.fieldKey].append(message);
        if (placed.input)
            invalidInputs[placed.input].append(text);
        const auto field = m_fields.constFind(placed.fieldKey);
        const QString where = field == m_fields.constEnd() ? issue.pathInRule() : field->label;
        lines.append(where.isEmpty() ? text : tr("%1: %2").arg(where, message));
        if (field != m_fields.constEnd())
            loudTabs.insert(field->tab);
    }
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QStringList fieldLines = messages.value(it.key());
        it->message->setText(fieldLines.join(u'\n'));
        it->message->setVisible(!fieldLines.isEmpty());
        for (QWidget *input : it->inputs) {
            const QStringList reasons = invalidInputs.value(input);
            setInputInvalid(input, !reasons.isEmpty(), reasons.join(u'\n'));
        }
    }
    // A clear icon of the same size where there is no error: the tab bar (and all below it) keeps its place.
    QPixmap clear(m_tabs->iconSize());
    clear.fill(Qt::transparent);
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        m_tabs->setTabIcon(tab, loudTabs.contains(tab) ? m_tabs->style()->standardIcon(QStyle::SP_MessageBoxCritical)
                                                       : QIcon(clear));
    }
    showSummary(lines, std::move(missing));
}

void FieldIssueDisplay::showSummary(const QStringList &loud, QStringList missing)
{
    // The window's palette (as the tabs have it), red only while something is wrong.
    QPalette palette = m_tabs->palette();
    if (!loud.isEmpty()) {
        constexpr int MaxShown = 4;
        QStringList shown = loud.mid(0, MaxShown);
        if (loud.size() > MaxShown)
            shown.append(tr("and %n more", nullptr, int(loud.size() - MaxShown)));
        m_summary->setText(tr("Cannot save this rule yet:") + u"\n• "_s + shown.join(u"\n• "_s));
        palette.setColor(QPalette::WindowText, ErrorFrame::errorColor(palette));
        m_summary->show();
    } else if (!missing.isEmpty()) {
        const QString last = missing.takeLast();
        const QString list = missing.isEmpty() ? last : tr("%1 and %2").arg(missing.join(u", "_s), last);
        m_summary->setText(tr("To create the rule, enter %1.").arg(list));
        m_summary->show();
    } else {
        m_summary->clear();
        m_summary->hide();
    }
    m_summary->setPalette(palette);
}

void FieldIssueDisplay::setInputInvalid(QWidget *input, bool invalid, const QString &tooltip)
{
    ErrorFrame *frame = m_frames.value(input);
    if (!frame && invalid) {
        frame = new ErrorFrame(input);
        m_frames.insert(input, frame);
        input->setProperty("normalToolTip", input->toolTip());
    }
    if (!frame)
        return;
    frame->setActive(invalid);
    const QString normal = input->property("normalToolTip").toString();
    input->setToolTip(invalid ? tooltip : normal);
    input->setAccessibleDescription(invalid ? tooltip : QString());
}

} // namespace PortRelay
