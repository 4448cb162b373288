#pragma once

#include "core/i18n/message.h"

#include <QByteArray>
#include <QPointer>
#include <QString>

#include <functional>

namespace PortRelay {

// Where passwords and key passphrases live, by name: rule files, exports, logs and events carry
// the name ("bastion-key"), never the value. The window keeps them in the system keychain;
// portrelayd reads a 0600 file (--secrets) or systemd credentials; tests keep them in memory.
//
// Every operation is asynchronous, since a keychain answers over D-Bus: done is called later on
// the caller's thread, never inside the call, and not at all once context is gone.
class SecretStore
{
public:
    struct Result
    {
        enum class Status
        {
            Done,     // read: value holds the secret; write, remove: done
            NotFound, // no secret of that name
            Failed,   // error says why (no keychain service, a read-only store, ...)
        };
        Status status = Status::Failed;
        QByteArray value;
        Message error;

        bool ok() const { return status == Status::Done; }
    };
    using Callback = std::function<void(const Result &result)>;

    virtual ~SecretStore() = default;

    virtual void read(const QString &name, QObject *context, Callback done) = 0;
    virtual void write(const QString &name, const QByteArray &value, QObject *context, Callback done) = 0;
    virtual void remove(const QString &name, QObject *context, Callback done) = 0;
    // False for stores the user fills outside PortRelay (a file, systemd credentials): the window
    // offers "remember" only where write() can succeed.
    virtual bool isWritable() const = 0;

    // A name a store accepts: 1 to 128 characters of letters, digits, '.', '_' and '-', not
    // starting with '.'; so that it is also a file name in a credentials directory.
    static bool isValidName(const QString &name);
    // Why name is refused (see isValidName()); also what the rules file says of a hop's secret.
    static Message invalidName(const QString &name);

protected:
    // Calls done with result from context's event loop, after the current call has returned.
    static void answerLater(QObject *context, Callback done, Result result);
    static Result found(const QByteArray &value);
    static Result notFound();
    static Result failed(const Message &error);
};

} // namespace PortRelay
