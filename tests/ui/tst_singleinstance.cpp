// A second launch raises the first instead of starting a second engine: two SingleInstance objects
// on a per-test socket, then the real `portrelay` binary started twice, isolated from the user's
// configuration and runtime directory.

#include "ui/singleinstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

using namespace PortRelay;

class tst_SingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondClaimAsksTheFirst();
    void staleSocketIsTakenOver();
    void secondLaunchRaisesTheRunningWindow();
};

void tst_SingleInstance::secondClaimAsksTheFirst()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = dir.filePath(QStringLiteral("instance.socket"));

    SingleInstance first(name);
    QVERIFY(first.claim());
    QSignalSpy raised(&first, &SingleInstance::activationRequested);

    SingleInstance second(name);
    QVERIFY(!second.claim());
    QVERIFY(raised.wait(3000));
    QCOMPARE(raised.size(), 1);

    // Another launch, another request.
    SingleInstance third(name);
    QVERIFY(!third.claim());
    QTRY_COMPARE_WITH_TIMEOUT(raised.size(), 2, 3000);
}

void tst_SingleInstance::staleSocketIsTakenOver()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = dir.filePath(QStringLiteral("instance.socket"));
    {
        // A crashed instance leaves its socket file behind, with nobody listening on it.
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(name);
        QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
        std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)), 0);
        ::close(fd);
        QVERIFY(QFileInfo::exists(name));
    }
    SingleInstance first(name);
    QVERIFY(first.claim());
    QSignalSpy raised(&first, &SingleInstance::activationRequested);
    SingleInstance second(name);
    QVERIFY(!second.claim());
    QVERIFY(raised.wait(3000));
}

void tst_SingleInstance::secondLaunchRaisesTheRunningWindow()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral("config")));
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral("runtime")));
    QVERIFY(QFile::setPermissions(home.filePath(QStringLiteral("runtime")),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    const QString socket = home.filePath(QStringLiteral("runtime/portrelay.socket"));

    QProcess first;
    first.setProcessEnvironment(env);
    first.start(QStringLiteral(PORTRELAY_GUI_PATH), {});
    QVERIFY2(first.waitForStarted(5000), qPrintable(first.errorString()));
    const auto stopFirst = qScopeGuard([&first] {
        first.terminate();
        if (!first.waitForFinished(3000))
            first.kill();
    });
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socket) || first.state() == QProcess::NotRunning, 5000);
    QVERIFY2(first.state() == QProcess::Running, first.readAllStandardError().constData());

    QProcess second;
    second.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    second.start(QStringLiteral(PORTRELAY_GUI_PATH), {});
    QVERIFY2(second.waitForFinished(5000), "the second launch did not exit");
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(second.readAllStandardError().contains("already running; asked the running window to show itself"));

    // The first got the request, and is still the one running.
    QByteArray firstLog;
    QTRY_VERIFY_WITH_TIMEOUT(
        (firstLog += first.readAllStandardError()).contains("a second launch asked for the window"), 3000);
    QCOMPARE(first.state(), QProcess::Running);
}

QTEST_MAIN(tst_SingleInstance)
#include "tst_singleinstance.moc"
