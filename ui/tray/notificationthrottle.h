#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace PortRelay {

// Decides which desktop notifications to show so that a flapping backend cannot flood the
// desktop: at most one notification per key (a backend, a rule) per perKeyMs, and at most one
// notification of any kind per minGapMs. What is held back is not lost: the latest notification
// of each held key goes out, coalesced, as soon as the limits allow, with "and N more" for the
// changes it stands for. A plain value driven by the caller's clock, so tests control time.
class NotificationThrottle final
{
    Q_DECLARE_TR_FUNCTIONS(NotificationThrottle)

public:
    struct Limits
    {
        qint64 perKeyMs = 10000;
        qint64 minGapMs = 2000;
    };
    struct Notification
    {
        QString title;
        QString message;
        bool warning = false;

        friend bool operator==(const Notification &a, const Notification &b)
        {
            return a.title == b.title && a.message == b.message && a.warning == b.warning;
        }
    };

    NotificationThrottle() = default;
    explicit NotificationThrottle(Limits limits);

    // Something happened to key at nowMs (monotonic). Returns what to show now, or nothing if it
    // is held back.
    std::optional<Notification> post(const QString &key, const Notification &notification, qint64 nowMs);
    // The held notifications whose time has come at nowMs, as one; nothing if none is due.
    std::optional<Notification> flush(qint64 nowMs);
    // When flush() will next have something; -1 while nothing is held.
    qint64 nextDueMs() const;
    int heldKeys() const { return int(m_held.size()); }
    Limits limits() const { return m_limits; }

private:
    struct Held
    {
        QString key;
        Notification latest;
        qint64 postedMs = 0; // of the latest
        int changes = 0;     // posts since the key was last shown
    };

    qint64 dueMs(const Held &held) const;
    void markShown(const QString &key, qint64 nowMs);

    static constexpr int MaxLines = 3; // of a coalesced notification, before "and N more"

    Limits m_limits;
    QHash<QString, qint64> m_lastShownMs;
    std::optional<qint64> m_lastAnyMs;
    QList<Held> m_held; // in the order keys were first held
};

} // namespace PortRelay
