#pragma once

#include "core/ruleset/rulesetissue.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class QFormLayout;
class QLabel;
class QTabWidget;
class QWidget;

namespace PortRelay {

class ErrorFrame;

// How the rule editor shows what is wrong: a line for a message under each field (a label named
// "message:<key>"), a red frame and the reasons as tool tip and accessible description on the input
// at fault, a mark on the tab that holds a problem (which may not be the tab showing), and a summary
// of the first few above the buttons. Fields are added as they are laid out, so that their order is
// that on screen. Not a QObject: the labels and frames belong to the widgets they are shown on.
class FieldIssueDisplay
{
    Q_DECLARE_TR_FUNCTIONS(FieldIssueDisplay)

public:
    // An issue and where it is shown: the key of its field (empty when no field holds it) and the
    // input at fault, if any.
    struct Placed
    {
        RuleSetIssue issue;
        QString fieldKey;
        QWidget *input = nullptr;
    };

    // tabs: where the marks go. The summary's label ("summaryLabel") is made here, for the editor
    // to lay out.
    explicit FieldIssueDisplay(QTabWidget *tabs);
    Q_DISABLE_COPY_MOVE(FieldIssueDisplay)

    QLabel *summary() const { return m_summary; }

    // A field: its label (the buddy of its first input) and a box with input and, below it, the
    // line for key's messages; more can be added to the box's QVBoxLayout. label also names the
    // field in the summary (its mnemonic and colon dropped); tab is the index of the tab it is on.
    // inputs: the widgets that can be at fault, input by default.
    struct Row
    {
        QLabel *label = nullptr;
        QWidget *box = nullptr;
    };
    Row addField(const QString &key, const QString &label, int tab, QWidget *input,
                 const QList<QWidget *> &inputs = {});
    // The same, as a row of form; returns the box.
    QWidget *addRow(QFormLayout *form, const QString &key, const QString &label, int tab, QWidget *input,
                    const QList<QWidget *> &inputs = {});
    // The inputs of key's field, in the order given; empty for a key without a field.
    QList<QWidget *> inputs(const QString &key) const;
    // Where key's field is among the fields on screen; after all of them for a key without a field.
    qsizetype rank(const QString &key) const;

    // Fields the user has changed: until then, an empty required field is a hint, not an error.
    void touch(const QString &key) { m_touched.insert(key); }
    bool isTouched(const QString &key) const { return m_touched.contains(key); }

    // Shows loud on their fields and in the summary, and clears what was shown before. Without
    // anything loud, the summary asks for what is missing ("a name", "a listen port"), if anything.
    void show(const QList<Placed> &loud, QStringList missing);

private:
    struct Field
    {
        QString label; // for the summary, without "&" and ":"
        int tab = 0;
        QLabel *message = nullptr;
        QList<QWidget *> inputs;
    };

    void setInputInvalid(QWidget *input, bool invalid, const QString &tooltip);
    void showSummary(const QStringList &loud, QStringList missing);

    QTabWidget *m_tabs = nullptr;
    QLabel *m_summary = nullptr;
    QHash<QString, Field> m_fields;
    QStringList m_fieldOrder;
    QHash<QWidget *, ErrorFrame *> m_frames;
    QSet<QString> m_touched;
};

} // namespace PortRelay
