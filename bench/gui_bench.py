#!/usr/bin/env python3
"""The desktop window's responsiveness under load (issues 4 and 5); see docs/responsiveness.md.

Loopback only. nginx serves a small file behind the first of 50 rules; the other 49 rules point at
idle listeners (health checks on, as a user would have them). Each run drives wrk -t2 -c50 with
"Connection: close" (a new connection per request) through the first rule for --seconds, either
through `portrelay` (the window, under Xvfb, with the rule's traffic chart showing) or through
`portrelayd` (no window) on the same rules file. Runs alternate GUI and daemon. The GUI's
event-loop latency comes from its hidden --latency-probe option, recorded only while wrk runs.
"""

import argparse
import json
import os
import platform
import re
import selectors
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from bench import nginx_http_config  # W2's nginx, the same file and settings

LISTEN_BASE = 28000   # rule i listens on LISTEN_BASE + i
NGINX_PORT = 28200
IDLE_BASE = 28300     # idle backend i on IDLE_BASE + i
RULES = 50


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


def wait_listening(port, timeout=10.0, proc=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)
    return False


class IdleBackends(threading.Thread):
    """Listeners that accept and close: enough for a TCP health check, never under load."""

    def __init__(self, ports):
        super().__init__(daemon=True)
        self.sel = selectors.DefaultSelector()
        self.socks = []
        for port in ports:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", port))
            s.listen(64)
            s.setblocking(False)
            self.sel.register(s, selectors.EVENT_READ)
            self.socks.append(s)

    def run(self):
        while True:
            for key, _ in self.sel.select(timeout=1.0):
                try:
                    conn, _ = key.fileobj.accept()
                    conn.close()
                except OSError:
                    pass


def rules_document():
    rules = []
    for i in range(RULES):
        backend = NGINX_PORT if i == 0 else IDLE_BASE + i
        rules.append({
            "name": "load" if i == 0 else "idle-%02d" % i,
            "listen": "127.0.0.1:%d" % (LISTEN_BASE + i),
            "backends": [{"address": "127.0.0.1:%d" % backend}],
        })
    return json.dumps({"version": 1, "rules": rules}, indent=1)


def run_wrk(seconds):
    cmd = ["wrk", "-t2", "-c50", "-d%ds" % seconds, "--latency", "-H", "Connection: close",
           "http://127.0.0.1:%d/small.html" % LISTEN_BASE]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30)
    m = re.search(r"Requests/sec:\s+([\d.]+)", r.stdout)
    if not m:
        raise RuntimeError("wrk output not understood:\n" + r.stdout + r.stderr)
    errors = re.search(r"Socket errors:.*", r.stdout)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", r.stdout)
    return float(m.group(1)), " ".join(x.group(0) for x in (errors, non2xx) if x)


def stop(proc, sig=signal.SIGTERM, timeout=10):
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


class Bench:
    def __init__(self, args):
        self.args = args
        self.tmp = tempfile.mkdtemp(prefix="portrelay-gui-bench-")
        self.rules = write(os.path.join(self.tmp, "rules.json"), rules_document())
        self.procs = []

    def env(self, run):
        """An isolated home per run: the user's own rules and settings are never read or written."""
        home = os.path.join(self.tmp, "home-%d" % run)
        config = os.path.join(home, "config")
        runtime = os.path.join(home, "runtime")
        os.makedirs(runtime, mode=0o700, exist_ok=True)
        write(os.path.join(config, "PortRelay", "portrelay", "rules.json"), rules_document())
        # The Traffic tab (index 1) of the first rule, which is selected at start: its chart shows
        # the rule under load.
        write(os.path.join(config, "PortRelay", "portrelay.conf"),
              "[window]\ndetailTab=1\n[chart]\nallRules=false\n")
        env = dict(os.environ)
        env.update({"XDG_CONFIG_HOME": config, "XDG_RUNTIME_DIR": runtime,
                    "XDG_DATA_HOME": os.path.join(home, "data"), "XDG_CACHE_HOME": os.path.join(home, "cache"),
                    "LC_ALL": "C"})
        env.pop("QT_QPA_PLATFORM", None)
        return env

    def gui_run(self, run):
        a = self.args
        probe = os.path.join(self.tmp, "probe-%d.json" % run)
        quit_after = a.warmup + a.seconds + 0.5
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", a.portrelay,
               "--latency-probe", probe, "--latency-probe-start", str(a.warmup),
               "--quit-after", str(quit_after)]
        log = open(os.path.join(self.tmp, "gui-%d.log" % run), "wb")
        started = time.monotonic()
        p = subprocess.Popen(cmd, env=self.env(run), stdout=log, stderr=log, start_new_session=True)
        try:
            if not wait_listening(LISTEN_BASE, 15, p):
                raise SystemExit("portrelay did not start listening; see %s" % log.name)
            time.sleep(max(0.0, a.warmup - (time.monotonic() - started)))
            rps, notes = run_wrk(a.seconds)
            p.wait(timeout=quit_after + 20)
        finally:
            stop(p)
        with open(probe) as f:
            latency = json.loads(f.readline())
        return rps, notes, latency

    def daemon_run(self, run):
        a = self.args
        log = open(os.path.join(self.tmp, "daemon-%d.log" % run), "wb")
        p = subprocess.Popen([a.portrelayd, "--config", self.rules, "--grace-ms", "200"], env=self.env(run),
                             stdout=log, stderr=log, start_new_session=True)
        try:
            if not wait_listening(LISTEN_BASE, 15, p):
                raise SystemExit("portrelayd did not start listening; see %s" % log.name)
            time.sleep(a.warmup)
            rps, notes = run_wrk(a.seconds)
        finally:
            stop(p)
        return rps, notes

    def main(self):
        a = self.args
        prefix, conf = nginx_http_config(self.tmp, NGINX_PORT)
        nginx = subprocess.Popen(["nginx", "-p", prefix, "-c", conf, "-g", "daemon off;"], start_new_session=True)
        self.procs.append(nginx)
        IdleBackends([IDLE_BASE + i for i in range(1, RULES)]).start()
        if not wait_listening(NGINX_PORT, 10, nginx):
            raise SystemExit("nginx did not start")
        results = {"gui": [], "daemon": [], "latency": []}
        try:
            for run in range(a.runs):
                # Interleaved, and the order flips each run, so drift hits both sides alike.
                order = ["gui", "daemon"] if run % 2 == 0 else ["daemon", "gui"]
                for side in order:
                    if side == "gui":
                        rps, notes, latency = self.gui_run(run)
                        results["latency"].append(latency)
                        print("run %d gui:    %8.0f req/s  event loop p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                              "(%d samples) %s" % (run + 1, rps, latency["p50_ms"], latency["p99_ms"],
                                                   latency["max_ms"], latency["samples"], notes), flush=True)
                    else:
                        rps, notes = self.daemon_run(run)
                        print("run %d daemon: %8.0f req/s %s" % (run + 1, rps, notes), flush=True)
                    results[side].append(rps)
        finally:
            stop(nginx)
        gui = statistics.median(results["gui"])
        daemon = statistics.median(results["daemon"])
        lat = results["latency"]
        summary = {
            "machine": machine(),
            "settings": {"rules": RULES, "seconds": a.seconds, "warmup": a.warmup, "runs": a.runs,
                         "load": "wrk -t2 -c50 -H 'Connection: close' through rule 1 (nginx, 612-byte file)"},
            "gui_rps": results["gui"], "daemon_rps": results["daemon"], "latency": lat,
            "median_gui_rps": gui, "median_daemon_rps": daemon, "ratio": gui / daemon if daemon else None,
            "median_p50_ms": statistics.median(x["p50_ms"] for x in lat),
            "median_p99_ms": statistics.median(x["p99_ms"] for x in lat),
            "worst_p99_ms": max(x["p99_ms"] for x in lat),
            "worst_max_ms": max(x["max_ms"] for x in lat),
        }
        print("\nmedian req/s: gui %.0f, daemon %.0f, gui/daemon %.3f (%+.1f%%)" %
              (gui, daemon, summary["ratio"], (summary["ratio"] - 1) * 100))
        print("GUI event loop under load (median of runs): p50 %.2f ms, p99 %.2f ms; worst p99 %.2f ms, "
              "worst max %.2f ms" % (summary["median_p50_ms"], summary["median_p99_ms"], summary["worst_p99_ms"],
                                     summary["worst_max_ms"]))
        os.makedirs(a.out, exist_ok=True)
        path = os.path.join(a.out, "gui-%s.json" % time.strftime("%Y%m%d-%H%M%S"))
        write(path, json.dumps(summary, indent=1) + "\n")
        print("raw: %s" % path)
        shutil.rmtree(self.tmp, ignore_errors=True)


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"^model name\s*:\s*(.*)$", f.read(), re.M)
            cpu = m.group(1) if m else ""
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "kernel": platform.release(), "cpu": cpu}


def parse():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="runs per side (default 3)")
    ap.add_argument("--seconds", type=int, default=20, help="wrk duration per run (default 20)")
    ap.add_argument("--warmup", type=float, default=3.0, help="seconds between start and load (default 3)")
    ap.add_argument("--portrelay", default=os.path.join(root, "build/release/app/portrelay/portrelay"))
    ap.add_argument("--portrelayd", default=os.path.join(root, "build/release/app/portrelayd/portrelayd"))
    ap.add_argument("--out", default=os.path.join(root, "bench/results"))
    return ap.parse_args()


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    Bench(parse()).main()
