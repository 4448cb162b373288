#pragma once

#include "core/ruleset/ruleset.h"
#include "ui/widgets/mainwindow.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// What the main window's tests share (tst_mainwindow, tst_mainwindowimport, tst_mainwindowtray).
namespace PortRelay::Test {

// A rule on 127.0.0.1 with quick health checks (every 200 ms, up after 1, down after 2).
Rule makeRule(const QString &name, quint16 listenPort, const QList<quint16> &backendPorts);
QStringList ruleNames(const RuleSet &set);

// A test class derives from this for a shown window per test function, without a tray, its rules and
// settings files in a temporary directory of its own. Qt Test finds initTestCase(), init() and cleanup() here.
class MainWindowFixture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

protected:
    MainWindow::Options options() const;
    void createWindow();
    int ruleRow(const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace PortRelay::Test
