#include "ui/rulestore.h"

#include "core/engine/enginehost.h"
#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulesetwriter.h"
#include "core/ruleset/rulevalidator.h"
#include "ui/rulesetcommand.h"

#include <QDir>
#include <QFileInfo>
#include <QUndoStack>

namespace PortRelay {

RuleStore::RuleStore(EngineHost *host, const QString &path, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_path(path)
    , m_undoStack(new QUndoStack(this))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &RuleStore::saveNow);
}

RuleStore::~RuleStore()
{
    saveNow();
}

bool RuleStore::load(RuleSetIssues *issues)
{
    if (!QFileInfo::exists(m_path))
        return true;
    RuleSetParser::Result result = RuleSetParser::parseFile(m_path);
    if (!result.ok()) {
        if (issues)
            *issues = result.issues;
        return false;
    }
    commit(result.ruleSet);
    m_dirty = false;
    m_saveTimer.stop();
    return true;
}

bool RuleStore::change(const RuleSet &ruleSet, const QString &undoText, RuleSetIssues *issues)
{
    const RuleSetIssues found = RuleValidator::validate(ruleSet);
    if (!found.isEmpty()) {
        if (issues)
            *issues = found;
        return false;
    }
    if (ruleSet == m_ruleSet)
        return true;
    m_undoStack->push(new RuleSetCommand(this, m_ruleSet, ruleSet, undoText));
    return true;
}

bool RuleStore::setEnabled(const QStringList &names, bool enabled, RuleSetIssues *issues)
{
    RuleSet next = m_ruleSet;
    for (Rule &rule : next.rules) {
        if (names.contains(rule.name))
            rule.enabled = enabled;
    }
    const RuleSetIssues found = RuleValidator::validate(next);
    if (!found.isEmpty()) {
        if (issues)
            *issues = found;
        return false;
    }
    if (next != m_ruleSet)
        commit(next);
    return true;
}

void RuleStore::replace(const RuleSet &ruleSet)
{
    commit(ruleSet);
}

void RuleStore::commit(const RuleSet &ruleSet)
{
    m_ruleSet = ruleSet;
    if (m_host)
        m_host->apply(m_ruleSet);
    m_dirty = true;
    m_saveTimer.start();
    Q_EMIT ruleSetChanged();
}

bool RuleStore::saveNow()
{
    m_saveTimer.stop();
    if (!m_dirty)
        return true;
    m_dirty = false;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QString error;
    if (!RuleSetWriter::writeFile(m_path, m_ruleSet, &error)) {
        Q_EMIT saveFailed(error);
        return false;
    }
    return true;
}

} // namespace PortRelay
