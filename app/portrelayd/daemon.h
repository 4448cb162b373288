#pragma once

#include "core/engine/engine.h"
#include "core/engine/eventformatter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace PortRelay {

// portrelayd's behaviour around the engine: load the rules file, log events, reload on SIGHUP,
// drain and exit on SIGTERM/SIGINT.
class Daemon final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString configPath;
        EventFormatter::Format logFormat = EventFormatter::Format::Text;
        Engine::Options engine;
        int graceMs = 5000; // how long open connections may finish after SIGTERM
    };

    explicit Daemon(const Options &options, QObject *parent = nullptr);

    // Loads the rules file and starts every enabled rule. On an invalid file, or a rule that
    // cannot listen, prints why to stderr and returns false (with nothing left running).
    bool start();
    // Re-reads the rules file; an invalid file leaves the running set as it is, and says why.
    void reload();
    // Stops accepting, lets open connections finish for up to graceMs, then quits the event loop.
    // Called again while draining, it quits at once.
    void terminate();

private:
    void log(const EngineEvent &event);
    void logIssue(EngineEvent::Level level, EngineEvent::Kind kind, const Message &message);
    void checkDrained();

    Options m_options;
    Engine m_engine;
    QTimer m_drainTimer;
    QElapsedTimer m_draining;
};

} // namespace PortRelay
