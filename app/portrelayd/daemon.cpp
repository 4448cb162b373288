#include "daemon.h"

#include "core/ruleset/rulesetparser.h"

#include <QCoreApplication>

#include <cstdio>

namespace PortRelay {

namespace {

constexpr char Context[] = "PortRelay::Daemon";

} // namespace

Daemon::Daemon(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_engine(options.engine)
{
    connect(&m_engine, &Engine::eventOccurred, this, &Daemon::log);
    m_drainTimer.setInterval(50);
    connect(&m_drainTimer, &QTimer::timeout, this, &Daemon::checkDrained);
}

bool Daemon::start()
{
    const RuleSetParser::Result result = RuleSetParser::parseFile(m_options.configPath);
    if (!result.ok()) {
        for (const RuleSetIssue &issue : result.issues)
            std::fprintf(stderr, "%s: %s\n", qPrintable(m_options.configPath), qPrintable(issue.toString()));
        return false;
    }
    const QList<RuleStatus> failures = m_engine.apply(result.ruleSet);
    if (!failures.isEmpty()) {
        for (const RuleStatus &failure : failures)
            std::fprintf(stderr, "portrelayd: rule \"%s\": %s\n", qPrintable(failure.name),
                         qPrintable(failure.reason.english()));
        m_engine.stopAll(Engine::StopMode::Abort);
        return false;
    }
    logIssue(EngineEvent::Level::Info, EngineEvent::Kind::RuleSetLoaded,
             Message(Context, QT_TR_N_NOOP("%1: %n rule(s), %2"), int(result.ruleSet.rules.size()))
                 .arg(m_options.configPath)
                 .arg(Message(Context, QT_TR_N_NOOP("%n worker thread(s)"), m_engine.workerCount())));
    return true;
}

void Daemon::reload()
{
    if (m_drainTimer.isActive())
        return; // shutting down: no new listeners
    const RuleSetParser::Result result = RuleSetParser::parseFile(m_options.configPath);
    if (!result.ok()) {
        QStringList lines;
        for (const RuleSetIssue &issue : result.issues)
            lines.append(issue.toString());
        logIssue(EngineEvent::Level::Error, EngineEvent::Kind::RuleSetRejected,
                 Message(Context, QT_TR_NOOP("reload of %1 refused, still running the previous rules: %2"))
                     .arg(m_options.configPath)
                     .arg(lines.join(QStringLiteral("; "))));
        return;
    }
    // Failures are logged by the engine as rule_failed events; the other rules keep running.
    m_engine.apply(result.ruleSet);
    logIssue(EngineEvent::Level::Info, EngineEvent::Kind::RuleSetLoaded,
             Message(Context, QT_TR_N_NOOP("reloaded %1: %n rule(s)"), int(result.ruleSet.rules.size()))
                 .arg(m_options.configPath));
}

void Daemon::terminate()
{
    if (m_drainTimer.isActive()) {
        // A second SIGTERM/SIGINT means "now": skip the rest of the grace period.
        m_options.graceMs = 0;
        checkDrained();
        return;
    }
    m_engine.stopAll(Engine::StopMode::Graceful);
    m_draining.start();
    m_drainTimer.start();
    checkDrained();
}

void Daemon::checkDrained()
{
    const int open = m_engine.activeConnections();
    if (open > 0 && m_draining.elapsed() < m_options.graceMs)
        return;
    m_drainTimer.stop();
    if (open > 0) {
        logIssue(EngineEvent::Level::Warning, EngineEvent::Kind::RuleStopped,
                 Message(Context, QT_TR_N_NOOP("closing %n connection(s) still open after the grace period"), open));
    }
    QCoreApplication::exit(0);
}

void Daemon::logIssue(EngineEvent::Level level, EngineEvent::Kind kind, const Message &message)
{
    EngineEvent event;
    event.time = QDateTime::currentDateTime();
    event.level = level;
    event.kind = kind;
    event.message = message;
    log(event);
}

void Daemon::log(const EngineEvent &event)
{
    const QByteArray line = EventFormatter::format(event, m_options.logFormat);
    std::fprintf(stderr, "%s\n", line.constData());
    std::fflush(stderr);
}

} // namespace PortRelay
