#include "core/net/transport.h"

#include <cerrno>

namespace PortRelay {

IoResult Transport::receiveToPipe(int, std::size_t)
{
    return IoResult::failed(EOPNOTSUPP);
}

IoResult Transport::sendFromPipe(int, std::size_t)
{
    return IoResult::failed(EOPNOTSUPP);
}

} // namespace PortRelay
