// KeychainSecretStore against a real Secret Service: GNOME Keyring on a D-Bus session bus of the
// test's own (CTest runs this under dbus-run-session with gnome-keyring-daemon unlocked, and a
// HOME of its own, so the user's keyring is never touched).

#include "tests/support/secretanswer.h"
#include "ui/keychainsecretstore.h"

#include <QCoreApplication>
#include <QTest>

using namespace PortRelay;
using namespace PortRelay::Test;

class tst_KeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void storesReadsAndRemoves();
    void servicesAreApart();
    void invalidNamesNeverReachTheKeychain();
};

namespace {

const QString Service = QStringLiteral("PortRelay-test");

} // namespace

void tst_KeychainSecretStore::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run under dbus-run-session with gnome-keyring-daemon (see tests/ui/CMakeLists.txt)");
}

void tst_KeychainSecretStore::storesReadsAndRemoves()
{
    KeychainSecretStore store(Service);
    const QByteArray value("pässphrase with \n and \0 inside", 31);
    auto written = answerOf([&](QObject *c, auto done) { store.write(QStringLiteral("bastion-key"), value, c, done); });
    QVERIFY(written);
    QVERIFY2(written->ok(), qPrintable(written->error.english()));

    auto read = answerOf([&](QObject *c, auto done) { store.read(QStringLiteral("bastion-key"), c, done); });
    QVERIFY(read);
    QVERIFY2(read->ok(), qPrintable(read->error.english()));
    QCOMPARE(read->value, value);

    // Another store object, as after a restart: the keychain kept it.
    KeychainSecretStore again(Service);
    auto reread = answerOf([&](QObject *c, auto done) { again.read(QStringLiteral("bastion-key"), c, done); });
    QVERIFY(reread && reread->ok());
    QCOMPARE(reread->value, value);

    auto removed = answerOf([&](QObject *c, auto done) { store.remove(QStringLiteral("bastion-key"), c, done); });
    QVERIFY(removed);
    QVERIFY2(removed->ok(), qPrintable(removed->error.english()));
    auto gone = answerOf([&](QObject *c, auto done) { store.read(QStringLiteral("bastion-key"), c, done); });
    QVERIFY(gone);
    QCOMPARE(gone->status, SecretStore::Result::Status::NotFound);
}

void tst_KeychainSecretStore::servicesAreApart()
{
    KeychainSecretStore ours(Service);
    KeychainSecretStore other(Service + QStringLiteral("-other"));
    auto written = answerOf([&](QObject *c, auto done) { ours.write(QStringLiteral("db.pass"), "ours", c, done); });
    QVERIFY(written && written->ok());
    auto elsewhere = answerOf([&](QObject *c, auto done) { other.read(QStringLiteral("db.pass"), c, done); });
    QVERIFY(elsewhere);
    QCOMPARE(elsewhere->status, SecretStore::Result::Status::NotFound);
    auto removed = answerOf([&](QObject *c, auto done) { ours.remove(QStringLiteral("db.pass"), c, done); });
    QVERIFY(removed && removed->ok());
}

void tst_KeychainSecretStore::invalidNamesNeverReachTheKeychain()
{
    KeychainSecretStore store(Service);
    auto refused = answerOf([&](QObject *c, auto done) { store.write(QStringLiteral("../x"), "v", c, done); });
    QVERIFY(refused);
    QCOMPARE(refused->status, SecretStore::Result::Status::Failed);
    QVERIFY2(refused->error.english().contains(QStringLiteral("is not a secret name")),
             qPrintable(refused->error.english()));
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_keychainsecretstore.moc"
