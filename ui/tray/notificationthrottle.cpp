#include "ui/tray/notificationthrottle.h"

#include <QStringList>

#include <algorithm>

namespace PortRelay {

NotificationThrottle::NotificationThrottle(Limits limits)
    : m_limits(limits)
{}

std::optional<NotificationThrottle::Notification>
NotificationThrottle::post(const QString &key, const Notification &notification, qint64 nowMs)
{
    const auto held = std::find_if(m_held.begin(), m_held.end(), [&key](const Held &h) { return h.key == key; });
    if (held != m_held.end()) {
        held->latest = notification;
        held->postedMs = nowMs;
        ++held->changes;
        return std::nullopt;
    }
    const Held candidate{key, notification, nowMs, 1};
    if (dueMs(candidate) <= nowMs) {
        markShown(key, nowMs);
        return notification;
    }
    m_held.append(candidate);
    return std::nullopt;
}

std::optional<NotificationThrottle::Notification> NotificationThrottle::flush(qint64 nowMs)
{
    QList<Held> due;
    for (auto it = m_held.begin(); it != m_held.end();) {
        if (dueMs(*it) <= nowMs) {
            due.append(*it);
            it = m_held.erase(it);
        } else {
            ++it;
        }
    }
    if (due.isEmpty())
        return std::nullopt;

    // The most recent first: it is what the user most needs to see.
    std::stable_sort(due.begin(), due.end(), [](const Held &a, const Held &b) { return a.postedMs > b.postedMs; });
    Notification out;
    out.title = due.constFirst().latest.title;
    QStringList lines;
    int described = 0;
    int changes = 0;
    for (const Held &held : std::as_const(due)) {
        changes += held.changes;
        out.warning = out.warning || held.latest.warning;
        if (lines.size() < MaxLines) {
            lines.append(due.size() == 1 ? held.latest.message
                                         : QString(held.latest.title + QStringLiteral(": ") + held.latest.message));
            ++described;
        }
        markShown(held.key, nowMs);
    }
    const int more = changes - described;
    if (more > 0)
        lines.append(tr("and %n more", nullptr, more));
    out.message = lines.join(u'\n');
    return out;
}

qint64 NotificationThrottle::nextDueMs() const
{
    qint64 next = -1;
    for (const Held &held : m_held) {
        const qint64 due = dueMs(held);
        if (next < 0 || due < next)
            next = due;
    }
    return next;
}

qint64 NotificationThrottle::dueMs(const Held &held) const
{
    qint64 due = held.postedMs;
    if (const auto shown = m_lastShownMs.constFind(held.key); shown != m_lastShownMs.constEnd())
        due = std::max(due, *shown + m_limits.perKeyMs);
    if (m_lastAnyMs)
        due = std::max(due, *m_lastAnyMs + m_limits.minGapMs);
    return due;
}

void NotificationThrottle::markShown(const QString &key, qint64 nowMs)
{
    m_lastShownMs.insert(key, nowMs);
    m_lastAnyMs = nowMs;
}

} // namespace PortRelay
