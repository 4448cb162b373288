#pragma once

#include "core/i18n/message.h"

#include <QList>
#include <QString>

namespace PortRelay {

// Where in a rule set something is, as parts rather than as a JSON path, so that readers (the
// editor, the import preview) need not parse paths back: "rules[2].backends[0].address" is rule 2,
// field "backends", index 0, key "address"; "hops[1].via" is rule -1, field "hops", index 1, key "via".
struct RuleSetLocation
{
    int rule = -1;  // index in "rules"; -1: the document, outside any rule
    QString field;  // key of the rule, or of the document when rule < 0; empty: the rule itself
    int index = -1; // element of that field's list: backends[index], allow[index], hops[index]
    QString key;    // key inside that element or object ("address", "health_check"'s "rise"); dotted if deeper

    // The location of a key one level down: the field when none is set yet, else the key.
    RuleSetLocation child(QStringView name) const;
    RuleSetLocation element(int elementIndex) const;
    static RuleSetLocation ofRule(int ruleIndex) { return {ruleIndex, {}, -1, {}}; }

    // The backend's index when the location is in or at one of a rule's backends, else -1.
    int backend() const;
    // True when this is other or lies inside it.
    bool isWithin(const RuleSetLocation &other) const;

    // "rules[2].backends[0].address"; empty for the document itself.
    QString path() const;
    // As path(), without the rule's own part: "backends[0].address".
    QString pathInRule() const;

    friend bool operator==(const RuleSetLocation &a, const RuleSetLocation &b)
    {
        return a.rule == b.rule && a.field == b.field && a.index == b.index && a.key == b.key;
    }
};

// One problem found in a rule set: where, and what, as a message whose text is made where it is
// shown (English in logs and on the command line, translated in the window).
struct RuleSetIssue : RuleSetLocation
{
    Message message; // names the value: "port 70000 out of range 1-65535"
    // A rule the message names ("duplicate name "a" (also rules[%N])"): its index fills the
    // message's last placeholder when the text is made, so an import can renumber it.
    int otherRule = -1;

    // How much of the location a text names: all of it, or only the part inside the rule, for a
    // list that already says which rule it is about ("backends[0].address: ...").
    enum class Scope
    {
        Document,
        Rule
    };

    // The message with the other rule filled in.
    Message text() const;
    // "rules[2].backends[0].address: port 70000 out of range 1-65535", in English.
    QString toString(Scope scope = Scope::Document) const;
    // The same, translated, for a person at the window.
    QString toTranslatedString(Scope scope = Scope::Document) const;

    friend bool operator==(const RuleSetIssue &a, const RuleSetIssue &b)
    {
        return static_cast<const RuleSetLocation &>(a) == static_cast<const RuleSetLocation &>(b) &&
               a.message == b.message && a.otherRule == b.otherRule;
    }
};

using RuleSetIssues = QList<RuleSetIssue>;

} // namespace PortRelay
