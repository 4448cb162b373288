#pragma once

#include <QStringView>

#include <array>

// The keys of the rules-file format, per kind of object, in the order of docs/rules-format.md:
// the parser refuses anything else (and suggests the nearest), the validator sorts issues by it.
namespace PortRelay::RuleSetKeys {

inline constexpr std::array<QStringView, 2> Top{u"version", u"rules"};
inline constexpr std::array<QStringView, 20> Rule{u"name",
                                                  u"group",
                                                  u"enabled",
                                                  u"protocol",
                                                  u"listen",
                                                  u"balance",
                                                  u"backends",
                                                  u"health_check",
                                                  u"connect_timeout_ms",
                                                  u"idle_timeout_ms",
                                                  u"retries",
                                                  u"retry_backoff_ms",
                                                  u"max_connections",
                                                  u"max_connections_per_client",
                                                  u"max_fails",
                                                  u"fail_window_ms",
                                                  u"on_down",
                                                  u"slow_start_ms",
                                                  u"adaptive_weights",
                                                  u"allow"};
inline constexpr std::array<QStringView, 4> Backend{u"address", u"weight", u"backup", u"enabled"};
inline constexpr std::array<QStringView, 7> HealthCheck{u"type", u"interval_ms", u"timeout_ms", u"rise",
                                                        u"fall", u"send",        u"expect"};

} // namespace PortRelay::RuleSetKeys
