#include "core/secrets/memorysecretstore.h"

namespace PortRelay {

void MemorySecretStore::read(const QString &name, QObject *context, Callback done)
{
    const auto found = m_values.constFind(name);
    answerLater(context, std::move(done), found == m_values.constEnd() ? notFound() : SecretStore::found(*found));
}

void MemorySecretStore::write(const QString &name, const QByteArray &value, QObject *context, Callback done)
{
    if (!isValidName(name)) {
        answerLater(context, std::move(done), failed(invalidName(name)));
        return;
    }
    m_values.insert(name, value);
    answerLater(context, std::move(done), found({}));
}

void MemorySecretStore::remove(const QString &name, QObject *context, Callback done)
{
    answerLater(context, std::move(done), m_values.remove(name) ? found({}) : notFound());
}

} // namespace PortRelay
