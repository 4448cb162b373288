#include "core/secrets/credentialssecretstore.h"

#include <QDir>
#include <QFile>

namespace PortRelay {

namespace {

constexpr char Context[] = "PortRelay::SecretStore";

} // namespace

CredentialsSecretStore::CredentialsSecretStore(QString directory)
    : m_directory(std::move(directory))
{}

QString CredentialsSecretStore::directoryFromEnvironment()
{
    return qEnvironmentVariable("CREDENTIALS_DIRECTORY");
}

void CredentialsSecretStore::read(const QString &name, QObject *context, Callback done)
{
    // A name is a file name here: nothing that could leave the directory.
    if (!isValidName(name)) {
        answerLater(context, std::move(done), failed(invalidName(name)));
        return;
    }
    QFile file(QDir(m_directory).filePath(name));
    if (!file.exists()) {
        answerLater(context, std::move(done), notFound());
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        answerLater(context, std::move(done),
                    failed(Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore", "credential %1: %2"))
                               .arg(file.fileName())
                               .arg(file.errorString())));
        return;
    }
    QByteArray value = file.readAll();
    // A credential written with echo keeps its newline; no passphrase ends with one.
    if (value.endsWith('\n'))
        value.chop(1);
    answerLater(context, std::move(done), found(value));
}

void CredentialsSecretStore::write(const QString &, const QByteArray &, QObject *context, Callback done)
{
    answerLater(context, std::move(done),
                failed(Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore",
                                                          "systemd credentials are read-only: set them in the unit "
                                                          "(LoadCredential=)"))));
}

void CredentialsSecretStore::remove(const QString &name, QObject *context, Callback done)
{
    write(name, {}, context, std::move(done));
}

} // namespace PortRelay
