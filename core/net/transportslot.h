#pragma once

#include "core/net/rawtcptransport.h"

#include <memory>

namespace PortRelay {

// Where a session (or a health probe) keeps one side's transport. A plain TCP socket, which
// nearly every connection is, lives inside the slot, so a connection costs no allocation per
// side; a transport layered on the socket (TLS) owns its socket and lives on the heap.
//
// Empty, raw or layered; moved, never copied. A connect attempt hands its connection over as a
// slot, and the worker admits a client in one.
class TransportSlot
{
public:
    TransportSlot() = default;
    // Relays over the socket as it is.
    explicit TransportSlot(UniqueFd socket)
        : m_raw(std::move(socket))
    {}
    // Relays through layer, which owns its socket.
    explicit TransportSlot(std::unique_ptr<Transport> layer)
        : m_layer(std::move(layer))
    {}
    TransportSlot(TransportSlot &&) noexcept = default;
    TransportSlot &operator=(TransportSlot &&) noexcept = default;
    Q_DISABLE_COPY(TransportSlot)

    bool isEmpty() const { return !m_layer && m_raw.fd() < 0; }
    bool isLayered() const { return m_layer != nullptr; }

    Transport &get() { return m_layer ? *m_layer : static_cast<Transport &>(m_raw); }
    const Transport &get() const { return m_layer ? *m_layer : static_cast<const Transport &>(m_raw); }
    Transport *operator->() { return &get(); }
    const Transport *operator->() const { return &get(); }

    // The raw socket, for a layer that takes it over (TLS over a connection made directly).
    // Only when !isLayered(); the slot is empty afterwards.
    UniqueFd releaseSocket()
    {
        Q_ASSERT(!isLayered());
        return m_raw.releaseDescriptor();
    }

    // Closes the transport and empties the slot.
    void reset()
    {
        m_layer.reset();
        m_raw = RawTcpTransport();
    }

private:
    RawTcpTransport m_raw;
    std::unique_ptr<Transport> m_layer;
};

} // namespace PortRelay
