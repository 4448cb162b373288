#!/usr/bin/env bash
# PortRelay's side-by-side benchmark (issue 4): one command, as root on Debian 12.
#
#   bash bench/run.sh [--quick] [--runs N] [--only W1,W3] [--peers direct,portrelay,go] [--unpinned-runs N]
#                     [--iperf-seconds S] [--wrk-seconds S] [--redis-requests N] [--wait-quiet S]
#                     [--portrelayd PATH] [--old-portrelayd PATH]
#
# Installs the peers and load tools with apt-get, builds PortRelay (Release) and the Go reference
# forwarder, then runs bench/bench.py: first pinned (forwarder on CPU 0, load and backends on
# CPU 1), then once unpinned (not with --quick). Prints the tables; raw JSON goes to bench/results/.
# --portrelayd PATH runs that binary and builds none; --old-portrelayd PATH adds the peer
# portrelay-old (an earlier build, run like portrelay, interleaved) to compare before and after.
# See docs/performance.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$ROOT"

ARGS=()
UNPINNED_RUNS=""
QUICK=0
OWN_BINARY=0
while [ $# -gt 0 ]; do
    case "$1" in
        --unpinned-runs) UNPINNED_RUNS="$2"; shift 2 ;;
        --unpinned-runs=*) UNPINNED_RUNS="${1#*=}"; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exec /usr/bin/python3 "$HERE/bench.py" --help ;;
        --portrelayd|--portrelayd=*) OWN_BINARY=1; ARGS+=("$1"); shift ;;
        --quick) QUICK=1; ARGS+=("$1"); shift ;;
        *) ARGS+=("$1"); shift ;;
    esac
done
# The smoke test (--quick) is the pinned run only, unless asked.
if [ -z "$UNPINNED_RUNS" ]; then UNPINNED_RUNS=$((1 - QUICK)); fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# What PortRelay builds with (the project's own list), then the peers and load tools.
# shellcheck source=../scripts/deps.sh
source "$ROOT/scripts/deps.sh"
portrelay_install_deps
PKGS=(haproxy nginx-light libnginx-mod-stream socat rinetd golang-go iperf3 wrk redis-server redis-tools
      procps python3 util-linux)
missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# linux-perf is optional (profiling only).
dpkg-query -W -f='${Status}' linux-perf 2>/dev/null | grep -q "install ok installed" ||
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends linux-perf >/dev/null 2>&1 || true
# Packaged services started by the install would take ports and CPU: stop them.
for svc in haproxy nginx rinetd redis-server; do
    if command -v systemctl >/dev/null && systemctl is-active --quiet "$svc" 2>/dev/null; then
        $SUDO systemctl stop "$svc" || true
    fi
done

if [ "$OWN_BINARY" -eq 1 ]; then
    echo "== PortRelay: the binary given by --portrelayd (nothing built)"
else
    echo "== building PortRelay (Release)"
    cmake --preset release -DPORTRELAY_BUILD_TESTS=OFF >/dev/null
    cmake --build --preset release >/dev/null
fi

echo "== building the Go forwarder"
mkdir -p "$HERE/.cache"
(cd "$HERE/goforward" &&
    GOPATH="$HERE/.cache/gopath" GOCACHE="$HERE/.cache/gocache" GOFLAGS=-mod=mod GOPROXY=off \
        go build -o "$HERE/.cache/goforward" .)

# As many descriptors as the hard limit allows, for W4's idle connections.
ulimit -n "$(ulimit -Hn)"

PIDFILE="$(mktemp)"
cleanup() {
    # bench.py stops what it started; this catches anything left if it was killed hard.
    if [ -n "${BENCH_PID:-}" ] && kill -0 "$BENCH_PID" 2>/dev/null; then
        kill -TERM "$BENCH_PID" 2>/dev/null || true
        wait "$BENCH_PID" 2>/dev/null || true
    fi
    if [ -f "$PIDFILE" ]; then
        while read -r pid; do
            [ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null || true
        done < "$PIDFILE"
        rm -f "$PIDFILE"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if pgrep -f "ninja|cc1plus" >/dev/null; then
    echo "== warning: a build is running on this machine; figures will be disturbed" >&2
fi

run_bench() {
    /usr/bin/python3 "$HERE/bench.py" --pidfile "$PIDFILE" "$@" &
    BENCH_PID=$!
    wait "$BENCH_PID"
    BENCH_PID=""
}

echo "== pinned run"
run_bench --mode pinned "${ARGS[@]}"
if [ "$UNPINNED_RUNS" -gt 0 ]; then
    echo "== unpinned run"
    # Last --runs wins: the unpinned run is a single pass unless --unpinned-runs says otherwise.
    run_bench --mode unpinned "${ARGS[@]}" --runs "$UNPINNED_RUNS"
fi
