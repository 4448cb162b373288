#include "ui/keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace PortRelay {

namespace {

constexpr char Context[] = "PortRelay::SecretStore";

// What a finished job says, in the store's terms. job->errorString() is QtKeychain's own English
// (or the D-Bus service's), shown as it is.
SecretStore::Result outcomeOf(const QKeychain::Job &job, const QByteArray &value)
{
    SecretStore::Result result;
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = SecretStore::Result::Status::Done;
        result.value = value;
        break;
    case QKeychain::EntryNotFound:
        result.status = SecretStore::Result::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
        result.error =
            Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore", "no keychain service is running (%1)"))
                .arg(job.errorString());
        break;
    case QKeychain::AccessDeniedByUser:
        result.error = Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore", "the keychain was not unlocked"));
        break;
    default:
        result.error =
            Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore", "keychain: %1")).arg(job.errorString());
        break;
    }
    return result;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{}

void KeychainSecretStore::read(const QString &name, QObject *context, Callback done)
{
    if (!isValidName(name)) {
        answerLater(context, std::move(done), failed(invalidName(name)));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(name);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [context = QPointer<QObject>(context), done = std::move(done)](QKeychain::Job *finished) {
                         const auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
                         answerLater(context, done, outcomeOf(*read, read->binaryData()));
                     });
    job->start();
}

void KeychainSecretStore::write(const QString &name, const QByteArray &value, QObject *context, Callback done)
{
    if (!isValidName(name)) {
        answerLater(context, std::move(done), failed(invalidName(name)));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(name);
    job->setBinaryData(value);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [context = QPointer<QObject>(context), done = std::move(done)](QKeychain::Job *finished) {
                         answerLater(context, done, outcomeOf(*finished, {}));
                     });
    job->start();
}

void KeychainSecretStore::remove(const QString &name, QObject *context, Callback done)
{
    if (!isValidName(name)) {
        answerLater(context, std::move(done), failed(invalidName(name)));
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(name);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [context = QPointer<QObject>(context), done = std::move(done)](QKeychain::Job *finished) {
                         answerLater(context, done, outcomeOf(*finished, {}));
                     });
    job->start();
}

} // namespace PortRelay
