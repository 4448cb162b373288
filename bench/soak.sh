#!/usr/bin/env bash
# The long churn soak (issue 6): portrelayd (Release) under minutes of connections opening and
# closing at a high rate, random sizes, one in five given up half way by its client. At the end
# its descriptors, threads and memory must be back where they started, and every completed
# transfer byte-exact. CI runs the same test for 8 s; this runs it for as long as you ask.
#
#   bash bench/soak.sh [seconds]     (default 300)
#
# Loopback only. Prints the test's own summary line (connections, rate, descriptors, threads, RSS).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
# A build directory of its own: bench/run.sh builds build/release without tests.
cmake --preset release -B build/soak -DPORTRELAY_BUILD_TESTS=ON -DPORTRELAY_BUILD_GUI=OFF >/dev/null
cmake --build build/soak --target portrelayd tst_resilience
PORTRELAY_SOAK_SECONDS="$seconds" timeout $((seconds + 120)) \
    build/soak/tests/tst_resilience churnLeavesNothingBehind 2>&1 |
    grep -E "QINFO|PASS|FAIL|Loc|Actual|Expected|Totals"
