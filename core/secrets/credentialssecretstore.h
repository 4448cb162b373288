#pragma once

#include "core/secrets/secretstore.h"

namespace PortRelay {

// systemd credentials (LoadCredential=, SetCredentialEncrypted=): each secret a file named after
// it in $CREDENTIALS_DIRECTORY, which systemd makes readable by the service alone. Read-only.
class CredentialsSecretStore final : public SecretStore
{
public:
    // directory: usually qEnvironmentVariable("CREDENTIALS_DIRECTORY").
    explicit CredentialsSecretStore(QString directory);

    // The directory systemd gave this process, or empty when it runs without credentials.
    static QString directoryFromEnvironment();

    void read(const QString &name, QObject *context, Callback done) override;
    void write(const QString &name, const QByteArray &value, QObject *context, Callback done) override;
    void remove(const QString &name, QObject *context, Callback done) override;
    bool isWritable() const override { return false; }

private:
    QString m_directory;
};

} // namespace PortRelay
