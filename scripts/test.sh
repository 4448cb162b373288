#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds PortRelay with warnings as errors, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
portrelay_install_deps

cmake --preset ci
cmake --build --preset ci
ctest --preset ci -j2

# The rules-file parser under libFuzzer (clang, ASan + UBSan) for a bounded time.
bash scripts/fuzz.sh "${PORTRELAY_FUZZ_SECONDS:-60}"
