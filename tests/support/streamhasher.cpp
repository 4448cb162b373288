#include "streamhasher.h"

#include <cstring>

namespace PortRelay::Test {

void StreamHasher::mixWord(quint64 word)
{
    m_state ^= word;
    m_state *= 0x9e3779b97f4a7c15ULL;
    m_state = (m_state << 29) | (m_state >> 35);
}

void StreamHasher::add(const char *data, std::size_t length)
{
    m_bytes += length;
    std::size_t i = 0;
    while (i < length && m_partialBytes > 0) {
        m_partial |= quint64(quint8(data[i++])) << (8 * m_partialBytes);
        if (++m_partialBytes == 8) {
            mixWord(m_partial);
            m_partial = 0;
            m_partialBytes = 0;
        }
    }
    for (; i + 8 <= length; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        mixWord(word);
    }
    for (; i < length; ++i) {
        m_partial |= quint64(quint8(data[i])) << (8 * m_partialBytes);
        ++m_partialBytes;
    }
}

quint64 StreamHasher::value() const
{
    quint64 h = m_state ^ m_partial ^ (m_bytes * 0xff51afd7ed558ccdULL);
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

void PatternSource::fill(char *data, std::size_t length)
{
    std::size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        const quint64 word = m_state * 0x2545f4914f6cdd1dULL;
        std::memcpy(data + i, &word, 8);
    }
    for (; i < length; ++i)
        data[i] = char(i * 131);
}

} // namespace PortRelay::Test
