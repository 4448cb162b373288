#pragma once

#include "core/i18n/message.h"

#include "core/net/socketaddress.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace PortRelay {

// Looks host names up with the system's resolver (getaddrinfo: /etc/hosts, DNS, whatever
// nsswitch.conf says), on threads of its own: never on the caller's thread or a worker's, so a
// slow DNS server delays that lookup and nothing else. Every address family is asked for, with
// no AI_ADDRCONFIG: "localhost" and other names may be IPv6 loopback only on a machine without a
// global IPv6 address. Results come back on the resolver's thread, in the resolver's order
// (RFC 6724), through a mutex-guarded mailbox that ThreadSanitizer can see.
class HostResolver final : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        std::vector<SocketAddress> addresses; // no duplicates, in the resolver's order
        Message error;                        // empty on success: "Name or service not known"
        bool nameUnknown = false;             // the name does not exist, as opposed to a lookup failing
    };
    using Callback = std::function<void(const Result &)>;

    explicit HostResolver(int threads = 4, QObject *parent = nullptr);
    // Lookups under way finish on their threads; their results are dropped.
    ~HostResolver() override;
    Q_DISABLE_COPY_MOVE(HostResolver)

    // Looks host up; done runs on this object's thread later, unless guard has expired by then.
    void resolve(const QString &host, quint16 port, std::weak_ptr<void> guard, Callback done);

    // The blocking lookup itself.
    static Result lookup(const QString &host, quint16 port);

private:
    struct Job
    {
        QString host;
        quint16 port = 0;
        std::weak_ptr<void> guard;
        Callback done;
        Result result;
    };

    void threadMain();
    void deliverDone();

    const int m_threadCount;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    std::vector<Job> m_done;
    bool m_stopping = false;
    std::atomic<bool> m_deliveryScheduled{false};
    std::vector<std::thread> m_threads; // started with the first lookup
};

} // namespace PortRelay
