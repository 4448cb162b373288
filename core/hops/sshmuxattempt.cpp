#include "core/hops/sshmuxattempt.h"

#include "core/hops/hopruntime.h"
#include "core/hops/sshchanneltransport.h"
#include "core/net/clock.h"
#include "core/net/sockets.h"

#include <QtEndian>

#include <cerrno>
#include <cstring>

#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>

namespace PortRelay {

namespace {

constexpr const char *Context = "PortRelay::SshHop";

// PROTOCOL.mux, section 11.
constexpr quint32 MuxHello = 0x00000001;
constexpr quint32 MuxNewStdioForward = 0x10000008;
constexpr quint32 MuxPermissionDenied = 0x80000002;
constexpr quint32 MuxFailure = 0x80000003;
constexpr quint32 MuxSessionOpened = 0x80000006;
constexpr quint32 MuxVersion = 4;
constexpr quint32 RequestId = 1;
// Replies are a few dozen bytes; a master that sends more is not one.
constexpr qsizetype MaxPacket = 64 * 1024;
// How soon a connect refused for a full backlog is tried again.
constexpr qint64 BacklogRetryMs = 2;

void putU32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void putString(QByteArray &out, const QByteArray &value)
{
    putU32(out, quint32(value.size()));
    out.append(value);
}

quint32 u32At(const QByteArray &data, qsizetype offset)
{
    return qFromBigEndian<quint32>(data.constData() + offset);
}

QByteArray packet(const QByteArray &body)
{
    QByteArray out;
    putU32(out, quint32(body.size()));
    return out + body;
}

// Whole packets go out in one call: they are tiny and the socket is new, so the kernel takes them.
bool sendAll(int fd, const QByteArray &data)
{
    const ssize_t sent = ::send(fd, data.constData(), std::size_t(data.size()), MSG_NOSIGNAL);
    return sent == data.size();
}

// One descriptor with one byte of data, as OpenSSH's mm_send_fd does: the master reads it with
// a recvmsg of its own, so each must be a message of its own.
bool sendDescriptor(int socket, int descriptor)
{
    char byte = 0;
    iovec vector{&byte, 1};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr message{};
    message.msg_iov = &vector;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof(control);
    cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(header), &descriptor, sizeof(int));
    return ::sendmsg(socket, &message, MSG_NOSIGNAL) == 1;
}

} // namespace

SshMuxAttempt::SshMuxAttempt(std::shared_ptr<const HopRuntime> hop, QByteArray host, quint16 port, qint64 deadlineMs,
                             const Clock &clock)
    : m_hop(std::move(hop))
    , m_host(std::move(host))
    , m_port(port)
    , m_clock(clock)
    , m_deadlineMs(deadlineMs)
{}

SshMuxAttempt::~SshMuxAttempt() = default;

ConnectAttempt::Progress SshMuxAttempt::start(qint64 nowMs)
{
    m_startedUs = m_clock.nowUs();
    m_timeoutAtMs = m_deadlineMs;
    if (!m_hop->isUp()) {
        const Message why = m_hop->reason();
        return fail(
            EHOSTUNREACH,
            why.isEmpty()
                ? Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "hop \"%1\" is not up")).arg(m_hop->name())
                : Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "hop \"%1\" is down: %2"))
                      .arg(m_hop->name())
                      .arg(why));
    }
    return connectControl(nowMs);
}

ConnectAttempt::Progress SshMuxAttempt::connectControl(qint64 nowMs)
{
    const QByteArray &path = m_hop->controlPath();
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (std::size_t(path.size()) >= sizeof(address.sun_path))
        return fail(ENAMETOOLONG, Message());
    std::memcpy(address.sun_path, path.constData(), std::size_t(path.size()));

    m_control.reset(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!m_control.isValid())
        return fail(errno, Message());
    ++m_socketSerial;
    if (::connect(m_control.get(), reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
        const int error = errno;
        if (error == EAGAIN) { // the master has not accepted the ones before yet
            m_control.reset();
            m_interest = 0;
            m_timeoutAtMs = qMin(nowMs + BacklogRetryMs, m_deadlineMs);
            return Progress::InProgress;
        }
        m_control.reset();
        return fail(error, Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop",
                                                              "hop \"%1\": its master does not answer (%2)"))
                               .arg(m_hop->name())
                               .arg(Sockets::errorMessage(error)));
    }
    return sendHello();
}

ConnectAttempt::Progress SshMuxAttempt::sendHello()
{
    QByteArray body;
    putU32(body, MuxHello);
    putU32(body, MuxVersion);
    if (!sendAll(m_control.get(), packet(body)))
        return fail(errno ? errno : EIO, Message());
    m_interest = EPOLLIN;
    m_timeoutAtMs = m_deadlineMs;
    // The request goes right behind the hello, without waiting for the master's: it reads one
    // packet at a time, exactly (so as not to read into the descriptors passed after one), and
    // takes the next when the first is done. One local round trip less per connection.
    const Progress progress = sendRequest();
    if (progress == Progress::InProgress)
        m_step = Step::Hello;
    return progress;
}

ConnectAttempt::Progress SshMuxAttempt::sendRequest()
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair) != 0)
        return fail(errno, Message());
    m_data.reset(pair[0]);
    UniqueFd theirs(pair[1]);

    QByteArray body;
    putU32(body, MuxNewStdioForward);
    putU32(body, RequestId);
    putString(body, QByteArray()); // reserved
    putString(body, m_host);
    putU32(body, m_port);
    // The master's input and output: the same socket, so our shutdown(SHUT_WR) is its input's end.
    if (!sendAll(m_control.get(), packet(body)) || !sendDescriptor(m_control.get(), theirs.get()) ||
        !sendDescriptor(m_control.get(), theirs.get()))
        return fail(errno ? errno : EIO, Message());
    return Progress::InProgress;
}

ConnectAttempt::Progress SshMuxAttempt::onIo(quint32 events, qint64)
{
    if (m_step == Step::Open || m_step == Step::Failed)
        return m_step == Step::Open ? Progress::Connected : Progress::Failed;
    for (;;) {
        char buffer[512];
        const ssize_t got = ::recv(m_control.get(), buffer, sizeof(buffer), 0);
        if (got > 0) {
            m_input.append(buffer, got);
            if (m_input.size() > MaxPacket + 4)
                return fail(EPROTO, Message());
            continue;
        }
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        // The end, or an error: whatever complete replies came first still count.
        const Progress progress = readReplies();
        if (progress != Progress::InProgress)
            return progress;
        const int error = got == 0 ? ECONNRESET : errno;
        return fail(error, Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop",
                                                              "hop \"%1\": its master closed the channel request"))
                               .arg(m_hop->name()));
    }
    (void)events;
    return readReplies();
}

ConnectAttempt::Progress SshMuxAttempt::readReplies()
{
    QByteArray reply;
    while (takePacket(&reply)) {
        if (reply.size() < 4)
            return fail(EPROTO, Message());
        const quint32 type = u32At(reply, 0);
        if (m_step == Step::Hello) {
            if (type != MuxHello || reply.size() < 8)
                return fail(EPROTO, Message());
            if (u32At(reply, 4) != MuxVersion)
                return fail(EPROTO, Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop",
                                                                       "hop \"%1\": its master speaks multiplexing "
                                                                       "protocol %2, not %3"))
                                        .arg(m_hop->name())
                                        .arg(qint64(u32At(reply, 4)))
                                        .arg(qint64(MuxVersion)));
            m_step = Step::Opening; // the request is already on its way
            continue;
        }
        if (reply.size() < 8 || u32At(reply, 4) != RequestId)
            return fail(EPROTO, Message());
        if (type == MuxSessionOpened) {
            m_step = Step::Open;
            m_setupMicros = m_clock.nowUs() - m_startedUs;
            return Progress::Connected;
        }
        if (type == MuxFailure || type == MuxPermissionDenied) {
            // The master says only "Session open refused by peer": the far side's own reason (refused,
            // no route, unknown name) stays in the master's log.
            return fail(ECONNREFUSED,
                        Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop",
                                                           "the far side of hop \"%1\" could not connect to %2"))
                            .arg(m_hop->name())
                            .arg(QString::fromUtf8(m_host) + u':' + QString::number(m_port)));
        }
        return fail(EPROTO, Message());
    }
    return Progress::InProgress;
}

bool SshMuxAttempt::takePacket(QByteArray *packetOut)
{
    if (m_input.size() < 4)
        return false;
    const quint32 length = u32At(m_input, 0);
    if (length > MaxPacket) {
        m_input.clear();
        *packetOut = QByteArray(); // reported as a protocol error
        return true;
    }
    if (m_input.size() < 4 + qsizetype(length))
        return false;
    *packetOut = m_input.mid(4, length);
    m_input.remove(0, 4 + length);
    return true;
}

ConnectAttempt::Progress SshMuxAttempt::onTimeout(qint64 nowMs)
{
    if (m_step == Step::Connecting && nowMs < m_deadlineMs)
        return connectControl(nowMs);
    return fail(ETIMEDOUT, Message());
}

TransportSlot SshMuxAttempt::takeTransport()
{
    return TransportSlot(std::make_unique<SshChannelTransport>(std::move(m_data), std::move(m_control)));
}

ConnectAttempt::Progress SshMuxAttempt::fail(int error, const Message &reason)
{
    m_step = Step::Failed;
    m_error = error;
    m_reason =
        reason.isEmpty() && error == EPROTO
            ? Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop", "hop \"%1\": unexpected answer from its master"))
                  .arg(m_hop->name())
            : reason;
    m_control.reset();
    m_data.reset();
    m_interest = 0;
    return Progress::Failed;
}

} // namespace PortRelay
