#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and fuzzes the rules-file parser for a
# bounded time (seconds, default 60). Any crash, hang, sanitizer report or round-trip mismatch
# fails. The corpus grows in build/fuzz/corpus between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_rulesetparser
mkdir -p build/fuzz/corpus
rc=0
build/fuzz/tests/fuzz/fuzz_rulesetparser -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -dict=tests/fuzz/rules.dict -print_final_stats=1 build/fuzz/corpus tests/fuzz/seeds \
    > build/fuzz/fuzz.log 2>&1 || rc=$?
grep -E "stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY|round trip|^Done" build/fuzz/fuzz.log || true
if [ "$rc" != 0 ]; then
    tail -n 60 build/fuzz/fuzz.log
    echo "fuzz_rulesetparser: FAILED (exit $rc); the input is in build/fuzz/crash-*" >&2
fi
exit "$rc"
