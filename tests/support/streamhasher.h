#pragma once

#include <QtGlobal>

#include <cstddef>

namespace PortRelay::Test {

// A fast order-sensitive 64-bit hash of a byte stream, independent of how the stream is chunked:
// enough to prove that every byte arrived, once, in order.
class StreamHasher
{
public:
    void add(const char *data, std::size_t length);
    quint64 value() const;
    quint64 bytes() const { return m_bytes; }

private:
    void mixWord(quint64 word);

    quint64 m_state = 0x243f6a8885a308d3ULL;
    quint64 m_bytes = 0;
    quint64 m_partial = 0;
    int m_partialBytes = 0;
};

// Deterministic pseudo-random bytes (xorshift64*), so sender and receiver need not share buffers.
class PatternSource
{
public:
    explicit PatternSource(quint64 seed)
        : m_state(seed | 1)
    {}
    void fill(char *data, std::size_t length);

private:
    quint64 m_state;
};

} // namespace PortRelay::Test
