// MnemonicText: label and action texts reused where they are not labels lose their mnemonic, in
// the Western and the CJK style, their trailing colon and (for tool buttons) their ellipsis.

#include "ui/mnemonictext.h"

#include <QTest>

using namespace PortRelay;

class tst_MnemonicText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plain_data();
    void plain();
    void toolButton_data();
    void toolButton();
};

void tst_MnemonicText::plain_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const QString &text, const QString &expected) {
        QTest::addRow("%s", name) << text << expected;
    };
    row("western", QStringLiteral("&Listen on:"), QStringLiteral("Listen on"));
    row("western, mid-word", QStringLiteral("Time&out:"), QStringLiteral("Timeout"));
    row("literal ampersand", QStringLiteral("R&&D &team"), QStringLiteral("R&D team"));
    row("cjk, full-width colon", QStringLiteral("监听地址(&L)："), QStringLiteral("监听地址"));
    row("cjk, ascii colon", QStringLiteral("名称(&N):"), QStringLiteral("名称"));
    row("cjk, full-width parentheses", QStringLiteral("名称（&N）："), QStringLiteral("名称"));
    row("cjk, no ampersand", QStringLiteral("监听地址(L)："), QStringLiteral("监听地址"));
    row("cjk, space before", QStringLiteral("后端 (&B)："), QStringLiteral("后端"));
    row("a unit is not a mnemonic", QStringLiteral("Timeout (s):"), QStringLiteral("Timeout (s)"));
    row("keeps the ellipsis", QStringLiteral("&New Rule…"), QStringLiteral("New Rule…"));
    row("nothing to strip", QStringLiteral("Backends"), QStringLiteral("Backends"));
    row("empty", QString(), QString());
}

void tst_MnemonicText::plain()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(MnemonicText::plain(text), expected);
}

void tst_MnemonicText::toolButton_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const QString &text, const QString &expected) {
        QTest::addRow("%s", name) << text << expected;
    };
    row("western", QStringLiteral("&New Rule…"), QStringLiteral("New Rule"));
    row("three dots", QStringLiteral("&Import..."), QStringLiteral("Import"));
    row("cjk before the ellipsis", QStringLiteral("新建规则(&N)…"), QStringLiteral("新建规则"));
    row("cjk after the ellipsis", QStringLiteral("导入…(&I)"), QStringLiteral("导入"));
    row("no ellipsis", QStringLiteral("启动(&S)"), QStringLiteral("启动"));
}

void tst_MnemonicText::toolButton()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(MnemonicText::toolButton(text), expected);
}

QTEST_GUILESS_MAIN(tst_MnemonicText)
#include "tst_mnemonictext.moc"
