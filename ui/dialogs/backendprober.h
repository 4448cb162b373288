#pragma once

#include "core/ruleset/endpoint.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace PortRelay {

// Probes endpoints with one TCP connect each, all at once and without blocking: the rule editor's
// "Test backends". Each probe ends with probed(); a new probe() or cancel() drops the old ones
// without reporting them.
class BackendProber final : public QObject
{
    Q_OBJECT

public:
    explicit BackendProber(QObject *parent = nullptr);
    ~BackendProber() override;
    Q_DISABLE_COPY_MOVE(BackendProber)

    // index is the caller's, handed back in probed(). Connects bypass any proxy.
    void probe(const QList<std::pair<int, Endpoint>> &targets, int timeoutMs);
    void cancel();
    bool isRunning() const { return !m_pending.isEmpty(); }

    // "connection refused", "host not found", "timed out after 5000 ms".
    static QString describeFailure(const QTcpSocket &socket);

Q_SIGNALS:
    void probed(int index, bool ok, double milliseconds, const QString &error);
    void finished();

private:
    void settle(QTcpSocket *socket, int index, bool ok, double milliseconds, const QString &error);

    QList<QPointer<QTcpSocket>> m_pending;
};

} // namespace PortRelay
