#include "core/ruleset/ruleschema.h"

#include <type_traits>

namespace PortRelay {

namespace {

using Range = RuleValidator::Range;
using Ui = SchemaUi;
constexpr auto Health = SchemaSection::HealthCheck;
constexpr auto Connections = SchemaSection::Connections;
constexpr auto Failover = SchemaSection::Failover;
constexpr auto Ms = SchemaUnit::Milliseconds;
constexpr auto Count = SchemaUnit::Count;

constexpr int MaxDescriptionLength = 500;

const SchemaField<Rule> RuleTable[] = {
    SchemaField<Rule>(u"name", &Rule::name).required().textOf(SchemaText::Label, RuleValidator::MaxNameLength),
    SchemaField<Rule>(u"description", &Rule::description)
        .omittedWhenEmpty()
        .textOf(SchemaText::Prose, MaxDescriptionLength),
    SchemaField<Rule>(u"group", &Rule::group)
        .omittedWhenEmpty()
        .textOf(SchemaText::Label, RuleValidator::MaxNameLength),
    SchemaField<Rule>(u"enabled", &Rule::enabled),
    SchemaField<Rule>(u"protocol", &Rule::protocol),
    SchemaField<Rule>(u"listen", &Rule::listen).required(),
    SchemaField<Rule>(u"balance", &Rule::balance),
    SchemaField<Rule>(u"backends", &Rule::backends).required(),
    SchemaField<Rule>(u"health_check", &Rule::healthCheck),
    SchemaField<Rule>(u"connect_timeout_ms", &Rule::connectTimeoutMs)
        .inRange(RuleValidator::ConnectTimeoutRange)
        .shown(Ui{QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "&Connect timeout:"),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "How long one connection attempt to a backend may take. "
                                                             "Also the time limit of “Test Backends” while "
                                                             "health checks are off."),
                  nullptr, Connections, Ms}),
    SchemaField<Rule>(u"idle_timeout_ms", &Rule::idleTimeoutMs)
        .inRange(RuleValidator::IdleTimeoutRange)
        .shown(Ui{QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "&Idle timeout:"),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Close a connection after this long without traffic."),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Never"), Connections, Ms}),
    SchemaField<Rule>(u"retries", &Rule::retries)
        .inRange(RuleValidator::RetriesRange)
        .shown(Ui{QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "&Retries:"),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema",
                                    "Further rounds over the backends once every one has failed for a client."),
                  nullptr, Connections, Count}),
    SchemaField<Rule>(u"retry_backoff_ms", &Rule::retryBackoffMs)
        .inRange(RuleValidator::RetryBackoffRange)
        .shown(Ui{
            QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Retry &backoff:"),
            QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Pause before the first further round; it doubles each round."),
            QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "No pause"), Connections, Ms}),
    SchemaField<Rule>(u"max_connections", &Rule::maxConnections)
        .inRange(RuleValidator::MaxConnectionsRange)
        .shown(Ui{QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "&Max connections:"),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Open client connections at most."),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Unlimited"), Connections, Count}),
    SchemaField<Rule>(u"max_connections_per_client", &Rule::maxConnectionsPerClient)
        .inRange(RuleValidator::MaxConnectionsRange)
        .shown(Ui{QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Max per c&lient:"),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema",
                                    "Open connections from one client address at most; more are refused. Keeps one "
                                    "client from taking every connection."),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Unlimited"), Connections, Count}),
    SchemaField<Rule>(u"max_fails", &Rule::maxFails)
        .inRange(RuleValidator::MaxFailsRange)
        .shown(Ui{QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Max &fails:"),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Failed connects from real traffic within the fail "
                                                             "window that take a backend out (passive checks)."),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Off"), Failover, Count}),
    SchemaField<Rule>(u"fail_window_ms", &Rule::failWindowMs)
        .inRange(RuleValidator::FailWindowRange)
        .shown(Ui{QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Fail &window:"),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "The window in which failed connects count."), nullptr,
                  Failover, Ms}),
    SchemaField<Rule>(u"on_down", &Rule::onDown),
    SchemaField<Rule>(u"slow_start_ms", &Rule::slowStartMs)
        .inRange(RuleValidator::SlowStartRange)
        .shown(Ui{QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "&Slow start:"),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema",
                                    "A backend back from down ramps up to its full weight over this time."),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Off"), Failover, Ms}),
    SchemaField<Rule>(u"adaptive_weights", &Rule::adaptiveWeights),
    SchemaField<Rule>(u"allow", &Rule::allow).omittedWhenEmpty(),
    SchemaField<Rule>(u"via", &Rule::via).omittedWhenEmpty().textOf(SchemaText::Label, RuleValidator::MaxNameLength),
};

const SchemaField<Backend> BackendTable[] = {
    SchemaField<Backend>(u"address", &Backend::address).required(),
    SchemaField<Backend>(u"weight", &Backend::weight)
        .inRange(RuleValidator::WeightRange,
                 QT_TRANSLATE_NOOP("PortRelay::RuleValidator",
                                   "weight 0 is not allowed: set \"enabled\": false to take a backend out of use")),
    SchemaField<Backend>(u"backup", &Backend::backup),
    SchemaField<Backend>(u"enabled", &Backend::enabled),
    SchemaField<Backend>(u"via", &Backend::via)
        .omittedWhenEmpty()
        .textOf(SchemaText::Label, RuleValidator::MaxNameLength),
};

const SchemaField<Hop> HopTable[] = {
    SchemaField<Hop>(u"name", &Hop::name).required().textOf(SchemaText::Label, RuleValidator::MaxNameLength),
    SchemaField<Hop>(u"type", &Hop::type).required(),
    // Without a port, an SSH server's: the only type so far (a SOCKS5 or HTTP hop will want its own).
    SchemaField<Hop>(u"address", &Hop::address).omittedWhenEmpty().withDefaultPort(Hop::DefaultSshPort),
    SchemaField<Hop>(u"ssh_config_host", &Hop::sshConfigHost)
        .omittedWhenEmpty()
        .textOf(SchemaText::Label, RuleValidator::MaxNameLength),
    SchemaField<Hop>(u"user", &Hop::user).omittedWhenEmpty().textOf(SchemaText::Label, RuleValidator::MaxNameLength),
    SchemaField<Hop>(u"identity_file", &Hop::identityFile).omittedWhenEmpty().textOf(SchemaText::Path, 4096),
    SchemaField<Hop>(u"known_hosts_file", &Hop::knownHostsFile).omittedWhenEmpty().textOf(SchemaText::Path, 4096),
    SchemaField<Hop>(u"passphrase_secret", &Hop::passphraseSecret).omittedWhenEmpty().textOf(SchemaText::Label, 128),
    SchemaField<Hop>(u"password_secret", &Hop::passwordSecret).omittedWhenEmpty().textOf(SchemaText::Label, 128),
    SchemaField<Hop>(u"via", &Hop::via).omittedWhenEmpty().textOf(SchemaText::Label, RuleValidator::MaxNameLength),
};

const SchemaField<HealthCheck> HealthCheckTable[] = {
    SchemaField<HealthCheck>(u"type", &HealthCheck::type),
    SchemaField<HealthCheck>(u"interval_ms", &HealthCheck::intervalMs)
        .inRange(RuleValidator::IntervalRange)
        .shown(Ui{QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "&Interval:"),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Time between two checks of one backend."), nullptr,
                  Health, Ms}),
    SchemaField<HealthCheck>(u"timeout_ms", &HealthCheck::timeoutMs)
        .inRange(RuleValidator::CheckTimeoutRange)
        .shown(Ui{QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Time&out:"),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "How long one check may take, sending and the reply "
                                                             "included; at most the interval."),
                  nullptr, Health, Ms}),
    SchemaField<HealthCheck>(u"rise", &HealthCheck::rise)
        .inRange(RuleValidator::RiseFallRange)
        .shown(Ui{QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "&Rise:"),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Passed checks in a row before a down backend is used "
                                                             "again."),
                  nullptr, Health, Count}),
    SchemaField<HealthCheck>(u"fall", &HealthCheck::fall)
        .inRange(RuleValidator::RiseFallRange)
        .shown(Ui{QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "&Fall:"),
                  QT_TRANSLATE_NOOP("PortRelay::RuleSchema", "Failed checks in a row before a backend counts as "
                                                             "down."),
                  nullptr, Health, Count}),
    SchemaField<HealthCheck>(u"send", &HealthCheck::send).omittedWhenEmpty(),
    SchemaField<HealthCheck>(u"expect", &HealthCheck::expect).omittedWhenEmpty(),
};

constexpr std::array<QStringView, 3> TopKeys{u"version", u"hops", u"rules"};

// The number of data members of an aggregate, counted by how many initializers it takes (the
// technique of Boost.PFR): a member added to Rule without a table entry fails to compile below,
// instead of being silently left out of reading, writing and comparing.
struct AnyMember
{
    template<typename T>
    operator T() const; // never defined: only asked whether it would convert
};

template<typename T, typename Indexes, typename = void>
struct TakesInitializers : std::false_type
{};
template<typename T, std::size_t... I>
struct TakesInitializers<T, std::index_sequence<I...>, std::void_t<decltype(T{(void(I), AnyMember{})...})>>
    : std::true_type
{};

template<typename T, std::size_t N = 0>
constexpr std::size_t memberCount()
{
    if constexpr (TakesInitializers<T, std::make_index_sequence<N + 1>>::value)
        return memberCount<T, N + 1>();
    else
        return N;
}

// Each object has one member beyond its keys: the user's "x-" keys (none for a health check).
static_assert(memberCount<Rule>() == std::size(RuleTable) + 1, "every member of Rule needs an entry in RuleTable");
static_assert(memberCount<Backend>() == std::size(BackendTable) + 1,
              "every member of Backend needs an entry in BackendTable");
static_assert(memberCount<Hop>() == std::size(HopTable) + 1, "every member of Hop needs an entry in HopTable");
static_assert(memberCount<HealthCheck>() == std::size(HealthCheckTable),
              "every member of HealthCheck needs an entry in HealthCheckTable");

template<typename Object>
bool equalFields(SchemaFields<Object> fields, const Object &a, const Object &b)
{
    for (const SchemaField<Object> &field : fields) {
        const bool same = std::visit([&a, &b](auto member) { return a.*member == b.*member; }, field.member);
        if (!same)
            return false;
    }
    return true;
}

} // namespace

template<typename Object>
const SchemaField<Object> *SchemaFields<Object>::find(QStringView key) const
{
    for (const SchemaField<Object> &field : *this) {
        if (field.key == key)
            return &field;
    }
    return nullptr;
}

template<typename Object>
int SchemaFields<Object>::rank(QStringView key) const
{
    const SchemaField<Object> *field = find(key);
    return field ? int(field - first) : int(count);
}

template struct SchemaFields<Rule>;
template struct SchemaFields<Backend>;
template struct SchemaFields<HealthCheck>;
template struct SchemaFields<Hop>;

namespace RuleSchema {

SchemaFields<Rule> rule()
{
    return {RuleTable, std::size(RuleTable)};
}

SchemaFields<Backend> backend()
{
    return {BackendTable, std::size(BackendTable)};
}

SchemaFields<HealthCheck> healthCheck()
{
    return {HealthCheckTable, std::size(HealthCheckTable)};
}

SchemaFields<Hop> hop()
{
    return {HopTable, std::size(HopTable)};
}

const std::array<QStringView, 3> &top()
{
    return TopKeys;
}

bool equal(const Rule &a, const Rule &b)
{
    return equalFields(rule(), a, b) && a.extensions == b.extensions;
}

bool equal(const Backend &a, const Backend &b)
{
    return equalFields(backend(), a, b) && a.extensions == b.extensions;
}

bool equal(const Hop &a, const Hop &b)
{
    return equalFields(hop(), a, b) && a.extensions == b.extensions;
}

bool equal(const HealthCheck &a, const HealthCheck &b)
{
    return equalFields(healthCheck(), a, b);
}

} // namespace RuleSchema

} // namespace PortRelay
