#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds PortRelay, and runs it: the window where a display
# exists, otherwise portrelayd on the sample rule set.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
portrelay_install_deps

cmake --preset release -DPORTRELAY_BUILD_TESTS=OFF
cmake --build --preset release

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/release/app/portrelay/portrelay ]; then
    exec build/release/app/portrelay/portrelay "$@"
fi
echo "Running portrelayd on docs/examples/dev-tunnels.json (Ctrl+C to stop)."
exec build/release/app/portrelayd/portrelayd --config docs/examples/dev-tunnels.json "$@"
