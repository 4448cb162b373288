#pragma once

#include <QtGlobal>

#include <array>
#include <mutex>
#include <unordered_map>

struct sockaddr_storage;

namespace PortRelay {

// Open connections per client address for one rule, shared by all workers: the ledger behind
// max_connections_per_client. Only rules with that limit use it, so the lock is never taken on
// the common path; with one acquire and one release per connection it is not contended either.
class ClientTally
{
public:
    // An IPv6 address, or an IPv4 address in its IPv4-mapped form, so one client counts once
    // whether it arrives on an IPv4 or a dual-stack listener.
    using Key = std::array<quint8, 16>;
    static Key keyOf(const sockaddr_storage &peer);

    // Counts one more connection from key unless it already has limit open; false: refuse it.
    bool tryAcquire(const Key &key, int limit);
    // Gives back what tryAcquire took.
    void release(const Key &key);
    int openFrom(const Key &key) const;
    // Distinct clients with a connection open.
    std::size_t clientCount() const;

private:
    struct KeyHash
    {
        std::size_t operator()(const Key &key) const noexcept;
    };
    mutable std::mutex m_mutex;
    std::unordered_map<Key, int, KeyHash> m_open;
};

} // namespace PortRelay
