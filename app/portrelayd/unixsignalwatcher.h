#pragma once

#include <QObject>

#include <atomic>
#include <initializer_list>
#include <vector>

class QSocketNotifier;

namespace PortRelay {

// Turns Unix signals into a Qt signal on the thread that created the watcher. The handler only
// writes the signal number to a socket pair (async-signal-safe); everything else runs in the event
// loop. One instance per process.
class UnixSignalWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;
    Q_DISABLE_COPY_MOVE(UnixSignalWatcher)

Q_SIGNALS:
    void signalReceived(int signalNumber);

private:
    static void handle(int signalNumber);
    void onReadable();

    static std::atomic<int> s_writeFd; // lock-free, so safe to read in a signal handler
    int m_readFd = -1;
    std::vector<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace PortRelay
