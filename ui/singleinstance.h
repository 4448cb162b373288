#pragma once

#include <QObject>

class QLocalServer;

namespace PortRelay {

// One PortRelay window per user: the first instance listens on a local socket in the user's
// runtime directory; a later one connects, asks it to show its window, and exits.
class SingleInstance final : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &name = QString(), QObject *parent = nullptr);

    // True when this is the first instance (and now listens); false after asking the running
    // one to show itself.
    bool claim();
    QString serverName() const { return m_name; }

Q_SIGNALS:
    void activationRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace PortRelay
