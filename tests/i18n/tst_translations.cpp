// The catalogues stay whole: the real lupdate runs over the sources update_translations reads, into
// copies of the checked-in .ts files (never the files themselves), and every message must then be
// translated in Chinese and every plural message must have its English forms.

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chineseIsComplete();
    void englishHasPluralForms();

private:
    struct Message
    {
        QString context;
        QString source;
        QString comment; // the disambiguation, when one source text has several meanings
        bool numerus = false;
        bool unfinished = false;
        QStringList forms; // the translation, or its plural forms
    };

    static QString run(const QString &program, const QStringList &arguments);
    static QList<Message> readCatalogue(const QString &path, QString *error);
    static QString describe(const Message &message);

    QTemporaryDir m_dir;
};

QString tst_Translations::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return QStringLiteral("%1 did not finish: %2").arg(program, process.errorString());
    }
    const QString output = QString::fromLocal8Bit(process.readAll());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("%1 %2 failed (%3):\n%4")
            .arg(program, arguments.join(u' '), QString::number(process.exitCode()), output);
    return QString();
}

void tst_Translations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Qt's qt_add_translations() writes the lupdate project at configure time; its JSON form is
    // made when update_translations runs, so the test makes its own the same way.
    const QString project = QStringLiteral(PORTRELAY_LUPDATE_PROJECT);
    for (const QString &input : {project, QStringLiteral(PORTRELAY_LUPDATE_SCRIPT)}) {
        QVERIFY2(QFile::exists(input), qPrintable(input + u" is missing: has Qt's qt_add_translations() changed?"_s));
    }
    const QString json = m_dir.filePath(QStringLiteral("project.json"));
    const QString made =
        run(QStringLiteral(PORTRELAY_CMAKE_COMMAND),
            {u"-DIN_FILE="_s + project, u"-DOUT_FILE="_s + json, u"-P"_s, QStringLiteral(PORTRELAY_LUPDATE_SCRIPT)});
    QVERIFY2(made.isEmpty(), qPrintable(made));

    QStringList arguments{u"-project"_s, json};
    arguments += QStringLiteral(PORTRELAY_LUPDATE_OPTIONS).split(u' ', Qt::SkipEmptyParts);
    arguments += u"-ts"_s;
    for (const QString &name : {u"portrelay_en.ts"_s, u"portrelay_zh_CN.ts"_s}) {
        const QString copy = m_dir.filePath(name);
        QVERIFY2(QFile::copy(QDir(QStringLiteral(PORTRELAY_TS_DIR)).filePath(name), copy), qPrintable(name));
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
        arguments += copy; // -ts on the command line overrides the project's own catalogues
    }
    const QString updated = run(QStringLiteral(PORTRELAY_LUPDATE), arguments);
    QVERIFY2(updated.isEmpty(), qPrintable(updated));
}

QList<tst_Translations::Message> tst_Translations::readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + u": "_s + file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    Message message;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message") {
            messages.append(message);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") { // only a context has one
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            message = Message{context, {}, {}, xml.attributes().value("numerus"_L1) == u"yes", false, {}};
        } else if (xml.name() == u"source") {
            message.source = xml.readElementText();
        } else if (xml.name() == u"comment") {
            message.comment = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const QStringView type = xml.attributes().value("type"_L1);
            message.unfinished = type == u"unfinished" || type == u"vanished" || type == u"obsolete";
            if (!message.numerus)
                message.forms.append(xml.readElementText());
        } else if (xml.name() == u"numerusform") {
            message.forms.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QString tst_Translations::describe(const Message &message)
{
    const QString text = QStringLiteral("  %1: \"%2\"").arg(message.context, message.source);
    return message.comment.isEmpty() ? text : text + QStringLiteral(" [%1]").arg(message.comment);
}

void tst_Translations::chineseIsComplete()
{
    QString error;
    const QList<Message> messages = readCatalogue(m_dir.filePath(u"portrelay_zh_CN.ts"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100); // the whole catalogue was read, not an empty file

    QStringList missing;
    for (const Message &message : messages) {
        const bool empty = message.forms.isEmpty() || std::any_of(message.forms.cbegin(), message.forms.cend(),
                                                                  [](const QString &f) { return f.isEmpty(); });
        if (message.unfinished || empty)
            missing.append(describe(message) + (message.unfinished ? u" (unfinished)"_s : u" (empty)"_s));
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 message(s) not translated in portrelay_zh_CN.ts; "
                                                          "run update_translations and translate them:\n%2")
                                               .arg(missing.size())
                                               .arg(missing.join(u'\n'))));
}

void tst_Translations::englishHasPluralForms()
{
    QString error;
    const QList<Message> messages = readCatalogue(m_dir.filePath(u"portrelay_en.ts"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Only plural messages are translated in English; the others fall back to the source text.
    QStringList missing;
    int numerus = 0;
    for (const Message &message : messages) {
        if (!message.numerus)
            continue;
        ++numerus;
        const bool whole = message.forms.size() == 2 && std::none_of(message.forms.cbegin(), message.forms.cend(),
                                                                     [](const QString &f) { return f.isEmpty(); });
        if (message.unfinished || !whole)
            missing.append(describe(message));
    }
    QVERIFY(numerus > 0);
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 plural message(s) without their English singular and "
                                                          "plural forms in portrelay_en.ts:\n%2")
                                               .arg(missing.size())
                                               .arg(missing.join(u'\n'))));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
