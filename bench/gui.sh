#!/usr/bin/env bash
# The desktop window's responsiveness under load (issues 4 and 5), on loopback only:
#
#   bash bench/gui.sh [--runs N] [--seconds S] [--warmup S] [--portrelay PATH] [--portrelayd PATH]
#
# 50 rules, one forwarding wrk's new connections (-t2 -c50, "Connection: close") to nginx; the
# window under Xvfb shows that rule's chart. Reports the GUI thread's event-loop latency (p50, p99,
# max) and the requests per second through the window against the same through portrelayd,
# interleaved runs, medians. Builds Release into build/release unless --portrelay is given.
# See docs/responsiveness.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$ROOT"

for tool in nginx wrk xvfb-run python3; do
    command -v "$tool" >/dev/null || { echo "bench/gui.sh: $tool is missing (apt-get install nginx-light wrk xvfb)" >&2; exit 1; }
done

if [[ " $* " != *" --portrelay "* ]]; then
    echo "== building PortRelay (Release)"
    cmake --preset release -DPORTRELAY_BUILD_TESTS=OFF >/dev/null
    cmake --build --preset release --target portrelay portrelayd >/dev/null
fi

if pgrep -x "ninja|cc1plus" >/dev/null; then
    echo "== warning: a build is running on this machine; figures will be disturbed" >&2
fi

exec python3 "$HERE/gui_bench.py" "$@"
