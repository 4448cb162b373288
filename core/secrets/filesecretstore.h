#pragma once

#include "core/secrets/secretstore.h"

#include <QHash>

#include <memory>

namespace PortRelay {

// portrelayd's --secrets FILE: a JSON object of name to value ({"bastion-key": "…"}), read once.
// Refused unless it is a regular file of the user running portrelayd that no one else may read
// or write (mode 0600 or stricter), as ssh refuses a private key others can read. Read-only: the
// user edits the file.
class FileSecretStore final : public SecretStore
{
public:
    // The store, or null with why in *error (naming the file and what is wrong with it).
    static std::unique_ptr<FileSecretStore> open(const QString &path, Message *error);

    void read(const QString &name, QObject *context, Callback done) override;
    void write(const QString &name, const QByteArray &value, QObject *context, Callback done) override;
    void remove(const QString &name, QObject *context, Callback done) override;
    bool isWritable() const override { return false; }

    // The names it holds, for a start-up check of the hops that need one.
    QStringList names() const { return m_values.keys(); }

private:
    FileSecretStore(QString path, QHash<QString, QByteArray> values);

    QString m_path;
    QHash<QString, QByteArray> m_values;
};

} // namespace PortRelay
