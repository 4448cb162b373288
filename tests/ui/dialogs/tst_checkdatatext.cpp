// CheckDataText: health-check send/expect bytes as the editor shows them, escaped and back.

#include "ui/dialogs/checkdatatext.h"

#include <QTest>

using namespace PortRelay;
using namespace Qt::Literals::StringLiterals;

class tst_CheckDataText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkDataText_data();
    void checkDataText();
};

void tst_CheckDataText::checkDataText_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("redis") << QByteArray("PING\r\n") << u"PING\\r\\n"_s;
    QTest::newRow("backslash") << QByteArray("a\\b") << u"a\\\\b"_s;
    QTest::newRow("control") << QByteArray("\x1b[0m\t", 5) << u"\\x1b[0m\\t"_s;
    QTest::newRow("zero byte") << QByteArray("a\0b", 3) << u"a\\0b"_s;
    QTest::newRow("utf-8") << QByteArray("é") << u"é"_s;
}

void tst_CheckDataText::checkDataText()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, text);
    QCOMPARE(CheckDataText::escape(data), text);
    QCOMPARE(CheckDataText::unescape(text).value(), data);

    QString error;
    QVERIFY(!CheckDataText::unescape(u"\\"_s, &error));
    QVERIFY(!CheckDataText::unescape(u"\\xff"_s, &error));
    QVERIFY(error.startsWith(u"\\xff is not a character on its own"_s));
    QVERIFY(!CheckDataText::unescape(u"\\x1"_s, &error));
}

QTEST_MAIN(tst_CheckDataText)
#include "tst_checkdatatext.moc"
