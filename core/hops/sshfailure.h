#pragma once

#include "core/i18n/message.h"

#include <QByteArray>
#include <QString>

namespace PortRelay {

// Why an OpenSSH master failed, in words a user can act on, read from what ssh wrote to its
// standard error: "authentication failed (publickey)", "host key changed for 10.0.0.5:22
// (now SHA256:…)", "unreachable: connection refused", "timed out". The codes are stable
// for the window and the API; the text is translated where it is shown.
struct SshFailure
{
    enum class Code : quint8
    {
        AuthenticationFailed,
        HostKeyChanged,
        HostKeyUnknown,
        Unreachable,
        TimedOut,
        NameNotResolved,
        PassphraseNeeded,
        MasterExited, // none of the above: the last line ssh wrote says what
    };

    Code code = Code::MasterExited;
    Message reason;

    // output: everything the master wrote to standard error; exitCode: its exit status.
    static SshFailure fromOutput(const QByteArray &output, int exitCode, const QString &destination);
    // "authentication_failed", "host_key_changed", ...: stable names for logs and the API.
    static QString codeName(Code code);
};

} // namespace PortRelay
