#include "core/secrets/filesecretstore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace PortRelay {

namespace {

constexpr char Context[] = "PortRelay::SecretStore";
// Far more than any set of passphrases; a larger file is a mistake, not secrets.
constexpr qint64 MaxFileBytes = 1024 * 1024;

Message readOnly(const QString &path)
{
    return Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore",
                                              "secrets file %1 is read-only here: edit the file to change a secret"))
        .arg(path);
}

} // namespace

FileSecretStore::FileSecretStore(QString path, QHash<QString, QByteArray> values)
    : m_path(std::move(path))
    , m_values(std::move(values))
{}

std::unique_ptr<FileSecretStore> FileSecretStore::open(const QString &path, Message *error)
{
    const QByteArray native = QFile::encodeName(path);
    // Opened first and checked on the descriptor, so the file checked is the file read.
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        const int code = errno;
        *error = Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore", "secrets file %1: %2"))
                     .arg(path)
                     .arg(Message::verbatim(QString::fromLocal8Bit(std::strerror(code))));
        return nullptr;
    }
    QFile file;
    file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
    struct stat info
    {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        *error = Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore", "secrets file %1 is not a regular file"))
                     .arg(path);
        return nullptr;
    }
    if (info.st_uid != ::geteuid()) {
        *error = Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore",
                                                    "secrets file %1 belongs to user %2, not to the user running "
                                                    "portrelayd (%3)"))
                     .arg(path)
                     .arg(qint64(info.st_uid))
                     .arg(qint64(::geteuid()));
        return nullptr;
    }
    if ((info.st_mode & 077) != 0) {
        *error =
            Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore",
                                               "secrets file %1 has mode %2, which lets other users read or change "
                                               "it: chmod 600 %1"))
                .arg(path)
                .arg(QStringLiteral("%1").arg(info.st_mode & 07777, 4, 8, QLatin1Char('0')));
        return nullptr;
    }
    if (info.st_size > MaxFileBytes) {
        *error =
            Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore", "secrets file %1 is larger than %2 bytes"))
                .arg(path)
                .arg(MaxFileBytes);
        return nullptr;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        // The parser's words only: a message quoting the file around the error could show a secret.
        *error = parseError.error != QJsonParseError::NoError
                     ? Message(Context,
                               QT_TRANSLATE_NOOP("PortRelay::SecretStore", "secrets file %1: not JSON (%2 at byte %3)"))
                           .arg(path)
                           .arg(parseError.errorString())
                           .arg(qint64(parseError.offset))
                     : Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore",
                                                          "secrets file %1: expected an object of names and values"))
                           .arg(path);
        return nullptr;
    }
    QHash<QString, QByteArray> values;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!isValidName(it.key())) {
            *error = Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore", "secrets file %1: %2"))
                         .arg(path)
                         .arg(invalidName(it.key()));
            return nullptr;
        }
        if (!it.value().isString()) {
            *error = Message(Context, QT_TRANSLATE_NOOP("PortRelay::SecretStore",
                                                        "secrets file %1: the value of \"%2\" must be a string"))
                         .arg(path)
                         .arg(it.key());
            return nullptr;
        }
        values.insert(it.key(), it.value().toString().toUtf8());
    }
    return std::unique_ptr<FileSecretStore>(new FileSecretStore(path, std::move(values)));
}

void FileSecretStore::read(const QString &name, QObject *context, Callback done)
{
    const auto it = m_values.constFind(name);
    answerLater(context, std::move(done), it == m_values.constEnd() ? notFound() : found(*it));
}

void FileSecretStore::write(const QString &, const QByteArray &, QObject *context, Callback done)
{
    answerLater(context, std::move(done), failed(readOnly(m_path)));
}

void FileSecretStore::remove(const QString &, QObject *context, Callback done)
{
    answerLater(context, std::move(done), failed(readOnly(m_path)));
}

} // namespace PortRelay
