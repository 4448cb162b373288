#include "core/net/hostresolver.h"

#include "core/net/sockets.h"

#include <cstring>

#include <netdb.h>
#include <pthread.h>
#include <sys/socket.h>

namespace PortRelay {

namespace {

constexpr char Context[] = "HostResolver";

// Our words for the usual failures (glibc's own texts follow the locale, and are terse).
Message lookupErrorText(int code)
{
    switch (code) {
    case EAI_NONAME:
        return Message(Context, QT_TRANSLATE_NOOP("HostResolver", "Name or service not known"));
    case EAI_NODATA:
        return Message(Context, QT_TRANSLATE_NOOP("HostResolver", "No address associated with hostname"));
    case EAI_AGAIN:
        return Message(Context, QT_TRANSLATE_NOOP("HostResolver", "Temporary failure in name resolution"));
    case EAI_FAIL:
        return Message(Context, QT_TRANSLATE_NOOP("HostResolver", "Non-recoverable failure in name resolution"));
    case EAI_MEMORY:
        return Message(Context, QT_TRANSLATE_NOOP("HostResolver", "Out of memory"));
    case EAI_SYSTEM:
        return Sockets::systemErrorMessage(errno);
    default:
        return Message::verbatim(QString::fromLocal8Bit(::gai_strerror(code)));
    }
}

} // namespace

HostResolver::HostResolver(int threads, QObject *parent)
    : QObject(parent)
    , m_threadCount(qMax(1, threads))
{}

HostResolver::~HostResolver()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
}

void HostResolver::resolve(const QString &host, quint16 port, std::weak_ptr<void> guard, Callback done)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(Job{host, port, std::move(guard), std::move(done), {}});
        if (m_threads.empty()) {
            for (int i = 0; i < m_threadCount; ++i)
                m_threads.emplace_back([this] { threadMain(); });
        }
    }
    m_wake.notify_one();
}

void HostResolver::threadMain()
{
    ::pthread_setname_np(::pthread_self(), "portrelay-dns");
    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        job.result = lookup(job.host, job.port);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_stopping)
                return;
            m_done.push_back(std::move(job));
        }
        // One wake-up for a batch: the queued call carries nothing, the mailbox carries the data.
        if (!m_deliveryScheduled.exchange(true))
            QMetaObject::invokeMethod(this, &HostResolver::deliverDone, Qt::QueuedConnection);
    }
}

void HostResolver::deliverDone()
{
    m_deliveryScheduled = false;
    std::vector<Job> batch;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        batch.swap(m_done);
    }
    for (Job &job : batch) {
        if (!job.guard.expired())
            job.done(job.result);
    }
}

HostResolver::Result HostResolver::lookup(const QString &host, quint16 port)
{
    Result result;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    addrinfo *list = nullptr;
    const QByteArray name = host.toUtf8();
    const int code = ::getaddrinfo(name.constData(), nullptr, &hints, &list);
    if (code != 0) {
        result.error = lookupErrorText(code);
        result.nameUnknown = code == EAI_NONAME || code == EAI_NODATA;
        return result;
    }
    for (const addrinfo *entry = list; entry; entry = entry->ai_next) {
        if (entry->ai_family != AF_INET && entry->ai_family != AF_INET6)
            continue;
        const SocketAddress address = SocketAddress::fromNative(entry->ai_addr, entry->ai_addrlen).withPort(port);
        bool seen = false;
        for (const SocketAddress &known : result.addresses)
            seen = seen || known.address() == address.address();
        if (!seen)
            result.addresses.push_back(address);
    }
    ::freeaddrinfo(list);
    if (result.addresses.empty()) {
        result.error = lookupErrorText(EAI_NODATA);
        result.nameUnknown = true;
    }
    return result;
}

} // namespace PortRelay
