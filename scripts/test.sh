#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds PortRelay with warnings as errors, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
portrelay_install_deps

cmake --preset ci
cmake --build --preset ci
ctest --preset ci -j2

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer: any report fails.
cmake --preset asan
cmake --build --preset asan
ctest --preset asan -j2

# The engine's threaded tests under ThreadSanitizer (suppressions: tests/tsan.supp).
cmake --preset tsan
cmake --build --preset tsan --target tst_balancer tst_engine tst_faults tst_failover tst_healthprobe tst_resolution tst_tcpsession
ctest --preset tsan -j2 -R '^tst_(balancer|engine|faults|failover|healthprobe|resolution|tcpsession)$'

# The rules-file parser under libFuzzer (clang, ASan + UBSan) for a bounded time.
bash scripts/fuzz.sh "${PORTRELAY_FUZZ_SECONDS:-60}"
