#include "core/secrets/secretstore.h"

#include <QMetaObject>

namespace PortRelay {

bool SecretStore::isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 128 || name.startsWith(u'.'))
        return false;
    for (const QChar c : name) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
                             c == u'.' || c == u'_' || c == u'-';
        if (!allowed)
            return false;
    }
    return true;
}

void SecretStore::answerLater(QObject *context, Callback done, Result result)
{
    if (!context || !done)
        return;
    // Queued even on the caller's own thread: done never runs inside read(), write() or remove().
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

SecretStore::Result SecretStore::found(const QByteArray &value)
{
    Result result;
    result.status = Result::Status::Done;
    result.value = value;
    return result;
}

SecretStore::Result SecretStore::notFound()
{
    Result result;
    result.status = Result::Status::NotFound;
    return result;
}

Message SecretStore::invalidName(const QString &name)
{
    return Message("PortRelay::SecretStore",
                   QT_TRANSLATE_NOOP("PortRelay::SecretStore",
                                     "\"%1\" is not a secret name: use letters, digits, '.', '_' and '-'"))
        .arg(name);
}

SecretStore::Result SecretStore::failed(const Message &error)
{
    Result result;
    result.status = Result::Status::Failed;
    result.error = error;
    return result;
}

} // namespace PortRelay
