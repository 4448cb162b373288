#pragma once

#include "core/ruleset/ruleset.h"
#include "ui/dialogs/backendtablemodel.h"
#include "ui/dialogs/ruleeditordialog.h"

#include <QString>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

// The rule editor as its tests drive it (tst_ruleeditordialog, tst_ruleeditorprobes, tst_backendtablemodel).
namespace PortRelay::Test {

// Far from the usual development ports, so that the machine running the tests rarely holds it.
inline constexpr quint16 TestPort = 47231;

Backend backendAt(const Endpoint &address);
Endpoint endpoint(const QString &text);
// An enabled rule listening on listen, with one backend on 127.0.0.1:9.
Rule otherRule(const QString &name, const QString &listen);

// A RuleEditorDialog and its widgets, found by object name.
class Editor
{
public:
    explicit Editor(const Rule &initial = Rule(), const RuleSet &others = RuleSet());

    template<typename T>
    T *child(const QString &name) const
    {
        return dialog.findChild<T *>(name);
    }
    QLineEdit *name() const;
    QComboBox *host() const;
    QLineEdit *port() const;
    QTableView *view() const;
    BackendTableModel *backends() const;
    QPushButton *ok() const;
    QLabel *message(const QString &key) const;
    QString summary() const;
    bool shown(const QString &name) const;
    void setTarget(int row, const QString &address);
    QString probeText(int row) const;

    RuleEditorDialog dialog;
};

} // namespace PortRelay::Test
