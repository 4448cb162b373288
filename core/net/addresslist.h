#pragma once

#include "core/net/socketaddress.h"

#include <atomic>
#include <memory>
#include <vector>

namespace PortRelay {

// The addresses of one backend, in the order to try them (a literal address, or what the
// system's resolver gave for a name, RFC 6724 order). Immutable once published; a new lookup
// publishes a new list with a new generation.
struct AddressList
{
    std::vector<SocketAddress> addresses;
    quint64 generation = 0; // unique for the process's lifetime

    // A new list with a generation of its own.
    static std::shared_ptr<const AddressList> make(std::vector<SocketAddress> addresses)
    {
        static std::atomic<quint64> nextGeneration{1};
        auto list = std::make_shared<AddressList>();
        list->addresses = std::move(addresses);
        list->generation = nextGeneration.fetch_add(1, std::memory_order_relaxed);
        return list;
    }

    bool isEmpty() const { return addresses.empty(); }
    int size() const { return int(addresses.size()); }
    const SocketAddress &at(int index) const { return addresses[std::size_t(index)]; }
};

} // namespace PortRelay
