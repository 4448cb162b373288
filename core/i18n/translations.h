#pragma once

#include <QLocale>
#include <QString>

#include <memory>

class QTranslator;

namespace PortRelay {

// The program's catalogue (compiled in under :/i18n, English when the locale has none) and Qt's own
// (qtbase_<locale>.qm from Qt's translations folder: standard buttons, file dialogs, --help), installed
// for as long as this object lives; and the English catalogue for Message::english()'s plural forms.
// One at a time.
class Translations final
{
public:
    explicit Translations(const QLocale &locale, const QString &catalogueDir = QStringLiteral(":/i18n"));
    ~Translations();
    Q_DISABLE_COPY_MOVE(Translations)

    bool hasOwn() const { return m_ownLoaded; }
    bool hasQt() const { return m_qtLoaded; }
    // Where Qt's catalogue came from; empty when the locale has none (English needs none).
    QString qtCatalogue() const;

private:
    std::unique_ptr<QTranslator> m_own;
    std::unique_ptr<QTranslator> m_qt;
    std::unique_ptr<QTranslator> m_english;
    bool m_ownLoaded = false;
    bool m_qtLoaded = false;
};

} // namespace PortRelay
