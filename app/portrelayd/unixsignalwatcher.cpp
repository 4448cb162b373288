#include "unixsignalwatcher.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>

#include <sys/socket.h>
#include <unistd.h>

namespace PortRelay {

std::atomic<int> UnixSignalWatcher::s_writeFd{-1};

UnixSignalWatcher::UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent)
    : QObject(parent)
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds) != 0)
        qFatal("portrelayd: cannot create the signal socket pair");
    s_writeFd.store(fds[0]);
    m_readFd = fds[1];
    m_notifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalWatcher::onReadable);

    struct sigaction action = {};
    action.sa_handler = &UnixSignalWatcher::handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int number : signalNumbers) {
        ::sigaction(number, &action, nullptr);
        m_signals.push_back(number);
    }
}

UnixSignalWatcher::~UnixSignalWatcher()
{
    // Default handling first, so a late signal never writes to a descriptor number reused since.
    for (const int number : m_signals)
        ::signal(number, SIG_DFL);
    delete m_notifier;
    ::close(m_readFd);
    ::close(s_writeFd.exchange(-1));
}

void UnixSignalWatcher::handle(int signalNumber)
{
    // May run on any thread, between a failed call and its errno check: leave errno as it was.
    const int savedErrno = errno;
    const char byte = char(signalNumber);
    const int fd = s_writeFd.load();
    if (fd >= 0) {
        [[maybe_unused]] const ssize_t written = ::write(fd, &byte, 1);
    }
    errno = savedErrno;
}

void UnixSignalWatcher::onReadable()
{
    char byte = 0;
    while (::read(m_readFd, &byte, 1) == 1)
        Q_EMIT signalReceived(int(byte));
}

} // namespace PortRelay
