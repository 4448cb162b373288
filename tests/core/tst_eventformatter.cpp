// Log lines as pipelines read them: RFC 3339 times with their offset, one event a line.

#include "core/engine/eventformatter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace PortRelay;

namespace {

EngineEvent sampleEvent()
{
    EngineEvent event;
    // 2026-11-25T16:20:01.123Z
    event.time = QDateTime::fromMSecsSinceEpoch(1795623601123, Qt::UTC).toLocalTime();
    event.level = EngineEvent::Level::Warning;
    event.kind = EngineEvent::Kind::BackendStateChanged;
    event.rule = QStringLiteral("api");
    event.backend = QStringLiteral("127.0.0.1:8081");
    event.message = Message::verbatim(QStringLiteral("connection refused\n(3/3 checks)"));
    return event;
}

} // namespace

class tst_EventFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonTimeIsUtcWithZ();
    void textTimeIsLocalWithOffset();
};

void tst_EventFormatter::jsonTimeIsUtcWithZ()
{
    const QByteArray line = EventFormatter::format(sampleEvent(), EventFormatter::Format::Json);
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    QCOMPARE(object.value(QLatin1String("time")).toString(), QStringLiteral("2026-11-25T16:20:01.123Z"));
    QCOMPARE(object.value(QLatin1String("event")).toString(), QStringLiteral("backend_state_changed"));
}

void tst_EventFormatter::textTimeIsLocalWithOffset()
{
    // The test runs with TZ=UTC-8 (POSIX: eight hours east of UTC; no tzdata needed).
    const QByteArray line = EventFormatter::format(sampleEvent(), EventFormatter::Format::Text);
    QVERIFY2(line.startsWith("2026-11-26T00:20:01.123+08:00 warning backend_state_changed rule=api"), line);
    QVERIFY2(!line.contains('\n'), line);
}

QTEST_GUILESS_MAIN(tst_EventFormatter)
#include "tst_eventformatter.moc"
