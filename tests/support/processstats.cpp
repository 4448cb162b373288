#include "processstats.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>

#include <unistd.h>

namespace PortRelay::Test {

namespace {

QByteArray readProc(qint64 pid, const char *name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The value in kB of a "Name:   123 kB" line, in bytes; -1 if absent.
qint64 kilobytesField(const QByteArray &text, const QByteArray &name)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(name + ':')))
            return line.mid(name.size() + 1).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

} // namespace

ProcessStats ProcessStats::of(qint64 pid)
{
    if (pid == 0)
        pid = ::getpid();
    ProcessStats stats;
    stats.descriptors =
        int(QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size());
    const QByteArray status = readProc(pid, "status");
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith("Threads:"))
            stats.threads = line.mid(8).trimmed().toInt();
    }
    stats.rssBytes = kilobytesField(status, "VmRSS");
    stats.pssBytes = kilobytesField(readProc(pid, "smaps_rollup"), "Pss");
    // Fields 14 and 15 of stat, counted after the command name, which may hold spaces.
    const QByteArray stat = readProc(pid, "stat");
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() > 12) {
        const double ticks = double(::sysconf(_SC_CLK_TCK));
        stats.cpuSeconds = (fields[11].toDouble() + fields[12].toDouble()) / ticks;
    }
    return stats;
}

} // namespace PortRelay::Test
