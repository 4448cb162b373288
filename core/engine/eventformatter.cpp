#include "core/engine/eventformatter.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace PortRelay {

namespace {

// RFC 3339 with the offset: UTC ("Z") for machines; local time with its offset for people.
QString utcTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString localTime(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

QByteArray formatJson(const EngineEvent &event)
{
    QJsonObject object{
        {QStringLiteral("time"), utcTime(event.time)},
        {QStringLiteral("level"), EngineEvent::levelName(event.level)},
        {QStringLiteral("event"), EngineEvent::kindName(event.kind)},
        {QStringLiteral("rule"), event.rule},
    };
    if (!event.backend.isEmpty())
        object.insert(QStringLiteral("backend"), event.backend);
    if (!event.hop.isEmpty()) {
        object.insert(QStringLiteral("hop"), event.hop);
        object.insert(QStringLiteral("state"), event.hopState);
    }
    if (event.from && event.to) {
        object.insert(QStringLiteral("from"), backendStateName(*event.from));
        object.insert(QStringLiteral("to"), backendStateName(*event.to));
    }
    if (!event.message.isEmpty())
        object.insert(QStringLiteral("reason"), event.message.english());
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray formatText(const EngineEvent &event)
{
    QString line = localTime(event.time) + QLatin1Char(' ') + EngineEvent::levelName(event.level) + QLatin1Char(' ') +
                   EngineEvent::kindName(event.kind);
    if (!event.rule.isEmpty())
        line += QStringLiteral(" rule=") + event.rule;
    if (!event.backend.isEmpty())
        line += QStringLiteral(" backend=") + event.backend;
    if (!event.hop.isEmpty())
        line += QStringLiteral(" hop=") + event.hop + QStringLiteral(" state=") + event.hopState;
    if (event.from && event.to)
        line += QStringLiteral(" from=") + backendStateName(*event.from) + QStringLiteral(" to=") +
                backendStateName(*event.to);
    if (!event.message.isEmpty())
        line += QStringLiteral(": ") + event.message.english();
    // A message never spans lines: one event, one line, whatever a name or reason contains.
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line.toUtf8();
}

} // namespace

QByteArray EventFormatter::format(const EngineEvent &event, Format format)
{
    return format == Format::Json ? formatJson(event) : formatText(event);
}

} // namespace PortRelay
