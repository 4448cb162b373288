#pragma once

#include <QString>
#include <QStringList>

namespace PortRelay::Test {

// Name resolution under a test's control, through the real system resolver: the test process
// moves into a mount namespace of its own in which /etc is an overlay, so that it may rewrite
// /etc/hosts, which glibc's getaddrinfo reads on every lookup, without touching the machine's.
// Child processes (portrelayd) inherit the namespace. Needs root, as CI has; call install()
// first thing in main(), before any thread exists (a threaded process cannot unshare it).
namespace HostsFile {

// False, with *why, where this cannot be done (not root, no overlayfs); tests then skip.
bool install(QString *why);
// Whether install() succeeded; else why not.
bool isInstalled(QString *why = nullptr);
// Makes /etc/hosts exactly these lines (plus the loopback lines for localhost unless
// withLocalhost is false). Fatal if not installed.
void set(const QStringList &lines, bool withLocalhost = true);

} // namespace HostsFile

} // namespace PortRelay::Test

// A test main for suites that use HostsFile: installs it before QCoreApplication exists.
#define PORTRELAY_TEST_MAIN_WITH_HOSTS_FILE(TestObject)                                                                \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        QString why;                                                                                                   \
        PortRelay::Test::HostsFile::install(&why);                                                                     \
        QCoreApplication app(argc, argv);                                                                              \
        TestObject tc;                                                                                                 \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
