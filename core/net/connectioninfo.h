#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace PortRelay {

// One open client connection, as listed for the user (taken on request, never streamed).
struct ConnectionInfo
{
    int worker = 0;
    quint64 serial = 0; // with worker, names the connection for Engine::closeConnection()
    QString rule;
    QString client;       // "127.0.0.1:53122"
    QString backend;      // as configured; empty while none is connected
    quint64 bytesIn = 0;  // from the client
    quint64 bytesOut = 0; // to the client
    quint32 heldUp = 0;   // read from the client, not yet written to the backend (in our buffers)
    quint32 heldDown = 0; // read from the backend, not yet written to the client
    qint64 ageMs = 0;
    bool connecting = false; // still looking for a backend
};

} // namespace PortRelay

Q_DECLARE_METATYPE(PortRelay::ConnectionInfo)
