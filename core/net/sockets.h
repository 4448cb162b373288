#pragma once

#include "core/net/socketaddress.h"
#include "core/net/uniquefd.h"

#include "core/i18n/message.h"

// Thin helpers over the BSD socket calls the data plane makes. Everything is non-blocking and
// close-on-exec; errors come back as errno values or as sentences for the user.
namespace PortRelay::Sockets {

// A listening TCP socket bound to address. On failure returns an invalid fd and sets *errorCode to
// its errno (errorMessage() says it in words).
UniqueFd listen(const SocketAddress &address, int backlog, int *errorCode);

// Starts a non-blocking connect. Returns the socket, with *errorCode 0 (connected at once),
// EINPROGRESS (wait for writability) or the errno of an immediate failure (socket invalid then).
UniqueFd connectNonBlocking(const SocketAddress &address, int *errorCode);

// TCP_NODELAY and keep-alive (so idle_timeout_ms 0 still finds dead peers within minutes). Set on
// listeners too, whose accepted sockets inherit them.
void tuneConnected(int fd);

// The pending error of a socket (SO_ERROR), 0 when none.
int pendingError(int fd);

// Closes with an RST instead of a FIN, so the peer sees the failure as a failure.
void resetAndClose(int fd);

// Errors that mean this process ran short (descriptors, buffers, memory), not that a peer failed.
bool isLocalResourceError(int errorCode);

// An errno from bind/listen/connect/send/recv in words ("connection refused"), in English for
// logs and translated for the window.
Message errorMessage(int errorCode);
// The system's own text for an errno: strerror() in English and in the user's locale.
Message systemErrorMessage(int errorCode);

// The CPUs this process may run on (sched_getaffinity), at least 1.
int usableCpuCount();

// Raises the soft descriptor limit to the hard one, as servers do; returns the new soft limit.
long raiseDescriptorLimit();

} // namespace PortRelay::Sockets
