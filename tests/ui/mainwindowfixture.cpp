#include "mainwindowfixture.h"

#include "testrules.h"
#include "ui/models/ruletablemodel.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTest>

namespace PortRelay::Test {

Rule makeRule(const QString &name, quint16 listenPort, const QList<quint16> &backendPorts)
{
    Rule rule = loopbackRule(name, listenPort, backendPorts);
    rule.healthCheck.type = HealthCheck::Type::Tcp; // on, as in a rule made in the window
    rule.healthCheck.intervalMs = 200;
    rule.healthCheck.timeoutMs = 150;
    rule.healthCheck.rise = 1;
    rule.healthCheck.fall = 2;
    return rule;
}

QStringList ruleNames(const RuleSet &set)
{
    QStringList names;
    for (const Rule &rule : set.rules)
        names.append(rule.name);
    return names;
}

void MainWindowFixture::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void MainWindowFixture::init()
{
    QApplication::setQuitOnLastWindowClosed(true); // a tray test before may have cleared it
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    createWindow();
}

void MainWindowFixture::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

MainWindow::Options MainWindowFixture::options() const
{
    MainWindow::Options o;
    o.rulesPath = m_dir->filePath(QStringLiteral("rules.json"));
    o.settingsPath = m_dir->filePath(QStringLiteral("settings.ini"));
    o.tray.enabled = false;
    o.sampleIntervalMs = 250;
    o.engine.workers = 2;
    return o;
}

void MainWindowFixture::createWindow()
{
    m_window = std::make_unique<MainWindow>(options());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

int MainWindowFixture::ruleRow(const QString &name) const
{
    return m_window->ruleModel()->rowOf(name);
}

} // namespace PortRelay::Test
