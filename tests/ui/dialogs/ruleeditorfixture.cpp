#include "ruleeditorfixture.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay::Test {

Backend backendAt(const Endpoint &address)
{
    Backend backend;
    backend.address = address;
    return backend;
}

Endpoint endpoint(const QString &text)
{
    return Endpoint::parse(text).value();
}

Rule otherRule(const QString &name, const QString &listen)
{
    Rule rule;
    rule.name = name;
    rule.listen = endpoint(listen);
    rule.backends.append(backendAt(endpoint(u"127.0.0.1:9"_s)));
    return rule;
}

Editor::Editor(const Rule &initial, const RuleSet &others)
    : dialog(initial, others)
{}

QLineEdit *Editor::name() const
{
    return child<QLineEdit>(u"nameEdit"_s);
}

QComboBox *Editor::host() const
{
    return child<QComboBox>(u"listenHostCombo"_s);
}

QLineEdit *Editor::port() const
{
    return child<QLineEdit>(u"listenPortEdit"_s);
}

QTableView *Editor::view() const
{
    return child<QTableView>(u"backendsView"_s);
}

BackendTableModel *Editor::backends() const
{
    return qobject_cast<BackendTableModel *>(view()->model());
}

QPushButton *Editor::ok() const
{
    return child<QDialogButtonBox>(QString())->button(QDialogButtonBox::Ok);
}

QLabel *Editor::message(const QString &key) const
{
    return child<QLabel>(u"message:"_s + key);
}

QString Editor::summary() const
{
    return child<QLabel>(u"summaryLabel"_s)->text();
}

bool Editor::shown(const QString &name) const
{
    auto *widget = child<QWidget>(name);
    return widget && widget->isVisibleTo(&dialog);
}

void Editor::setTarget(int row, const QString &address)
{
    backends()->setData(backends()->index(row, BackendTableModel::AddressColumn), address);
}

QString Editor::probeText(int row) const
{
    return backends()->index(row, BackendTableModel::ProbeColumn).data().toString();
}

} // namespace PortRelay::Test
