#pragma once

#include <QtGlobal>

#include <functional>

namespace PortRelay::Test {

// What one end of a test stream saw.
struct StreamResult
{
    quint64 sent = 0;
    quint64 sentHash = 0;
    quint64 received = 0;
    quint64 receivedHash = 0;
    bool sawEof = false;   // the peer half-closed cleanly
    int error = 0;         // errno of a failed read or write (ECONNRESET, ...), 0 if none
    bool timedOut = false; // the deadline passed first
};

// One end of a test connection on a blocking-free loop over poll(): sends `toSend` pattern bytes
// (then half-closes, if asked) while receiving and hashing everything until end of stream.
// `beforeReceive`, if set, must return true before reading starts (to play a slow reader).
struct StreamPeer
{
    quint64 toSend = 0;
    quint64 seed = 1;
    bool halfCloseAfterSend = true;
    // Read to EOF before sending anything (a server that answers only after the whole request).
    bool receiveFirst = false;
    int timeoutMs = 60000;
    std::function<bool()> mayReceive;

    StreamResult run(int fd) const;
};

// Hash of the pattern a StreamPeer with this seed sends, for `length` bytes.
quint64 patternHash(quint64 seed, quint64 length);

} // namespace PortRelay::Test
