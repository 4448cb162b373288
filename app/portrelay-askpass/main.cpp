// portrelay-askpass: the SSH_ASKPASS program of PortRelay's SSH hops. OpenSSH runs it with the
// prompt ("Enter passphrase for key '…':") as its argument and reads the answer from its standard
// output. It asks the PortRelay that started the master, over a Unix socket in PortRelay's private
// runtime folder (mode 0700: no other user can connect), and prints what it gets. The secret is
// never on a command line, in an environment variable or in a file.
//
// Plain POSIX, no Qt: it runs once per prompt and must start at once.

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

bool writeAll(int fd, const char *data, std::size_t length)
{
    while (length > 0) {
        const ssize_t n = ::write(fd, data, length);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        length -= std::size_t(n);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    const char *path = std::getenv("PORTRELAY_ASKPASS_SOCKET");
    const char *token = std::getenv("PORTRELAY_ASKPASS_TOKEN");
    if (!path || !token || argc < 2)
        return 2;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (std::strlen(path) >= sizeof(address.sun_path))
        return 2;
    std::strcpy(address.sun_path, path);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0)
        return 2;

    // One line each: who asks, and what. A prompt never spans lines in what we send.
    std::string request = std::string(token) + '\n';
    for (const char *p = argv[1]; *p; ++p)
        request += (*p == '\n') ? ' ' : *p;
    request += '\n';
    if (!writeAll(fd, request.data(), request.size()))
        return 2;
    ::shutdown(fd, SHUT_WR);

    // "+<answer>" when PortRelay has it, "-" when it has not; then the end.
    std::string answer;
    char buffer[512];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        answer.append(buffer, std::size_t(n));
        if (answer.size() > 64 * 1024)
            return 2;
    }
    ::close(fd);
    if (answer.empty() || answer[0] != '+')
        return 1;
    answer.erase(0, 1);
    answer += '\n';
    const bool written = writeAll(STDOUT_FILENO, answer.data(), answer.size());
    // Not left in memory longer than needed.
    std::memset(answer.data(), 0, answer.size());
    return written ? 0 : 2;
}
