#pragma once

#include "core/i18n/message.h"
#include "core/ruleset/rule.h"

#include <QObject>

#include <memory>

namespace PortRelay {

class HostResolver;
class WorkerPool;

// "Test Backends": the rule's own health check, run once against each of its backends now, on
// the data plane's kind of event loop and through the connector traffic would take, so that what
// the editor shows is what the engine will find (send and expect included, the same words as the
// event log). Names are looked up as the engine looks them up. A thread of its own is started at
// the first run and kept until this object goes.
class BackendTest final : public QObject
{
    Q_OBJECT

public:
    explicit BackendTest(QObject *parent = nullptr);
    // Checks under way are dropped unreported.
    ~BackendTest() override;
    Q_DISABLE_COPY_MOVE(BackendTest)

    // Checks every backend of rule, enabled or not, with its health check; a rule whose checks are
    // off gets a plain connect within its connect timeout. Each backend ends with tested(); a new
    // run() or cancel() drops what the previous run had under way without reporting it.
    void run(const Rule &rule);
    void cancel();
    bool isRunning() const { return m_pending > 0; }

    // The rule run() actually checks: every backend enabled, "type": "none" made a plain connect.
    static Rule testedRule(const Rule &rule);

Q_SIGNALS:
    // micros: from the start of the check to its outcome (0 when the name did not resolve).
    void tested(int backend, bool passed, qint64 micros, const PortRelay::Message &result);
    void finished();

private:
    struct Run;

    void startCheck(const std::shared_ptr<Run> &run, int backend);
    void report(const std::shared_ptr<Run> &run, int backend, bool passed, qint64 micros, const Message &result);

    std::unique_ptr<WorkerPool> m_workers;
    std::unique_ptr<HostResolver> m_resolver;
    std::shared_ptr<Run> m_run;
    int m_pending = 0;
};

} // namespace PortRelay
