#include "core/i18n/translations.h"

#include "core/i18n/message.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace PortRelay {

Translations::Translations(const QLocale &locale, const QString &catalogueDir)
    : m_own(std::make_unique<QTranslator>())
    , m_qt(std::make_unique<QTranslator>())
    , m_english(std::make_unique<QTranslator>())
{
    // Logs and the API are English whatever the locale: their plural forms come from here.
    if (m_english->load(QStringLiteral("portrelay_en"), catalogueDir))
        Message::setEnglishCatalogue(m_english.get());
    // English supplies the plural forms, so it stands in where the locale has no catalogue.
    m_ownLoaded = m_own->load(locale, QStringLiteral("portrelay"), QStringLiteral("_"), catalogueDir) ||
                  m_own->load(QStringLiteral("portrelay_en"), catalogueDir);
    if (m_ownLoaded)
        QCoreApplication::installTranslator(m_own.get());
    m_qtLoaded = m_qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (m_qtLoaded)
        QCoreApplication::installTranslator(m_qt.get());
}

Translations::~Translations()
{
    Message::setEnglishCatalogue(nullptr);
    if (m_ownLoaded)
        QCoreApplication::removeTranslator(m_own.get());
    if (m_qtLoaded)
        QCoreApplication::removeTranslator(m_qt.get());
}

QString Translations::qtCatalogue() const
{
    return m_qtLoaded ? m_qt->filePath() : QString();
}

} // namespace PortRelay
