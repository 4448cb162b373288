#include "core/i18n/message.h"

#include <QCoreApplication>
#include <QTranslator>

#include <atomic>
#include <cstring>

namespace PortRelay {

namespace {

std::atomic<const QTranslator *> englishCatalogue{nullptr};

// Replaces %1...%9 in one pass, so an argument that itself contains "%2" stays as it is.
QString substitute(const QString &text, const QList<QString> &arguments)
{
    QString out;
    out.reserve(text.size() + 16 * arguments.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'%' && i + 1 < text.size() && text.at(i + 1) >= u'1' && text.at(i + 1) <= u'9') {
            const qsizetype index = text.at(i + 1).unicode() - u'1';
            if (index < arguments.size()) {
                out += arguments.at(index);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace

Message::Message(const char *context, const char *sourceText, int n)
    : m_context(context)
    , m_source(sourceText)
    , m_n(n)
{}

Message Message::verbatim(const QString &text)
{
    Message message;
    message.m_english = text;
    return message;
}

Message Message::verbatim(const QString &english, const QString &localized)
{
    Message message;
    message.m_english = english;
    if (localized != english)
        message.m_localized = localized;
    return message;
}

Message Message::arg(const Message &argument) const
{
    Message copy = *this;
    copy.m_args.append(argument);
    return copy;
}

QString Message::english() const
{
    return render(Language::English);
}

QString Message::translated() const
{
    return render(Language::Translated);
}

QString Message::render(Language language) const
{
    if (!m_source)
        return language == Language::Translated && !m_localized.isEmpty() ? m_localized : m_english;
    QString text;
    if (language == Language::Translated) {
        text = QCoreApplication::translate(m_context, m_source, nullptr, m_n);
    } else {
        const QTranslator *catalogue = englishCatalogue.load(std::memory_order_acquire);
        if (catalogue && m_n >= 0)
            text = catalogue->translate(m_context, m_source, nullptr, m_n);
        if (text.isEmpty())
            text = QString::fromUtf8(m_source);
        // QTranslator leaves %n to QCoreApplication::translate(), which we bypass here.
        if (m_n >= 0)
            text.replace(QLatin1String("%n"), QString::number(m_n));
    }
    if (m_args.isEmpty())
        return text;
    QList<QString> arguments;
    arguments.reserve(m_args.size());
    for (const Message &argument : m_args)
        arguments.append(argument.render(language));
    return substitute(text, arguments);
}

void Message::setEnglishCatalogue(const QTranslator *catalogue)
{
    englishCatalogue.store(catalogue, std::memory_order_release);
}

bool operator==(const Message &a, const Message &b)
{
    const auto same = [](const char *x, const char *y) { return x == y || (x && y && std::strcmp(x, y) == 0); };
    const bool sameSource = same(a.m_source, b.m_source) && same(a.m_context, b.m_context);
    return sameSource && a.m_n == b.m_n && a.m_english == b.m_english && a.m_localized == b.m_localized &&
           a.m_args == b.m_args;
}

} // namespace PortRelay
