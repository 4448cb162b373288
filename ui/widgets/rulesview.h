#pragma once

#include <QStringList>
#include <QTableView>

class QSortFilterProxyModel;

namespace PortRelay {

class RuleTableModel;

// The rules table: the rule model sorted and filtered, its columns sized for what they show, and
// the selection read and set by rule name, which is what edits and the engine speak.
//
// Object name "rulesView".
class RulesView final : public QTableView
{
    Q_OBJECT

public:
    explicit RulesView(RuleTableModel *rules, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RulesView)

    QSortFilterProxyModel *proxy() const { return m_proxy; }

    // Shows the rules whose any column contains text (case-insensitive); empty shows all.
    void setFilterText(const QString &text);
    // A filter is set and shows at least one rule (what "Start Rules Shown" needs).
    bool isFiltered() const;

    // The rule the details are about: the current row when it is selected, otherwise the first
    // selected rule; empty when none is.
    QString currentRuleName() const;
    QStringList selectedRuleNames() const;
    // The rules the filter lets through, in the table's order.
    QStringList shownRuleNames() const;
    // Selects exactly these rules (those the filter shows) and scrolls to the first.
    void selectRules(const QStringList &names);
    // Selects the first row when there are rows and none is selected.
    void selectFirstIfNone();
    // Takes the focus with the first row current (the filter's Down key hands over).
    void focusFirstRow();

Q_SIGNALS:
    // The selection or the current row moved: currentRuleName() may be another.
    void currentRuleChanged();

private:
    QSortFilterProxyModel *m_proxy = nullptr;
    QString m_filterText;
};

} // namespace PortRelay
