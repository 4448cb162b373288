#pragma once

#include "core/secrets/secretstore.h"

#include <QHash>

namespace PortRelay {

// Secrets kept in this process only: for tests, and for a window whose user chose not to save a
// passphrase ("don't save": asked again after a restart).
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString &name, QObject *context, Callback done) override;
    void write(const QString &name, const QByteArray &value, QObject *context, Callback done) override;
    void remove(const QString &name, QObject *context, Callback done) override;
    bool isWritable() const override { return true; }

private:
    QHash<QString, QByteArray> m_values;
};

} // namespace PortRelay
