#include "streampeer.h"

#include "streamhasher.h"

#include <cerrno>
#include <chrono>
#include <memory>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>

namespace PortRelay::Test {

namespace {

constexpr std::size_t ChunkSize = 64 * 1024;

}

quint64 patternHash(quint64 seed, quint64 length)
{
    PatternSource source(seed);
    StreamHasher hasher;
    std::vector<char> chunk(ChunkSize);
    while (length > 0) {
        const std::size_t n = std::size_t(qMin<quint64>(length, ChunkSize));
        source.fill(chunk.data(), ChunkSize);
        hasher.add(chunk.data(), n);
        length -= n;
    }
    return hasher.value();
}

StreamResult StreamPeer::run(int fd) const
{
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

    StreamResult result;
    PatternSource source(seed);
    StreamHasher sentHasher;
    StreamHasher receivedHasher;
    std::vector<char> out(ChunkSize);
    std::vector<char> in(ChunkSize);
    std::size_t outOffset = 0;
    std::size_t outLength = 0;
    bool sendDone = toSend == 0;
    if (sendDone && halfCloseAfterSend && !receiveFirst)
        ::shutdown(fd, SHUT_WR);

    while (!result.sawEof || !sendDone) {
        const bool sending = !sendDone && (!receiveFirst || result.sawEof);
        const bool receiving = !result.sawEof && (!mayReceive || mayReceive());
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            result.timedOut = true;
            break;
        }
        pollfd p{fd, short((receiving ? POLLIN : 0) | (sending ? POLLOUT : 0)), 0};
        // A slow reader polls only for output, so wake up now and then to ask it again.
        ::poll(&p, 1, int(qMin<qint64>(left, receiving ? 1000 : 20)));
        if (receiving && (p.revents & (POLLIN | POLLHUP | POLLERR))) {
            const ssize_t n = ::recv(fd, in.data(), in.size(), 0);
            if (n > 0) {
                receivedHasher.add(in.data(), std::size_t(n));
            } else if (n == 0) {
                result.sawEof = true;
                if (receiveFirst && toSend == 0 && halfCloseAfterSend)
                    ::shutdown(fd, SHUT_WR);
            } else if (errno != EAGAIN && errno != EINTR) {
                result.error = errno;
                break;
            }
        }
        if (sending && (p.revents & (POLLOUT | POLLERR))) {
            if (outOffset == outLength) {
                const quint64 remaining = toSend - result.sent;
                source.fill(out.data(), ChunkSize);
                outLength = std::size_t(qMin<quint64>(remaining, ChunkSize));
                outOffset = 0;
                sentHasher.add(out.data(), outLength);
            }
            const ssize_t n = ::send(fd, out.data() + outOffset, outLength - outOffset, MSG_NOSIGNAL);
            if (n > 0) {
                outOffset += std::size_t(n);
                result.sent += quint64(n);
                if (result.sent == toSend) {
                    sendDone = true;
                    if (halfCloseAfterSend)
                        ::shutdown(fd, SHUT_WR);
                }
            } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
                result.error = errno;
                break;
            }
        }
    }
    result.sentHash = sentHasher.value();
    result.received = receivedHasher.bytes();
    result.receivedHash = receivedHasher.value();
    return result;
}

} // namespace PortRelay::Test
