#pragma once

#include "core/ruleset/ruleset.h"
#include "core/ruleset/rulesetissue.h"

#include <QHash>

namespace PortRelay {

// Semantic checks on rule values: ranges, required parts, and conflicts between rules; the hops
// are HopValidator's.
// The parser runs it after reading a file; the rule editor runs it as the user types, so both
// speak with the same messages.
class RuleValidator
{
public:
    // Accepted values of the numeric keys, inclusive; also the bounds of the editor's spin boxes.
    struct Range
    {
        int min;
        int max;
        bool contains(qint64 value) const { return value >= min && value <= max; }
    };
    static constexpr int MaxNameLength = 64;
    static constexpr Range WeightRange{1, Backend::MaxWeight};
    static constexpr Range ConnectTimeoutRange{1, 600000};
    static constexpr Range IdleTimeoutRange{0, 86400000}; // 0: never
    static constexpr Range RetriesRange{0, 10};
    static constexpr Range MaxConnectionsRange{0, 1000000}; // 0: unlimited
    static constexpr Range IntervalRange{100, 3600000};
    static constexpr Range CheckTimeoutRange{10, 600000};
    static constexpr Range RiseFallRange{1, 100};
    static constexpr Range MaxFailsRange{0, 100}; // 0: no passive checks
    static constexpr Range FailWindowRange{100, 3600000};
    static constexpr Range RetryBackoffRange{0, 60000};
    static constexpr Range SlowStartRange{0, 3600000}; // 0: full weight at once
    // Longest health-check "send" and "expect" text, in bytes of UTF-8.
    static constexpr int MaxCheckDataBytes = 1024;

    // Issues of one rule on its own, located in rules[ruleIndex]. Its "via" keys are checked as
    // texts only: which hops there are is the rule set's (HopValidator::validateVia).
    static RuleSetIssues validate(const Rule &rule, int ruleIndex);
    // Issues of the hops (HopValidator), of every rule, of the hops rules name, and those between
    // rules (duplicate names, shared listen addresses).
    static RuleSetIssues validate(const RuleSet &ruleSet);
    // True when two enabled rules would fight over the same listen socket.
    static bool listenConflicts(const Endpoint &a, const Endpoint &b);

    // "7 out of range 0-5", the wording of every range message.
    static Message outOfRangeMessage(const QString &value, Range range);
    // The messages for too long lists, which the parser also gives before reading such a list.
    static Message tooManyBackends(qsizetype count);
    static Message tooManyAllowEntries(qsizetype count);
    // Stable-sorts issues into document order: by rule and element index, and within an object by
    // the key order of the schema (QJsonObject forgets the order the file had).
    static void sortInDocumentOrder(RuleSetIssues &issues);

    // The checks between rules, fed one rule at a time in document order so that a caller can
    // interleave their issues with its own; hashes keep it linear in the number of rules.
    class ConflictChecker
    {
    public:
        // Issues between rules[index] and the rules added before it; they name the other rule by
        // RuleSetIssue::otherRule.
        RuleSetIssues add(const Rule &rule, int index);

    private:
        struct Seen
        {
            int index;
            QString name;
            QString listen;
        };
        QHash<QString, int> m_names;
        QHash<QString, Seen> m_listenExact;    // "address|port"
        QHash<QString, Seen> m_listenAny;      // "family|port": the first rule of that family and port
        QHash<QString, Seen> m_listenWildcard; // "family|port": the first wildcard
    };
};

} // namespace PortRelay
