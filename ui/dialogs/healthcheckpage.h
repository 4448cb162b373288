#pragma once

#include "core/ruleset/healthcheck.h"

#include <QString>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace PortRelay {

class FieldIssueDisplay;
class NumberFields;
struct RuleDraft;

// The rule editor's Health Check tab: the check's type, its numbers (interval, timeout, rise,
// fall) and the text to send and expect. The numbers are NumberFields' spin boxes, only laid out
// here; the editor fills, reads and watches them.
//
// Object names: "checkTypeCombo", "checkSendEdit", "checkExpectEdit".
class HealthCheckPage final : public QWidget
{
    Q_OBJECT

public:
    // Its fields go to fields as those of tab number tab.
    HealthCheckPage(FieldIssueDisplay &fields, int tab, const NumberFields &numbers, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(HealthCheckPage)

    void populate(const HealthCheck &check);
    // Type, send and expect into draft's rule; text that is no valid escape is a parse issue.
    void apply(RuleDraft &draft) const;

Q_SIGNALS:
    // The field of key ("health_check.send") changed, by the user or by populate().
    void edited(const QString &key);

private:
    QComboBox *m_type = nullptr;
    QLineEdit *m_send = nullptr;
    QLineEdit *m_expect = nullptr;
};

} // namespace PortRelay
