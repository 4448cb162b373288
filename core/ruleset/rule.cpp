#include "core/ruleset/rule.h"

#include <array>
#include <utility>

namespace PortRelay {

namespace {

constexpr std::array<std::pair<BalanceStrategy, QStringView>, 4> BalanceNames{{
    {BalanceStrategy::RoundRobin, u"round_robin"},
    {BalanceStrategy::LeastConnections, u"least_connections"},
    {BalanceStrategy::SourceHash, u"source_hash"},
    {BalanceStrategy::Random, u"random"},
}};

} // namespace

QString balanceStrategyName(BalanceStrategy strategy)
{
    for (const auto &[value, name] : BalanceNames) {
        if (value == strategy)
            return name.toString();
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<BalanceStrategy> balanceStrategyFromName(QStringView name)
{
    for (const auto &[value, known] : BalanceNames) {
        if (known == name)
            return value;
    }
    return std::nullopt;
}

QString protocolName(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Tcp:
        break;
    }
    return QStringLiteral("tcp");
}

std::optional<Protocol> protocolFromName(QStringView name)
{
    if (name == u"tcp")
        return Protocol::Tcp;
    return std::nullopt;
}

QString healthCheckTypeName(HealthCheck::Type type)
{
    switch (type) {
    case HealthCheck::Type::None:
        return QStringLiteral("none");
    case HealthCheck::Type::Tcp:
        break;
    }
    return QStringLiteral("tcp");
}

std::optional<HealthCheck::Type> healthCheckTypeFromName(QStringView name)
{
    if (name == u"tcp")
        return HealthCheck::Type::Tcp;
    if (name == u"none")
        return HealthCheck::Type::None;
    return std::nullopt;
}

QString onDownName(OnDown onDown)
{
    switch (onDown) {
    case OnDown::Close:
        return QStringLiteral("close");
    case OnDown::Keep:
        break;
    }
    return QStringLiteral("keep");
}

std::optional<OnDown> onDownFromName(QStringView name)
{
    if (name == u"keep")
        return OnDown::Keep;
    if (name == u"close")
        return OnDown::Close;
    return std::nullopt;
}

} // namespace PortRelay
