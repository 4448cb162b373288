// SecretStore: the in-memory store, portrelayd's --secrets file (refused unless 0600 and the
// user's own, with the reason) and systemd credentials; answers come later, never inside a call.

#include "core/secrets/credentialssecretstore.h"
#include "core/secrets/filesecretstore.h"
#include "core/secrets/memorysecretstore.h"
#include "tests/support/secretanswer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace PortRelay;
using namespace PortRelay::Test;

class tst_SecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesAreFileNames_data();
    void namesAreFileNames();
    void memoryStoreAnswersLater();
    void answerIsDroppedWithItsContext();
    void fileStoreReadsItsSecrets();
    void fileStoreRefuses_data();
    void fileStoreRefuses();
    void fileStoreRefusesAnotherUsersFile();
    void credentialsAreFilesOfTheDirectory();
};

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content, mode_t mode)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    file.close();
    ::chmod(QFile::encodeName(path).constData(), mode);
    return path;
}

} // namespace

void tst_SecretStore::namesAreFileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("bastion-key") << true;
    QTest::newRow("dots and underscores") << QStringLiteral("db_2.pass") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading dot") << QStringLiteral(".hidden") << false;
    QTest::newRow("dot dot") << QStringLiteral("..") << false;
    QTest::newRow("slash") << QStringLiteral("../etc/shadow") << false;
    QTest::newRow("space") << QStringLiteral("my key") << false;
    QTest::newRow("not ASCII") << QStringLiteral("schlüssel") << false;
    QTest::newRow("129 characters") << QString(129, u'a') << false;
    QTest::newRow("128 characters") << QString(128, u'a') << true;
}

void tst_SecretStore::namesAreFileNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(SecretStore::isValidName(name), valid);
}

void tst_SecretStore::memoryStoreAnswersLater()
{
    MemorySecretStore store;
    QVERIFY(store.isWritable());
    auto missing = answerOf([&](QObject *c, auto done) { store.read(QStringLiteral("k"), c, done); });
    QVERIFY(missing);
    QCOMPARE(missing->status, SecretStore::Result::Status::NotFound);

    auto written = answerOf([&](QObject *c, auto done) { store.write(QStringLiteral("k"), "s3cret", c, done); });
    QVERIFY(written && written->ok());
    auto read = answerOf([&](QObject *c, auto done) { store.read(QStringLiteral("k"), c, done); });
    QVERIFY(read && read->ok());
    QCOMPARE(read->value, QByteArray("s3cret"));

    auto badName = answerOf([&](QObject *c, auto done) { store.write(QStringLiteral("a/b"), "x", c, done); });
    QVERIFY(badName);
    QCOMPARE(badName->status, SecretStore::Result::Status::Failed);
    QVERIFY2(badName->error.english().contains(QStringLiteral("\"a/b\" is not a secret name")),
             qPrintable(badName->error.english()));

    auto removed = answerOf([&](QObject *c, auto done) { store.remove(QStringLiteral("k"), c, done); });
    QVERIFY(removed && removed->ok());
    auto again = answerOf([&](QObject *c, auto done) { store.remove(QStringLiteral("k"), c, done); });
    QVERIFY(again);
    QCOMPARE(again->status, SecretStore::Result::Status::NotFound);
}

void tst_SecretStore::answerIsDroppedWithItsContext()
{
    MemorySecretStore store;
    bool called = false;
    {
        QObject context;
        store.read(QStringLiteral("k"), &context, [&called](const SecretStore::Result &) { called = true; });
    }
    QCoreApplication::processEvents();
    QTest::qWait(20);
    QVERIFY(!called);
}

void tst_SecretStore::fileStoreReadsItsSecrets()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("secrets.json"),
                                   R"({"bastion-key": "correct horse", "db.pass": "p\u00e4ss"})", 0600);
    QVERIFY(!path.isEmpty());
    Message error;
    const std::unique_ptr<FileSecretStore> store = FileSecretStore::open(path, &error);
    QVERIFY2(store, qPrintable(error.english()));
    QVERIFY(!store->isWritable());
    QStringList names = store->names();
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("bastion-key"), QStringLiteral("db.pass")}));

    auto key = answerOf([&](QObject *c, auto done) { store->read(QStringLiteral("bastion-key"), c, done); });
    QVERIFY(key && key->ok());
    QCOMPARE(key->value, QByteArray("correct horse"));
    auto utf8 = answerOf([&](QObject *c, auto done) { store->read(QStringLiteral("db.pass"), c, done); });
    QVERIFY(utf8 && utf8->ok());
    QCOMPARE(utf8->value, QStringLiteral("päss").toUtf8());
    auto missing = answerOf([&](QObject *c, auto done) { store->read(QStringLiteral("other"), c, done); });
    QVERIFY(missing);
    QCOMPARE(missing->status, SecretStore::Result::Status::NotFound);
    auto write = answerOf([&](QObject *c, auto done) { store->write(QStringLiteral("other"), "x", c, done); });
    QVERIFY(write);
    QCOMPARE(write->status, SecretStore::Result::Status::Failed);
    QVERIFY(write->error.english().contains(QStringLiteral("read-only")));
}

void tst_SecretStore::fileStoreRefuses_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("reason"); // %1: the file's path

    QTest::newRow("readable by others") << QByteArray(R"({"k": "v"})") << 0644
                                        << QStringLiteral("secrets file %1 has mode 0644, which lets other users "
                                                          "read or change it: chmod 600 %1");
    QTest::newRow("writable by the group")
        << QByteArray(R"({"k": "v"})") << 0620 << QStringLiteral("secrets file %1 has mode 0620");
    QTest::newRow("not JSON") << QByteArray("k=v") << 0600 << QStringLiteral("secrets file %1: not JSON (");
    QTest::newRow("an array") << QByteArray(R"(["v"])") << 0600
                              << QStringLiteral("secrets file %1: expected an object of names and values");
    QTest::newRow("a number") << QByteArray(R"({"k": 5})") << 0600
                              << QStringLiteral("secrets file %1: the value of \"k\" must be a string");
    QTest::newRow("a bad name") << QByteArray(R"({"../k": "v"})") << 0600
                                << QStringLiteral("secrets file %1: \"../k\" is not a secret name");
}

void tst_SecretStore::fileStoreRefuses()
{
    QFETCH(QByteArray, content);
    QFETCH(int, mode);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("secrets.json"), content, mode_t(mode));
    QVERIFY(!path.isEmpty());
    Message error;
    QVERIFY(!FileSecretStore::open(path, &error));
    QVERIFY2(error.english().startsWith(reason.arg(path)), qPrintable(error.english()));
    // The words say what is wrong, never what the file holds.
    QVERIFY(!error.english().contains(QStringLiteral("\"v\"")));

    QVERIFY(!FileSecretStore::open(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY2(error.english().contains(QStringLiteral("No such file or directory")), qPrintable(error.english()));
}

void tst_SecretStore::fileStoreRefusesAnotherUsersFile()
{
    if (::geteuid() != 0)
        QSKIP("needs root to give the file to another user");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("secrets.json"), R"({"k": "v"})", 0600);
    QCOMPARE(::chown(QFile::encodeName(path).constData(), 65534, 65534), 0);
    Message error;
    QVERIFY(!FileSecretStore::open(path, &error));
    QVERIFY2(error.english().startsWith(QStringLiteral("secrets file %1 belongs to user 65534").arg(path)),
             qPrintable(error.english()));
}

void tst_SecretStore::credentialsAreFilesOfTheDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(!writeFile(dir, QStringLiteral("bastion-key"), "from systemd\n", 0400).isEmpty());
    CredentialsSecretStore store(dir.path());
    QVERIFY(!store.isWritable());
    auto key = answerOf([&](QObject *c, auto done) { store.read(QStringLiteral("bastion-key"), c, done); });
    QVERIFY(key && key->ok());
    QCOMPARE(key->value, QByteArray("from systemd"));
    auto missing = answerOf([&](QObject *c, auto done) { store.read(QStringLiteral("other"), c, done); });
    QVERIFY(missing);
    QCOMPARE(missing->status, SecretStore::Result::Status::NotFound);
    // Nothing outside the directory, however the name is spelled.
    QVERIFY(!writeFile(dir, QStringLiteral("outside"), "no", 0600).isEmpty());
    CredentialsSecretStore nested(dir.filePath(QStringLiteral("sub")));
    auto escape = answerOf([&](QObject *c, auto done) { nested.read(QStringLiteral("../outside"), c, done); });
    QVERIFY(escape);
    QCOMPARE(escape->status, SecretStore::Result::Status::Failed);
    auto write = answerOf([&](QObject *c, auto done) { store.write(QStringLiteral("k"), "v", c, done); });
    QVERIFY(write);
    QCOMPARE(write->status, SecretStore::Result::Status::Failed);

    qputenv("CREDENTIALS_DIRECTORY", dir.path().toLocal8Bit());
    QCOMPARE(CredentialsSecretStore::directoryFromEnvironment(), dir.path());
    qunsetenv("CREDENTIALS_DIRECTORY");
    QVERIFY(CredentialsSecretStore::directoryFromEnvironment().isEmpty());
}

QTEST_GUILESS_MAIN(tst_SecretStore)
#include "tst_secretstore.moc"
