#include "daemonprocess.h"

#include <QDeadlineTimer>

#include <csignal>

#include <sys/resource.h>

namespace PortRelay::Test {

DaemonProcess::~DaemonProcess()
{
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
}

void DaemonProcess::start(const QString &program, const QStringList &arguments, int descriptorLimit)
{
    process.setProgram(program);
    process.setArguments(arguments);
    process.setReadChannel(QProcess::StandardError); // what waitForLog() waits on
    if (descriptorLimit > 0) {
        process.setChildProcessModifier([descriptorLimit] {
            const rlimit limit{rlim_t(descriptorLimit), rlim_t(descriptorLimit)};
            ::setrlimit(RLIMIT_NOFILE, &limit);
        });
    }
    QObject::connect(&process, &QProcess::readyReadStandardError, &process,
                     [this] { log += process.readAllStandardError(); });
    process.start();
}

void DaemonProcess::signal(int number) const
{
    ::kill(pid_t(process.processId()), number);
}

bool DaemonProcess::finished(int timeoutMs)
{
    const bool done = process.waitForFinished(timeoutMs);
    log += process.readAllStandardError();
    return done;
}

bool DaemonProcess::waitForLog(const QByteArray &text, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!log.contains(text)) {
        if (deadline.hasExpired() || process.state() == QProcess::NotRunning)
            return log.contains(text);
        process.waitForReadyRead(int(qMax<qint64>(1, qMin<qint64>(100, deadline.remainingTime()))));
        log += process.readAllStandardError();
    }
    return true;
}

} // namespace PortRelay::Test
