#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace PortRelay::Test {

// A server under test as a child process (portrelayd), with its standard error collected as it
// comes. Killed when destroyed, so a failing test leaves nothing running.
class DaemonProcess
{
public:
    DaemonProcess() = default;
    ~DaemonProcess();
    Q_DISABLE_COPY_MOVE(DaemonProcess)

    // descriptorLimit > 0: the child's soft and hard RLIMIT_NOFILE, set before it starts (it
    // cannot raise a hard limit, so this is the "ulimit -n" it runs under).
    void start(const QString &program, const QStringList &arguments, int descriptorLimit = 0);
    void signal(int number) const;
    // Waits for the exit; false on timeout.
    bool finished(int timeoutMs);
    // Waits until the log contains text; false on timeout.
    bool waitForLog(const QByteArray &text, int timeoutMs);
    qint64 pid() const { return process.processId(); }

    QProcess process;
    QByteArray log;
};

} // namespace PortRelay::Test
