#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

class QTranslator;

namespace PortRelay {

// A text for people, kept as its parts until it is shown: the source text of a tr() call (its
// context and its English text with %1...%9 and %n) and its arguments, which are messages too.
// portrelayd's logs and the control API take english(), the same under every LANG, so log
// pipelines can match on it; the window takes translated(), in the user's language. Cheap to
// copy (implicitly shared lists and strings) and safe to make on any thread: nothing is looked up
// before it is shown.
//
//     Message(Context, QT_TR_NOOP("%1 failed connects within %2 ms (last: %3)"))
//         .arg(maxFails).arg(windowMs).arg(Sockets::errorMessage(error))
//
// QT_TR_NOOP lets lupdate see the text in the class's context; Context must name that context
// ("PortRelay::Worker"), since a Message has no class to ask.
class Message
{
public:
    Message() = default;
    // A translatable text; n is the number that %n stands for (and that picks the plural form).
    Message(const char *context, const char *sourceText, int n = -1);

    // The same text in every language: a name, an address, a number, what the user typed.
    static Message verbatim(const QString &text);
    // A text the system gives in two forms (strerror in C and in the user's locale).
    static Message verbatim(const QString &english, const QString &localized);

    // Fills the lowest %N not yet filled, like QString::arg().
    Message arg(const Message &argument) const;
    Message arg(const QString &argument) const { return arg(verbatim(argument)); }
    Message arg(qint64 number) const { return arg(verbatim(QString::number(number))); }
    Message arg(int number) const { return arg(qint64(number)); }

    QString english() const;
    QString translated() const;

    bool isEmpty() const { return !m_source && m_english.isEmpty(); }
    // The untranslated text a message was made from (null for verbatim text): what code may test
    // a reason by, instead of parsing the words.
    const char *sourceText() const { return m_source; }
    const QList<Message> &arguments() const { return m_args; }

    // The English catalogue supplies plural forms for english() ("1 attempt", "3 attempts");
    // without one, %n texts keep their "(s)". Set once at start-up, before any thread uses it.
    static void setEnglishCatalogue(const QTranslator *catalogue);

    friend bool operator==(const Message &a, const Message &b);
    friend bool operator!=(const Message &a, const Message &b) { return !(a == b); }

private:
    enum class Language
    {
        English,
        Translated
    };
    QString render(Language language) const;

    const char *m_context = nullptr;
    const char *m_source = nullptr;
    int m_n = -1;
    QString m_english;   // verbatim text
    QString m_localized; // verbatim text in the user's locale, when the system gave one
    QList<Message> m_args;
};

} // namespace PortRelay

Q_DECLARE_METATYPE(PortRelay::Message)
