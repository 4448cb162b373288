// libFuzzer target for the rules-file parser. Beyond "never crash, never hang": whatever parses
// must serialize and parse back to the same rule set, and whatever is refused must say why.

#include "core/ruleset/rulesetparser.h"
#include "core/ruleset/rulesetwriter.h"

#include <cstdio>
#include <cstdlib>

using namespace PortRelay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const RuleSetParser::Result result = RuleSetParser::parse(input);
    if (!result.ok()) {
        for (const RuleSetIssue &issue : result.issues) {
            if (issue.message.isEmpty()) {
                std::fprintf(stderr, "issue without a message at %s\n", qPrintable(issue.path()));
                std::abort();
            }
        }
        return 0;
    }
    const QByteArray written = RuleSetWriter::serialize(result.ruleSet);
    const RuleSetParser::Result again = RuleSetParser::parse(written);
    if (!again.ok() || again.ruleSet != result.ruleSet) {
        std::fprintf(stderr, "round trip failed:\n%s\n", written.constData());
        for (const RuleSetIssue &issue : again.issues)
            std::fprintf(stderr, "  %s\n", qPrintable(issue.toString()));
        std::abort();
    }
    return 0;
}
