#include "ui/stateicons.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <functional>

namespace PortRelay {

namespace {

enum class Glyph
{
    Check,
    Cross,
    Question,
    Pause,
    Dash,
    Play,
    Stop,
    Bang,
    Info,
};

enum class Shape
{
    Circle,
    Square,
    Triangle,
    Diamond,
};

void drawGlyph(QPainter &p, Glyph glyph, const QRectF &r)
{
    const qreal w = r.width();
    QPen pen(Qt::white, qMax(1.5, w * 0.13), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const auto at = [&r](qreal x, qreal y) { return QPointF(r.left() + r.width() * x, r.top() + r.height() * y); };
    switch (glyph) {
    case Glyph::Check:
        p.drawPolyline(QPolygonF{at(0.28, 0.52), at(0.44, 0.68), at(0.73, 0.36)});
        break;
    case Glyph::Cross:
        p.drawLine(at(0.32, 0.32), at(0.68, 0.68));
        p.drawLine(at(0.68, 0.32), at(0.32, 0.68));
        break;
    case Glyph::Question: {
        QPainterPath path;
        path.moveTo(at(0.36, 0.38));
        path.cubicTo(at(0.36, 0.18), at(0.66, 0.18), at(0.64, 0.38));
        path.cubicTo(at(0.62, 0.50), at(0.50, 0.48), at(0.50, 0.60));
        p.drawPath(path);
        p.drawPoint(at(0.50, 0.76));
        break;
    }
    case Glyph::Pause:
        p.drawLine(at(0.40, 0.32), at(0.40, 0.68));
        p.drawLine(at(0.60, 0.32), at(0.60, 0.68));
        break;
    case Glyph::Dash:
        p.drawLine(at(0.30, 0.50), at(0.70, 0.50));
        break;
    case Glyph::Play:
        p.setBrush(Qt::white);
        p.drawPolygon(QPolygonF{at(0.40, 0.32), at(0.68, 0.50), at(0.40, 0.68)});
        break;
    case Glyph::Stop:
        p.setBrush(Qt::white);
        p.drawRect(QRectF(at(0.36, 0.36), at(0.64, 0.64)));
        break;
    case Glyph::Bang:
        p.drawLine(at(0.50, 0.36), at(0.50, 0.60));
        p.drawPoint(at(0.50, 0.76));
        break;
    case Glyph::Info:
        p.drawPoint(at(0.50, 0.30));
        p.drawLine(at(0.50, 0.46), at(0.50, 0.72));
        break;
    }
}

void drawBadge(QPainter &p, const QRectF &r, Shape shape, const QColor &fill, Glyph glyph)
{
    p.setPen(QPen(fill.darker(140), qMax(1.0, r.width() / 16)));
    p.setBrush(fill);
    const QRectF body = r.adjusted(r.width() * 0.06, r.height() * 0.06, -r.width() * 0.06, -r.height() * 0.06);
    switch (shape) {
    case Shape::Circle:
        p.drawEllipse(body);
        break;
    case Shape::Square:
        p.drawRoundedRect(body, body.width() * 0.18, body.height() * 0.18);
        break;
    case Shape::Triangle:
        p.drawPolygon(QPolygonF{QPointF(body.center().x(), body.top()), body.bottomRight(), body.bottomLeft()});
        break;
    case Shape::Diamond:
        p.drawPolygon(QPolygonF{QPointF(body.center().x(), body.top()), QPointF(body.right(), body.center().y()),
                                QPointF(body.center().x(), body.bottom()), QPointF(body.left(), body.center().y())});
        break;
    }
    QRectF glyphRect = r;
    if (shape == Shape::Triangle)
        glyphRect.translate(0, r.height() * 0.08);
    drawGlyph(p, glyph, glyphRect);
}

QIcon makeIcon(Shape shape, const QColor &fill, Glyph glyph)
{
    QIcon icon;
    for (const int size : {16, 22, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        drawBadge(p, QRectF(0, 0, size, size), shape, fill, glyph);
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon cached(int key, const std::function<QIcon()> &make)
{
    static QHash<int, QIcon> cache;
    auto it = cache.constFind(key);
    if (it == cache.constEnd())
        it = cache.insert(key, make());
    return it.value();
}

// Fill colours with white glyphs: readable on any background.
const QColor Green(0x2e, 0x9d, 0x4f);
const QColor Red(0xd6, 0x36, 0x36);
const QColor Amber(0xd9, 0x8a, 0x0b);
const QColor Grey(0x86, 0x8e, 0x96);
const QColor Blue(0x2f, 0x74, 0xc0);

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

QIcon StateIcons::icon(BackendState state)
{
    return cached(100 + int(state), [state] {
        switch (state) {
        case BackendState::Up:
            return makeIcon(Shape::Circle, Green, Glyph::Check);
        case BackendState::Down:
            return makeIcon(Shape::Diamond, Red, Glyph::Cross);
        case BackendState::Draining:
            return makeIcon(Shape::Circle, Amber, Glyph::Pause);
        case BackendState::Disabled:
            return makeIcon(Shape::Square, Grey, Glyph::Dash);
        case BackendState::Unknown:
            break;
        }
        return makeIcon(Shape::Circle, Grey, Glyph::Question);
    });
}

QIcon StateIcons::icon(RuleState state)
{
    return cached(200 + int(state), [state] {
        switch (state) {
        case RuleState::Running:
            return makeIcon(Shape::Circle, Green, Glyph::Play);
        case RuleState::Failed:
            return makeIcon(Shape::Diamond, Red, Glyph::Bang);
        case RuleState::Waiting:
            return makeIcon(Shape::Diamond, Amber, Glyph::Bang);
        case RuleState::Stopped:
            break;
        }
        return makeIcon(Shape::Square, Grey, Glyph::Stop);
    });
}

QIcon StateIcons::icon(EngineEvent::Level level)
{
    return cached(300 + int(level), [level] {
        switch (level) {
        case EngineEvent::Level::Warning:
            return makeIcon(Shape::Triangle, Amber, Glyph::Bang);
        case EngineEvent::Level::Error:
            return makeIcon(Shape::Diamond, Red, Glyph::Cross);
        case EngineEvent::Level::Info:
            break;
        }
        return makeIcon(Shape::Circle, Blue, Glyph::Info);
    });
}

QIcon StateIcons::appIcon()
{
    return cached(0, [] {
        QIcon icon;
        for (const int size : {16, 22, 32, 48, 64, 128, 256}) {
            icon.addFile(QStringLiteral(":/icons/hicolor/%1x%1/apps/io.github.portrelay.PortRelay.png").arg(size),
                         QSize(size, size));
        }
        return icon;
    });
}

QIcon StateIcons::trayIcon(TrayState state)
{
    return cached(400 + int(state), [state] {
        if (state == TrayState::Idle)
            return appIcon();
        QIcon icon;
        for (const int size : {16, 22, 32, 48, 64}) {
            QPixmap pixmap = appIcon().pixmap(size, size);
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            const qreal badge = size * 0.55;
            const QRectF r(size - badge, size - badge, badge, badge);
            switch (state) {
            case TrayState::AllUp:
                drawBadge(p, r, Shape::Circle, Green, Glyph::Check);
                break;
            case TrayState::SomeDown:
                drawBadge(p, r, Shape::Triangle, Amber, Glyph::Bang);
                break;
            case TrayState::Failed:
                drawBadge(p, r, Shape::Diamond, Red, Glyph::Cross);
                break;
            case TrayState::Idle:
                break;
            }
            p.end();
            icon.addPixmap(pixmap);
        }
        return icon;
    });
}

QString StateIcons::text(BackendState state)
{
    switch (state) {
    case BackendState::Unknown:
        return tr("unknown");
    case BackendState::Up:
        return tr("up");
    case BackendState::Down:
        return tr("down");
    case BackendState::Draining:
        return tr("draining");
    case BackendState::Disabled:
        return tr("disabled");
    }
    return QString();
}

QString StateIcons::text(RuleState state)
{
    switch (state) {
    case RuleState::Stopped:
        return tr("stopped");
    case RuleState::Running:
        return tr("running");
    case RuleState::Failed:
        return tr("failed");
    case RuleState::Waiting:
        return tr("waiting");
    }
    return QString();
}

QString StateIcons::text(EngineEvent::Level level)
{
    switch (level) {
    case EngineEvent::Level::Info:
        return tr("info");
    case EngineEvent::Level::Warning:
        return tr("warning");
    case EngineEvent::Level::Error:
        return tr("error");
    }
    return QString();
}

QColor StateIcons::colour(BackendState state, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (state) {
    case BackendState::Up:
        return dark ? QColor(0x6f, 0xd6, 0x8c) : QColor(0x1b, 0x7a, 0x3a);
    case BackendState::Down:
        return dark ? QColor(0xff, 0x83, 0x83) : QColor(0xb4, 0x1e, 0x1e);
    case BackendState::Draining:
        return dark ? QColor(0xf5, 0xc2, 0x5b) : QColor(0x94, 0x5c, 0x00);
    case BackendState::Unknown:
    case BackendState::Disabled:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::Text);
}

QColor StateIcons::colour(RuleState state, const QPalette &palette)
{
    switch (state) {
    case RuleState::Running:
        return colour(BackendState::Up, palette);
    case RuleState::Failed:
        return colour(BackendState::Down, palette);
    case RuleState::Waiting:
        return colour(BackendState::Draining, palette);
    case RuleState::Stopped:
        break;
    }
    return palette.color(QPalette::Text);
}

} // namespace PortRelay
