#!/usr/bin/env python3
"""Health checks at scale: the CPU an otherwise idle forwarder spends checking N backends.

One rule (HAProxy: one `listen`) per backend, every backend a closed port on 127.0.0.1 (each
check is a connect that is refused at once), checks every 2 s, no traffic. For each size the
forwarders run one after another, interleaved, run after run; each is given --warmup seconds to
start and settle, then its CPU time (user + system, every thread) is read over --seconds.

    python3 bench/healthchecks.py --portrelayd build/release/app/portrelayd/portrelayd \\
        [--old-portrelayd PATH] [--sizes 1000,5000,9000] [--seconds 30] [--runs 2]

Prints % of one core and microseconds per check; raw figures go to bench/results/ as JSON.
Loopback only. See docs/performance.md, "Health checks at scale".
"""

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import build_running, cpu_ticks, group_pids, log  # noqa: E402

LISTEN_BASE = 10000  # rule i listens on LISTEN_BASE + i (below the ephemeral range)
BACKEND_BASE = 21000  # and checks BACKEND_BASE + i, where nothing listens
INTERVAL_MS = 2000
TICKS = os.sysconf("SC_CLK_TCK")


def portrelay_config(path, size):
    rules = []
    for i in range(size):
        rules.append({
            "name": "r%d" % i,
            "listen": "127.0.0.1:%d" % (LISTEN_BASE + i),
            "backends": [{"address": "127.0.0.1:%d" % (BACKEND_BASE + i)}],
            "health_check": {"type": "tcp", "interval_ms": INTERVAL_MS, "timeout_ms": 1000},
        })
    with open(path, "w") as f:
        json.dump({"version": 1, "rules": rules}, f)


def haproxy_config(path, size):
    lines = [
        "global",
        "    nbthread 1",
        "    maxconn 100",
        "defaults",
        "    mode tcp",
        "    timeout connect 1s",
        "    timeout client 30s",
        "    timeout server 30s",
    ]
    for i in range(size):
        lines += [
            "listen l%d" % i,
            "    bind 127.0.0.1:%d" % (LISTEN_BASE + i),
            "    server s 127.0.0.1:%d check inter %d" % (BACKEND_BASE + i, INTERVAL_MS),
        ]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def raise_limits():
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    os.setsid()


def measure(name, command, warmup, seconds):
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=raise_limits)
    try:
        time.sleep(warmup)
        if proc.poll() is not None:
            raise RuntimeError("%s exited with %s during warm-up" % (name, proc.returncode))
        pids = group_pids(proc.pid)
        start = cpu_ticks(pids)
        time.sleep(seconds)
        pids = group_pids(proc.pid)
        used = cpu_ticks(pids) - start
        if proc.poll() is not None:
            raise RuntimeError("%s exited with %s while measured" % (name, proc.returncode))
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return used / TICKS


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--portrelayd", required=True)
    parser.add_argument("--old-portrelayd", help="an earlier build, measured beside the current one")
    parser.add_argument("--sizes", default="1000,5000,9000")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--warmup", type=float, default=10)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--no-haproxy", action="store_true")
    args = parser.parse_args()

    sizes = [int(s) for s in args.sizes.split(",")]
    peers = [("portrelay", args.portrelayd)]
    if args.old_portrelayd:
        peers.append(("portrelay-old", args.old_portrelayd))
    if not args.no_haproxy:
        if not shutil.which("haproxy"):
            sys.exit("haproxy is not installed (apt-get install haproxy), or pass --no-haproxy")
        peers.append(("haproxy", "haproxy"))

    tmp = tempfile.mkdtemp(prefix="portrelay-hc-")
    results = {}  # (peer, size) -> [cpu seconds]
    for run in range(args.runs):
        for size in sizes:
            rules = os.path.join(tmp, "rules-%d.json" % size)
            cfg = os.path.join(tmp, "haproxy-%d.cfg" % size)
            portrelay_config(rules, size)
            haproxy_config(cfg, size)
            for peer, binary in peers:
                if build_running():
                    log("note: a build is running; figures of this run are noisier")
                if peer == "haproxy":
                    command = ["haproxy", "-db", "-f", cfg]
                else:
                    command = [binary, "--config", rules]
                used = measure(peer, command, args.warmup, args.seconds)
                results.setdefault((peer, size), []).append(used)
                log("run %d: %-14s %6d backends: %.2f%% of a core" % (run + 1, peer, size,
                                                                         100 * used / args.seconds))

    print()
    print("| backends | forwarder | % of a core (runs) | µs per check |")
    print("|---:|---|---|---:|")
    raw = []
    for size in sizes:
        for peer, _ in peers:
            values = results[(peer, size)]
            checks = size * args.seconds * 1000 / INTERVAL_MS
            mean = sum(values) / len(values)
            print("| %d | %s | %s | %.1f |" % (size, peer, ", ".join("%.1f" % (100 * v / args.seconds)
                                                                        for v in values),
                                                1e6 * mean / checks))
            raw.append({"size": size, "peer": peer, "cpu_seconds": values, "seconds": args.seconds})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "healthchecks-%s.json" % time.strftime("%Y%m%dT%H%M%S"))
    with open(path, "w") as f:
        json.dump(raw, f, indent=1)
    log("raw figures: " + path)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
