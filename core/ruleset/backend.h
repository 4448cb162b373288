#pragma once

#include "core/ruleset/endpoint.h"

#include <QJsonObject>

namespace PortRelay {

// One target of a rule, as configured.
struct Backend
{
    static constexpr int MaxWeight = 1000;

    Endpoint address;
    int weight = 1;
    bool backup = false; // used only while no primary backend is eligible
    bool enabled = true;
    QString via;            // the hop (RuleSet::hops) it is reached through; empty: the rule's "via"
    QJsonObject extensions; // the user's own "x-" keys, kept verbatim

    // Key by key, by the schema table (RuleSchema::equal).
    friend bool operator==(const Backend &a, const Backend &b);
    friend bool operator!=(const Backend &a, const Backend &b) { return !(a == b); }
};

} // namespace PortRelay
