#pragma once

#include "core/i18n/message.h"

#include <QByteArray>
#include <QString>

namespace PortRelay {

// Why an OpenSSH master failed, in words a user can act on, read from what ssh wrote to its
// standard error: "authentication failed (publickey)", "host key changed for 10.0.0.5:22
// (now SHA256:…)", "unreachable: connection refused", "timed out". Translated where shown.
struct SshFailure
{
    // output: everything the master wrote to standard error; exitCode: its exit status.
    static Message reason(const QByteArray &output, int exitCode, const QString &destination);
};

} // namespace PortRelay
