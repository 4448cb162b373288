#pragma once

#include "core/secrets/secretstore.h"

namespace PortRelay {

// The window's secrets in the system keychain (the Secret Service of GNOME Keyring or KWallet,
// through QtKeychain), under the service "PortRelay", one entry per secret name. Every call is
// one asynchronous job: nothing blocks the GUI thread. Where no keychain service runs (minimal
// desktops), each call fails with a message that says so; the window then offers not to save.
class KeychainSecretStore final : public SecretStore
{
public:
    // service: the keychain's service name; another one keeps tests apart from the user's secrets.
    explicit KeychainSecretStore(QString service = QStringLiteral("PortRelay"));

    void read(const QString &name, QObject *context, Callback done) override;
    void write(const QString &name, const QByteArray &value, QObject *context, Callback done) override;
    void remove(const QString &name, QObject *context, Callback done) override;
    bool isWritable() const override { return true; }

private:
    QString m_service;
};

} // namespace PortRelay
