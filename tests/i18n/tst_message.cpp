// Message: English for logs and translated for the window from the same value, arguments that
// are messages of their own, %n with the English catalogue's plural forms, and arguments that
// contain placeholders of their own left as they are.
#include "core/i18n/message.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace PortRelay;

namespace {

// A catalogue that knows a few texts, as a .qm would: Chinese, or English plural forms.
class TestCatalogue final : public QTranslator
{
public:
    explicit TestCatalogue(bool english)
        : m_english(english)
    {}
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int n) const override
    {
        const QByteArray key = QByteArray(context) + '|' + sourceText;
        if (m_english) {
            if (key == "Test|%n attempt(s)")
                return n == 1 ? QStringLiteral("%n attempt") : QStringLiteral("%n attempts");
            return {};
        }
        if (key == "Test|cannot listen on %1: %2")
            return QStringLiteral("无法监听 %1：%2");
        if (key == "Test|address already in use")
            return QStringLiteral("地址已被占用");
        if (key == "Test|%n attempt(s)")
            return QStringLiteral("%n 次尝试");
        return {};
    }

private:
    bool m_english;
};

Message listenFailure()
{
    return Message("Test", "cannot listen on %1: %2")
        .arg(QStringLiteral("127.0.0.1:8080"))
        .arg(Message("Test", "address already in use"));
}

} // namespace

class tst_Message : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void englishWhateverIsInstalled();
    void translatedWhereShown();
    void pluralsFromTheEnglishCatalogue();
    void placeholdersInArgumentsStay();
    void verbatimTextAndSystemTexts();
    void equality();
};

void tst_Message::englishWhateverIsInstalled()
{
    TestCatalogue chinese(false);
    QCoreApplication::installTranslator(&chinese);
    QCOMPARE(listenFailure().english(), QStringLiteral("cannot listen on 127.0.0.1:8080: address already in use"));
    QCoreApplication::removeTranslator(&chinese);
}

void tst_Message::translatedWhereShown()
{
    const Message message = listenFailure(); // made before the catalogue is there: nothing looked up yet
    TestCatalogue chinese(false);
    QCoreApplication::installTranslator(&chinese);
    QCOMPARE(message.translated(), QStringLiteral("无法监听 127.0.0.1:8080：地址已被占用"));
    QCoreApplication::removeTranslator(&chinese);
    QCOMPARE(message.translated(), message.english());
}

void tst_Message::pluralsFromTheEnglishCatalogue()
{
    const Message one("Test", "%n attempt(s)", 1);
    const Message three("Test", "%n attempt(s)", 3);
    QCOMPARE(three.english(), QStringLiteral("3 attempt(s)"));
    TestCatalogue english(true);
    Message::setEnglishCatalogue(&english);
    QCOMPARE(one.english(), QStringLiteral("1 attempt"));
    QCOMPARE(three.english(), QStringLiteral("3 attempts"));
    Message::setEnglishCatalogue(nullptr);
    TestCatalogue chinese(false);
    QCoreApplication::installTranslator(&chinese);
    QCOMPARE(three.translated(), QStringLiteral("3 次尝试"));
    QCoreApplication::removeTranslator(&chinese);
}

void tst_Message::placeholdersInArgumentsStay()
{
    // A name a user typed may contain "%2"; it is not filled in again.
    const Message message = Message("Test", "rule %1 on %2").arg(QStringLiteral("a%2b")).arg(QStringLiteral("x"));
    QCOMPARE(message.english(), QStringLiteral("rule a%2b on x"));
    // A placeholder with no argument stays as it is.
    QCOMPARE(Message("Test", "%1 and %3").arg(7).english(), QStringLiteral("7 and %3"));
}

void tst_Message::verbatimTextAndSystemTexts()
{
    QCOMPARE(Message::verbatim(QStringLiteral("db.internal")).translated(), QStringLiteral("db.internal"));
    const Message system = Message::verbatim(QStringLiteral("No such file"), QStringLiteral("没有那个文件"));
    QCOMPARE(system.english(), QStringLiteral("No such file"));
    QCOMPARE(system.translated(), QStringLiteral("没有那个文件"));
    QVERIFY(Message().isEmpty());
    QVERIFY(!Message::verbatim(QStringLiteral("x")).isEmpty());
    QVERIFY(Message("Test", "address already in use").sourceText());
}

void tst_Message::equality()
{
    QCOMPARE(listenFailure(), listenFailure());
    QVERIFY(listenFailure() != Message("Test", "cannot listen on %1: %2").arg(QStringLiteral("127.0.0.1:8080")));
    // The same text from another literal is the same message.
    const QByteArray copy("address already in use");
    QCOMPARE(Message("Test", copy.constData()), Message("Test", "address already in use"));
    QVERIFY(Message("Test", "x") != Message("Other", "x"));
}

QTEST_GUILESS_MAIN(tst_Message)
#include "tst_message.moc"
