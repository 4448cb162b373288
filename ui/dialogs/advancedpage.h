#pragma once

#include "core/ruleset/rule.h"

#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QPlainTextEdit;

namespace PortRelay {

class FieldIssueDisplay;
class NumberFields;
struct RuleDraft;

// The rule editor's Advanced tab: connection limits and timeouts, failover (what happens to open
// connections when their backend goes down, adaptive weights) and the clients allowed to connect.
// The numbers are NumberFields' spin boxes, only laid out here; the editor fills, reads and
// watches them.
//
// Object names: "allowEdit".
class AdvancedPage final : public QWidget
{
    Q_OBJECT

public:
    // Its fields go to fields as those of tab number tab.
    AdvancedPage(FieldIssueDisplay &fields, int tab, const NumberFields &numbers, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(AdvancedPage)

    void populate(const Rule &rule);
    // On down, adaptive weights and the allow list into draft's rule; a line that is no subnet is
    // a parse issue.
    void apply(RuleDraft &draft) const;

Q_SIGNALS:
    // The field of key ("allow") changed, by the user or by populate().
    void edited(const QString &key);

private:
    QComboBox *m_onDown = nullptr;
    QCheckBox *m_adaptiveWeights = nullptr;
    QPlainTextEdit *m_allow = nullptr;
};

} // namespace PortRelay
