#include "hostsfile.h"

#include <QByteArray>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace PortRelay::Test::HostsFile {

namespace {

bool g_installed = false;
QString g_why = QStringLiteral("HostsFile::install() was not called");
char g_base[] = "/tmp/portrelay-etc-XXXXXX";

// The overlay's folder is on the machine's /tmp: take it away when the test ends.
void removeOverlay()
{
    ::umount2("/etc", MNT_DETACH);
    QDir(QString::fromLocal8Bit(g_base)).removeRecursively();
}

} // namespace

bool install(QString *why)
{
    const auto fail = [&](const QString &reason) {
        g_why = reason;
        if (why)
            *why = reason;
        return false;
    };
    if (::geteuid() != 0)
        return fail(QStringLiteral("needs root to control /etc/hosts in a mount namespace of its own"));
    if (::unshare(CLONE_NEWNS) != 0)
        return fail(QStringLiteral("unshare(CLONE_NEWNS): %1").arg(QString::fromLocal8Bit(::strerror(errno))));
    // Nothing mounted from here on may reach the machine's own namespace.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return fail(QStringLiteral("making / private: %1").arg(QString::fromLocal8Bit(::strerror(errno))));
    if (!::mkdtemp(g_base))
        return fail(QStringLiteral("mkdtemp: %1").arg(QString::fromLocal8Bit(::strerror(errno))));
    const QByteArray base(g_base);
    const QByteArray upper = base + "/upper";
    const QByteArray work = base + "/work";
    ::mkdir(upper.constData(), 0755);
    ::mkdir(work.constData(), 0755);
    const QByteArray options = "lowerdir=/etc,upperdir=" + upper + ",workdir=" + work;
    if (::mount("overlay", "/etc", "overlay", 0, options.constData()) != 0) {
        QDir(QString::fromLocal8Bit(g_base)).removeRecursively();
        return fail(QStringLiteral("overlay on /etc: %1").arg(QString::fromLocal8Bit(::strerror(errno))));
    }
    std::atexit(removeOverlay);
    g_installed = true;
    set({});
    return true;
}

bool isInstalled(QString *why)
{
    if (why)
        *why = g_why;
    return g_installed;
}

void set(const QStringList &lines, bool withLocalhost)
{
    if (!g_installed)
        qFatal("HostsFile::set: %s", qPrintable(g_why));
    QStringList all;
    if (withLocalhost)
        all << QStringLiteral("127.0.0.1 localhost") << QStringLiteral("::1 localhost ip6-localhost ip6-loopback");
    all << lines;
    QFile file(QStringLiteral("/etc/hosts"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write((all.join(u'\n') + u'\n').toUtf8()) < 0)
        qFatal("HostsFile::set: cannot write /etc/hosts: %s", qPrintable(file.errorString()));
}

} // namespace PortRelay::Test::HostsFile
