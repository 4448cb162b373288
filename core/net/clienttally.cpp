#include "core/net/clienttally.h"

#include <cstring>

#include <netinet/in.h>
#include <sys/socket.h>

namespace PortRelay {

ClientTally::Key ClientTally::keyOf(const sockaddr_storage &peer)
{
    Key key{};
    if (peer.ss_family == AF_INET) {
        const auto &in = reinterpret_cast<const sockaddr_in &>(peer);
        key[10] = 0xff;
        key[11] = 0xff;
        std::memcpy(key.data() + 12, &in.sin_addr, 4);
    } else if (peer.ss_family == AF_INET6) {
        const auto &in6 = reinterpret_cast<const sockaddr_in6 &>(peer);
        std::memcpy(key.data(), &in6.sin6_addr, 16);
    }
    return key;
}

std::size_t ClientTally::KeyHash::operator()(const Key &key) const noexcept
{
    quint64 high;
    quint64 low;
    std::memcpy(&high, key.data(), 8);
    std::memcpy(&low, key.data() + 8, 8);
    // Mix both halves: IPv4 clients differ only in the low one.
    return std::size_t((high * 0x9E3779B97F4A7C15ull) ^ (low * 0xC2B2AE3D27D4EB4Full) ^ (low >> 29));
}

bool ClientTally::tryAcquire(const Key &key, int limit)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    int &open = m_open[key];
    if (open >= limit) {
        if (open == 0)
            m_open.erase(key);
        return false;
    }
    ++open;
    return true;
}

void ClientTally::release(const Key &key)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_open.find(key);
    Q_ASSERT(it != m_open.end());
    if (it != m_open.end() && --it->second <= 0)
        m_open.erase(it);
}

int ClientTally::openFrom(const Key &key) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_open.find(key);
    return it == m_open.end() ? 0 : it->second;
}

std::size_t ClientTally::clientCount() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_open.size();
}

} // namespace PortRelay
