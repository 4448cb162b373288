#!/usr/bin/env python3
"""PortRelay's side-by-side benchmark (issue 4). Called by bench/run.sh; stdlib only.

Starts the backends (iperf3, nginx http, redis-server, an asyncio echo server) pinned to CPU 1,
then for every run, workload and forwarder, in interleaved order, starts that forwarder alone
pinned to CPU 0, runs the workload through it from CPU 1, and stops it. Prints one table of
medians and min-max with ratios to direct and to the best peer, and writes the raw figures as
JSON under bench/results/. With --old-portrelayd PATH, the peer portrelay-old runs that earlier
build beside the current one (same rules, arguments and pinning), interleaved like every peer.
See docs/performance.md.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

FWD_CPU = "0"
LOAD_CPU = "1"

# Backend ports; forwarder k listens on FWD_BASE + 10*k + {1..4}. All below the ephemeral range.
BACKEND = {"iperf": 22001, "http": 22002, "redis": 22003, "echo": 22004}
SERVICE_OFFSET = {"iperf": 1, "http": 2, "redis": 3, "echo": 4}
FWD_BASE = 23000

# A peer's index in this list gives its ports; portrelay-old comes last so that the others keep theirs.
PEERS = ["direct", "portrelay", "haproxy", "haproxy-splice", "nginx", "socat", "rinetd", "go", "portrelay-old"]
# portrelay-old: the `portrelay` peer run with --old-portrelayd's binary (an earlier build, to compare
# before and after a change); only offered when that option is given, and then right after portrelay.
OPTIONAL_PEERS = {"portrelay-old"}
PORTRELAY_PEERS = ("portrelay", "portrelay-old")
PEER_LABEL = {
    "direct": "direct",
    "portrelay": "PortRelay",
    "portrelay-old": "PortRelay before",
    "haproxy": "HAProxy",
    "haproxy-splice": "HAProxy+splice",
    "nginx": "nginx stream",
    "socat": "socat",
    "rinetd": "rinetd",
    "go": "Go io.Copy",
}
# W4 connections per forwarder. Go's io.Copy holds a splice pipe pair per direction while it
# waits (6 descriptors a connection), rinetd uses select() (descriptors must stay below 1024),
# socat forks a process per connection.
# HAProxy with splice reserves descriptors for maxconn/4 pipes up front, so its maxconn is lower.
W4_CONNS = {"go": 3000, "rinetd": 400, "socat": 1000, "haproxy-splice": 7800}
W4_DEFAULT_CONNS = 9000

# Each metric: key, workload, label, unit, higher is better?
METRICS = [
    ("w1_1", "W1", "W1 1 stream", "Gbit/s", True),
    ("w1_8", "W1", "W1 8 streams (-P 8)", "Gbit/s", True),
    ("w1_r", "W1", "W1 reverse (-R)", "Gbit/s", True),
    ("w2_rps", "W2", "W2 conns/s (Connection: close)", "req/s", True),
    ("w2_p99", "W2", "W2 p99", "ms", False),
    ("w2_cpu", "W2", "W2 CPU s per 10k conns (wrk requests, 1 conn each)", "s/10k conns", False),
    ("w3_ping", "W3", "W3 PING_MBULK -c50", "ops/s", True),
    ("w3_ping_p99", "W3", "W3 PING_MBULK p99", "ms", False),
    ("w3_set", "W3", "W3 SET -c50", "ops/s", True),
    ("w3_set_p99", "W3", "W3 SET p99", "ms", False),
    ("w3_get", "W3", "W3 GET -c50", "ops/s", True),
    ("w3_get_p99", "W3", "W3 GET p99", "ms", False),
    ("w3_cpu", "W3", "W3 CPU s per 100k requests -c50 (PING_MBULK+SET+GET)", "s/100k req", False),
    ("w3p_ping", "W3", "W3 PING_MBULK -P16", "ops/s", True),
    ("w3p_ping_p99", "W3", "W3 PING_MBULK -P16 p99", "ms", False),
    ("w3p_set", "W3", "W3 SET -P16", "ops/s", True),
    ("w3p_set_p99", "W3", "W3 SET -P16 p99", "ms", False),
    ("w3p_get", "W3", "W3 GET -P16", "ops/s", True),
    ("w3p_get_p99", "W3", "W3 GET -P16 p99", "ms", False),
    ("w3p_cpu", "W3", "W3 CPU s per 100k requests -P16 (PING_MBULK+SET+GET)", "s/100k req", False),
    ("w4_bytes", "W4", "W4 PSS per idle conn", "bytes", False),
    ("w4_fds", "W4", "W4 descriptors per idle conn", "fds", False),
    ("w4_n", "W4", "W4 idle conns held (proven)", "conns", None),
    ("w5_cpu", "W5", "W5 CPU s per GiB at -b 5G", "s/GiB", False),
    ("w5_rate", "W5", "W5 rate reached", "Gbit/s", None),
]


def log(*args):
    print(*args, file=sys.stderr, flush=True)


class Procs:
    """Every process this benchmark starts, each leader of its own process group."""

    def __init__(self, pidfile):
        self.pidfile = pidfile
        self.procs = []

    def start(self, cmd, cpu=None, stdin=None, stdout=None, stderr=None, env=None):
        if cpu is not None:
            cmd = ["taskset", "-c", cpu] + cmd
        p = subprocess.Popen(cmd, stdin=stdin, stdout=stdout or subprocess.DEVNULL,
                             stderr=stderr or subprocess.DEVNULL, start_new_session=True, env=env)
        self.procs.append(p)
        with open(self.pidfile, "a") as f:
            f.write("%d\n" % p.pid)
        return p

    def stop(self, p, grace=3.0):
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                p.wait(grace)
            except subprocess.TimeoutExpired:
                pass
        # Children (socat's forks, nginx's workers) may outlive the leader.
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            p.wait(2)
        except subprocess.TimeoutExpired:
            pass
        if p in self.procs:
            self.procs.remove(p)

    def stop_all(self):
        for p in list(reversed(self.procs)):
            self.stop(p, grace=1.0)


# ---------------------------------------------------------------------------------------------
# /proc helpers


def listening(port):
    for path in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(path) as f:
                next(f)
                for line in f:
                    parts = line.split()
                    if parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                        return True
        except FileNotFoundError:
            pass
    return False


def wait_listening(ports, proc=None, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if all(listening(p) for p in ports):
            return True
        if proc is not None and proc.poll() is not None:
            return False
        time.sleep(0.05)
    return False


def wait_free(ports, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if not any(listening(p) for p in ports):
            return True
        time.sleep(0.05)
    return False


def group_pids(pgid):
    pids = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        if int(fields[2]) == pgid:
            pids.append(int(name))
    return pids


def forwarder_pids(p):
    """The forwarder's own processes: its group less the taskset wrapper (which execs anyway)."""
    return group_pids(p.pid)


def cpu_ticks(pids):
    """utime+stime of every process of the group (zombies included), plus its reaped children's."""
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        total += int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
    return total


def pss_kb(pids):
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/smaps_rollup" % pid) as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def fd_count(pids):
    total = 0
    for pid in pids:
        try:
            total += len(os.listdir("/proc/%d/fd" % pid))
        except OSError:
            pass
    return total


BUILD_COMMS = {"cc1plus", "cc1", "ninja", "ld", "collect2", "lto1", "moc", "rcc"}


def build_running():
    """Whether a compiler or build tool runs on this machine (other people's builds skew figures)."""
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open("/proc/%s/comm" % name) as f:
                    if f.read().strip() in BUILD_COMMS:
                        return True
            except OSError:
                pass
    return False


class BuildWatch(threading.Thread):
    """Samples twice a second whether a build runs; `seen` says whether one ran since reset()."""

    def __init__(self):
        super().__init__(daemon=True)
        self.seen = False

    def reset(self):
        self.seen = build_running()

    def run(self):
        while True:
            if build_running():
                self.seen = True
            time.sleep(0.5)


# ---------------------------------------------------------------------------------------------
# Configurations


def fwd_port(index, service):
    return FWD_BASE + 10 * index + SERVICE_OFFSET[service]


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


def haproxy_config(tmp, index, splice, threads):
    # HAProxy refuses to start when maxconn's descriptors (2 a connection, plus maxconn/4 pipes
    # with splicing) exceed the hard limit of 20,000.
    maxconn = 7900 if splice else 9800
    lines = [
        "global",
        "    nbthread %d" % threads,
        "    maxconn %d" % maxconn,
        "    log stderr format raw local0 err",
        "defaults",
        "    mode tcp",
        "    timeout connect 5s",
        "    timeout client 1h",
        "    timeout server 1h",
        "    maxconn %d" % maxconn,
    ]
    if splice:
        lines.append("    option splice-auto")
    for service, backend in BACKEND.items():
        lines += [
            "listen %s" % service,
            "    bind 127.0.0.1:%d backlog 4096" % fwd_port(index, service),
            "    server s1 127.0.0.1:%d" % backend,
        ]
    return write(os.path.join(tmp, "haproxy-%s.cfg" % ("splice" if splice else "copy")), "\n".join(lines) + "\n")


def nginx_stream_config(tmp, index, workers):
    prefix = os.path.join(tmp, "nginx-stream")
    os.makedirs(os.path.join(prefix, "logs"), exist_ok=True)
    servers = "".join(
        "    server { listen 127.0.0.1:%d backlog=4096 reuseport; proxy_pass 127.0.0.1:%d; }\n"
        % (fwd_port(index, s), b) for s, b in BACKEND.items())
    text = (
        "load_module /usr/lib/nginx/modules/ngx_stream_module.so;\n"
        "user root;\n"
        "worker_processes %d;\n"
        "worker_rlimit_nofile 20000;\n"
        "pid %s/nginx.pid;\n"
        "error_log %s/logs/error.log error;\n"
        "events { worker_connections 20000; multi_accept on; }\n"
        "stream {\n"
        "    proxy_connect_timeout 5s;\n"
        "    proxy_timeout 1h;\n"
        "%s"
        "}\n" % (workers, prefix, prefix, servers))
    return prefix, write(os.path.join(prefix, "nginx.conf"), text)


def nginx_http_config(tmp, port=None):
    """nginx serving one small file, one worker, no keep-alive: W2's backend (also bench/gui_bench.py's)."""
    port = BACKEND["http"] if port is None else port
    prefix = os.path.join(tmp, "nginx-http")
    root = os.path.join(prefix, "www")
    os.makedirs(os.path.join(prefix, "logs"), exist_ok=True)
    os.makedirs(root, exist_ok=True)
    # A small static file: 612 bytes, the size of nginx's own welcome page.
    write(os.path.join(root, "small.html"), ("<p>" + "x" * 601 + "</p>\n")[:612])
    user = "user root;\n" if os.geteuid() == 0 else ""
    text = (
        user +
        "worker_processes 1;\n"
        "worker_rlimit_nofile 20000;\n"
        "pid %s/nginx.pid;\n"
        "error_log %s/logs/error.log error;\n"
        "events { worker_connections 10000; multi_accept on; }\n"
        "http {\n"
        "    access_log off;\n"
        "    keepalive_timeout 0;\n"
        "    server { listen 127.0.0.1:%d backlog=4096; root %s; }\n"
        "}\n" % (prefix, prefix, port, root))
    return prefix, write(os.path.join(prefix, "nginx.conf"), text)


def rinetd_config(tmp, index):
    lines = ["127.0.0.1 %d 127.0.0.1 %d" % (fwd_port(index, s), b) for s, b in BACKEND.items()]
    return write(os.path.join(tmp, "rinetd.conf"), "\n".join(lines) + "\n")


def portrelay_config(tmp, index, peer="portrelay"):
    rules = [{
        "name": s,
        "listen": "127.0.0.1:%d" % fwd_port(index, s),
        "backends": [{"address": "127.0.0.1:%d" % b}],
        "health_check": {"type": "none"},
    } for s, b in BACKEND.items()]
    return write(os.path.join(tmp, "%s.json" % peer), json.dumps({"version": 1, "rules": rules}, indent=1))


# ---------------------------------------------------------------------------------------------


class Bench:
    def __init__(self, args):
        self.args = args
        self.quick = args.quick
        self.pinned = args.mode == "pinned"
        self.tmp = tempfile.mkdtemp(prefix="portrelay-bench-")
        self.procs = Procs(args.pidfile or os.path.join(self.tmp, "pids"))
        self.cpus = os.cpu_count() or 1
        self.backends = {}
        self.echo = None
        self.raw = {}  # (peer, metric) -> [values]
        self.notes = []
        self.watch = BuildWatch()
        self.disturbed = []  # measurements that overlapped a build even after the retry

    def fwd_cpu(self):
        return FWD_CPU if self.pinned else None

    def load_cpu(self):
        return LOAD_CPU if self.pinned else None

    def load_cmd(self, cmd):
        return (["taskset", "-c", LOAD_CPU] + cmd) if self.pinned else cmd

    # -- backends ------------------------------------------------------------------------------

    def start_backends(self):
        prefix, conf = nginx_http_config(self.tmp)
        p = self.procs.start(["nginx", "-p", prefix, "-c", conf, "-g", "daemon off;"], cpu=self.load_cpu())
        self.backends["http"] = p
        p = self.procs.start(["redis-server", "--port", str(BACKEND["redis"]), "--bind", "127.0.0.1",
                              "--save", "", "--appendonly", "no", "--daemonize", "no",
                              "--maxclients", "10000"], cpu=self.load_cpu())
        self.backends["redis"] = p
        p = self.procs.start([sys.executable, os.path.join(HERE, "idleconns.py"), "server",
                              str(BACKEND["echo"])], cpu=self.load_cpu())
        self.backends["echo"] = p
        for service in ("http", "redis", "echo"):
            if not wait_listening([BACKEND[service]], self.backends[service]):
                raise SystemExit("backend %s did not start on port %d" % (service, BACKEND[service]))

    # -- forwarders ----------------------------------------------------------------------------

    def start_peer(self, peer):
        """Starts one forwarder pinned to the forwarder CPU; returns its Popen (None for direct)."""
        if peer == "direct":
            return None
        index = PEERS.index(peer)
        ports = [fwd_port(index, s) for s in BACKEND]
        threads = 1 if self.pinned else self.cpus
        cpu = self.fwd_cpu()
        out = open(os.path.join(self.tmp, "%s.log" % peer), "ab")
        if peer in PORTRELAY_PEERS:
            binary = self.args.portrelayd if peer == "portrelay" else self.args.old_portrelayd
            cmd = [binary, "--config", portrelay_config(self.tmp, index, peer), "--grace-ms", "200"]
            if self.pinned:
                cmd += ["--workers", "1"]
            if self.args.relay:
                cmd += ["--relay", self.args.relay]
            p = self.procs.start(cmd, cpu=cpu, stdout=out, stderr=out)
        elif peer in ("haproxy", "haproxy-splice"):
            conf = haproxy_config(self.tmp, index, peer == "haproxy-splice", threads)
            p = self.procs.start(["haproxy", "-db", "-f", conf], cpu=cpu, stdout=out, stderr=out)
        elif peer == "nginx":
            prefix, conf = nginx_stream_config(self.tmp, index, threads)
            p = self.procs.start(["nginx", "-p", prefix, "-c", conf, "-g", "daemon off;"], cpu=cpu,
                                 stdout=out, stderr=out)
        elif peer == "socat":
            # One socat per port, all in one process group (socat forks a child per connection).
            script = " & ".join(
                "socat TCP-LISTEN:%d,bind=127.0.0.1,fork,reuseaddr,backlog=4096 TCP:127.0.0.1:%d"
                % (fwd_port(index, s), b) for s, b in BACKEND.items()) + " & wait"
            p = self.procs.start(["sh", "-c", script], cpu=cpu, stdout=out, stderr=out)
        elif peer == "rinetd":
            p = self.procs.start(["rinetd", "-f", "-c", rinetd_config(self.tmp, index)], cpu=cpu,
                                 stdout=out, stderr=out)
        elif peer == "go":
            env = dict(os.environ)
            env.pop("GOMAXPROCS", None)
            pairs = ["127.0.0.1:%d=127.0.0.1:%d" % (fwd_port(index, s), b) for s, b in BACKEND.items()]
            p = self.procs.start([self.args.goforward] + pairs, cpu=cpu, stdout=out, stderr=out, env=env)
        else:
            raise ValueError(peer)
        out.close()
        if not wait_listening(ports, p):
            self.procs.stop(p)
            with open(os.path.join(self.tmp, "%s.log" % peer), errors="replace") as f:
                tail = " / ".join(f.read().strip().splitlines()[-3:])
            raise RuntimeError("%s did not start: %s" % (peer, tail))
        time.sleep(0.2)
        return p

    def stop_peer(self, peer, p):
        if p is None:
            return
        self.procs.stop(p)
        index = PEERS.index(peer)
        wait_free([fwd_port(index, s) for s in BACKEND], timeout=5)

    def target_port(self, peer, service):
        if peer == "direct":
            return BACKEND[service]
        return fwd_port(PEERS.index(peer), service)

    # -- workloads -----------------------------------------------------------------------------

    def loaded(self, p, fn):
        """Runs fn() (one load generator run); returns (its result, the forwarder's CPU seconds).

        CPU = utime+stime of all the forwarder's processes and threads (and reaped children) from
        just before the load generator starts to 0.3 s after it exits (the forwarder closing the
        last connections; socat's per-connection children exiting and being reaped). None for
        direct, which has no forwarder."""
        if p is None:
            return fn(), None
        before = cpu_ticks(forwarder_pids(p))
        res = fn()
        time.sleep(0.3)
        after = cpu_ticks(forwarder_pids(p))
        return res, (after - before) / os.sysconf("SC_CLK_TCK")

    def iperf(self, port, extra, duration):
        server = self.procs.start(["iperf3", "-s", "-1", "-p", str(BACKEND["iperf"]), "-B", "127.0.0.1"],
                                  cpu=self.load_cpu())
        try:
            if not wait_listening([BACKEND["iperf"]], server):
                raise RuntimeError("iperf3 server did not start")
            cmd = self.load_cmd(["iperf3", "-c", "127.0.0.1", "-p", str(port), "-t", str(duration), "-J",
                                 "--connect-timeout", "5000"] + extra)
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 30)
            data = json.loads(r.stdout)
            if "error" in data:
                raise RuntimeError("iperf3: " + data["error"])
            end = data["end"]
            received = end["sum_received"]
            return received["bits_per_second"] / 1e9, received["bytes"]
        finally:
            self.procs.stop(server, grace=1.0)

    def w1(self, peer):
        port = self.target_port(peer, "iperf")
        t = self.args.iperf_seconds
        out = {}
        out["w1_1"] = self.iperf(port, [], t)[0]
        out["w1_8"] = self.iperf(port, ["-P", "8"], t)[0]
        out["w1_r"] = self.iperf(port, ["-R"], t)[0]
        return out

    def w2(self, peer, p):
        port = self.target_port(peer, "http")
        d = self.args.wrk_seconds
        cmd = self.load_cmd(["wrk", "-t2", "-c50", "-d%ds" % d, "--latency", "-H", "Connection: close",
                             "http://127.0.0.1:%d/small.html" % port])
        r, cpu = self.loaded(p, lambda: subprocess.run(cmd, capture_output=True, text=True, timeout=d + 30))
        m = re.search(r"Requests/sec:\s+([\d.]+)", r.stdout)
        p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", r.stdout, re.M)
        # With "Connection: close" (and nginx's keepalive_timeout 0) wrk opens a new connection for
        # every request: its count of completed requests is the number of connections that went
        # through the forwarder (plus at most the 50 still open when wrk stops).
        total = re.search(r"^\s*(\d+) requests in ", r.stdout, re.M)
        if not m or not p99 or not total:
            raise RuntimeError("wrk output not understood:\n" + r.stdout + r.stderr)
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
        errors = re.search(r"Socket errors:.*", r.stdout)
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", r.stdout)
        if errors or non2xx:
            self.notes.append("W2 %s: %s %s" % (peer, errors.group(0) if errors else "",
                                                 non2xx.group(0) if non2xx else ""))
        out = {"w2_rps": float(m.group(1)), "w2_p99": float(p99.group(1)) * scale}
        conns = int(total.group(1))
        if cpu is not None and conns:
            out.update({"w2_cpu": cpu / conns * 1e4, "w2_cpu_s": cpu, "w2_conns": conns})
        return out

    def redis_bench(self, port, pipeline):
        n = self.args.redis_requests
        if pipeline > 1:
            n *= 5
        cmd = self.load_cmd(["redis-benchmark", "-h", "127.0.0.1", "-p", str(port), "-t", "ping_mbulk,set,get",
                             "-c", "50", "-n", str(n), "-P", str(pipeline), "--csv"])
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        out = {}
        for line in r.stdout.splitlines():
            cells = [c.strip('"') for c in line.split('","')]
            if len(cells) == 8 and cells[0] != "test":
                out[cells[0]] = (float(cells[1]), float(cells[6]))
        if set(out) != {"PING_MBULK", "SET", "GET"}:
            raise RuntimeError("redis-benchmark output not understood:\n" + r.stdout + r.stderr)
        return out, 3 * n  # -n requests for each of the three tests

    def w3(self, peer, p):
        port = self.target_port(peer, "redis")
        out = {}
        for prefix, pipeline in (("w3", 1), ("w3p", 16)):
            (res, requests), cpu = self.loaded(p, lambda: self.redis_bench(port, pipeline))
            for test, key in (("PING_MBULK", "ping"), ("SET", "set"), ("GET", "get")):
                out["%s_%s" % (prefix, key)] = res[test][0]
                out["%s_%s_p99" % (prefix, key)] = res[test][1]
            if cpu is not None:
                out.update({"%s_cpu" % prefix: cpu / requests * 1e5, "%s_cpu_s" % prefix: cpu,
                            "%s_requests" % prefix: requests})
        return out

    def w4(self, peer, p):
        if p is None:
            return {}
        n = W4_CONNS.get(peer, W4_DEFAULT_CONNS)
        if self.quick:
            n = min(n, 2000)
        pids = forwarder_pids(p)
        time.sleep(0.3)
        pss0, fd0 = pss_kb(pids), fd_count(pids)
        client = self.procs.start(
            [sys.executable, os.path.join(HERE, "idleconns.py"), "client", str(self.target_port(peer, "echo")), str(n)],
            cpu=self.load_cpu(), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        try:
            line = client.stdout.readline().decode().split()
            if not line or line[0] != "ready":
                raise RuntimeError("W4 client failed")
            ok, failed = int(line[1]), int(line[2])
            time.sleep(1.0)  # let the forwarder settle (Go's scavenger, lazy frees)
            pids = forwarder_pids(p)
            pss1, fd1 = pss_kb(pids), fd_count(pids)
            client.stdin.write(b"done\n")
            client.stdin.flush()
            client.wait(30)
        finally:
            self.procs.stop(client, grace=1.0)
        if failed:
            self.notes.append("W4 %s: %d of %d connections failed" % (peer, failed, n))
        if ok == 0:
            raise RuntimeError("W4: no connection held")
        return {"w4_bytes": (pss1 - pss0) * 1024.0 / ok, "w4_fds": (fd1 - fd0) / ok, "w4_n": ok,
                "w4_procs": len(pids)}

    def w5(self, peer, p):
        if p is None:
            return {}
        port = self.target_port(peer, "iperf")
        t = self.args.iperf_seconds
        pids = forwarder_pids(p)
        before = cpu_ticks(pids)
        gbps, nbytes = self.iperf(port, ["-b", "5G"], t)
        time.sleep(0.3)  # let socat's per-connection child exit and be reaped
        pids = forwarder_pids(p)
        after = cpu_ticks(pids)
        hz = os.sysconf("SC_CLK_TCK")
        gib = nbytes / 2**30
        out = {"w5_cpu": (after - before) / hz / gib, "w5_rate": gbps}
        return out

    # -- the run -------------------------------------------------------------------------------

    def wait_quiet(self):
        """Waits up to --wait-quiet seconds for other people's builds to finish."""
        deadline = time.time() + self.args.wait_quiet
        announced = False
        while time.time() < deadline and build_running():
            if not announced:
                log("   waiting for a build on this machine to finish (up to %d s)" % self.args.wait_quiet)
                announced = True
            time.sleep(1)

    def measure(self, w, peer, run):
        p = None
        try:
            p = self.start_peer(peer)
            if w == "W1":
                return self.w1(peer)
            if w == "W2":
                return self.w2(peer, p)
            if w == "W3":
                return self.w3(peer, p)
            if w == "W4":
                return self.w4(peer, p)
            return self.w5(peer, p)
        except Exception as e:  # one failed measurement must not lose the others
            log("   FAILED: %s" % e)
            self.notes.append("%s %s run %d failed: %s" % (w, peer, run + 1, str(e).splitlines()[0]))
            return {}
        finally:
            self.stop_peer(peer, p)

    def run(self):
        workloads = self.args.only
        peers = self.args.peers
        if self.pinned:
            os.sched_setaffinity(0, {int(LOAD_CPU)})
        self.start_backends()
        self.watch.start()
        t0 = time.time()
        for run in range(self.args.runs):
            for w in workloads:
                for peer in peers:
                    if w in ("W4", "W5") and peer == "direct":
                        continue
                    log("[%s run %d/%d] %s %s" % (self.args.mode, run + 1, self.args.runs, w, PEER_LABEL[peer]))
                    for attempt in range(2 if self.args.wait_quiet > 0 else 1):
                        self.wait_quiet()
                        self.watch.reset()
                        res = self.measure(w, peer, run)
                        if not self.watch.seen:
                            break
                        log("   a build ran during this measurement" + ("; measuring again" if attempt == 0 else ""))
                    if self.watch.seen:
                        self.disturbed.append("%s %s run %d" % (w, peer, run + 1))
                    log("   " + ", ".join("%s=%.4g" % kv for kv in res.items()))
                    for k, v in res.items():
                        self.raw.setdefault(peer, {}).setdefault(k, []).append(v)
        return time.time() - t0


# ---------------------------------------------------------------------------------------------
# The table


def fmt(v):
    if v is None:
        return "–"
    a = abs(v)
    if a >= 1000:
        return "{:,.0f}".format(v)
    if a >= 100:
        return "%.0f" % v
    if a >= 10:
        return "%.1f" % v
    if a >= 1:
        return "%.2f" % v
    return "%.3f" % v


def summarize(raw, peers):
    """Median, min, max for every (peer, metric)."""
    out = {}
    for peer in peers:
        for key, *_ in METRICS:
            vals = raw.get(peer, {}).get(key)
            if vals:
                out[(peer, key)] = (statistics.median(vals), min(vals), max(vals), len(vals))
    return out


def verdict(ratio, higher):
    if ratio is None:
        return ""
    better = ratio >= 1.0 if higher else ratio <= 1.0
    if 0.9 <= ratio <= 1.1:
        return "noise" if not better else "met"
    return "met" if better else "MISSED"


def table(raw, peers, runs):
    s = summarize(raw, peers)
    # The best peer is among the other forwarders: PortRelay's earlier build has its own column.
    others = [p for p in peers if p not in ("direct",) + PORTRELAY_PEERS]
    before = "portrelay-old" in peers
    head = (["metric", "unit"] + [PEER_LABEL[p] for p in peers] + ["PR/direct"] + (["PR/before"] if before else [])
            + ["best peer", "PR/best", "target"])
    rows = [head, ["---"] * len(head)]
    for key, w, label, unit, higher in METRICS:
        if not any((p, key) in s for p in peers):
            continue
        row = [label, unit]
        for p in peers:
            if (p, key) in s:
                med, lo, hi, n = s[(p, key)]
                row.append(fmt(med) if n == 1 or lo == hi else "%s (%s–%s)" % (fmt(med), fmt(lo), fmt(hi)))
            else:
                row.append("–")
        pr = s.get(("portrelay", key))
        direct = s.get(("direct", key))
        row.append("%.2f" % (pr[0] / direct[0]) if pr and direct and direct[0] else "–")
        if before:
            old = s.get(("portrelay-old", key))
            row.append("%.2f" % (pr[0] / old[0]) if pr and old and old[0] else "–")
        cands = [(s[(p, key)][0], p) for p in others if (p, key) in s]
        if higher is None or not cands:
            row += ["", "", ""]
        else:
            best_v, best_p = (max if higher else min)(cands)
            row.append("%s %s" % (PEER_LABEL[best_p], fmt(best_v)))
            ratio = pr[0] / best_v if pr and best_v else None
            row.append("%.2f" % ratio if ratio is not None else "–")
            row.append(verdict(ratio, higher))
        rows.append(row)
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


def machine_facts():
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass

    def version(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
            return (r.stdout + r.stderr).strip().splitlines()[0]
        except Exception:
            return "?"

    return {
        "nproc": os.cpu_count(),
        "kernel": platform.release(),
        "cpu": model,
        "nofile_hard": resource.getrlimit(resource.RLIMIT_NOFILE)[1],
        "versions": {
            "haproxy": version(["haproxy", "-v"]),
            "nginx": version(["nginx", "-v"]),
            "socat": version(["socat", "-V"])[:60] if shutil.which("socat") else "?",
            "rinetd": version(["rinetd", "-v"]),
            "go": version(["go", "version"]),
            "iperf3": version(["iperf3", "--version"]),
            "wrk": version(["wrk", "-v"]),
            "redis-benchmark": version(["redis-benchmark", "--version"]),
        },
    }


def binary_facts(path):
    """What a portrelayd binary is: its path, a hash of it, and the commit of the tree it lies in."""
    facts = {"path": os.path.abspath(path)}
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        facts["sha256"] = h.hexdigest()
        facts["mtime"] = datetime.datetime.fromtimestamp(os.path.getmtime(path)).astimezone().isoformat()
    except OSError:
        pass
    try:  # the source tree's HEAD (rev-parse reads only: it does not touch the index)
        r = subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(path)), "rev-parse", "--short", "HEAD"],
                           capture_output=True, text=True, timeout=10)
        if r.returncode == 0:
            facts["tree_head"] = r.stdout.strip()
    except Exception:
        pass
    return facts


def pinning_text(mode, cpus):
    if mode == "pinned":
        return ("forwarder pinned to CPU %s (taskset), load generators and backends to CPU %s; "
                "PortRelay --workers 1, HAProxy nbthread 1, nginx worker_processes 1" % (FWD_CPU, LOAD_CPU))
    return ("unpinned: the scheduler places everything on the %d CPUs; PortRelay default workers, "
            "HAProxy nbthread %d, nginx worker_processes %d" % (cpus, cpus, cpus))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1 run, short durations (smoke test)")
    ap.add_argument("--runs", type=int, default=None, help="interleaved runs per forwarder (default 3)")
    ap.add_argument("--only", default="W1,W2,W3,W4,W5", help="workloads, e.g. W1,W3")
    ap.add_argument("--peers", default=None,
                    help="forwarders, e.g. direct,portrelay,go (default: all; portrelay-old too with --old-portrelayd)")
    ap.add_argument("--iperf-seconds", type=int, default=None, help="W1 and W5 iperf3 -t (default 8, quick 2)")
    ap.add_argument("--wrk-seconds", type=int, default=None, help="W2 wrk -d (default 10, quick 3)")
    ap.add_argument("--redis-requests", type=int, default=None,
                    help="W3 redis-benchmark -n (default 200000, quick 20000; 5x that with -P 16)")
    ap.add_argument("--wait-quiet", type=int, default=None,
                    help="before each measurement wait up to this many seconds for builds on the machine to end; "
                         "a measurement that overlaps a build is taken again once (default 90, quick 0)")
    ap.add_argument("--mode", choices=["pinned", "unpinned"], default="pinned")
    ap.add_argument("--relay", choices=["auto", "copy", "splice"], default=None, help="PortRelay --relay")
    ap.add_argument("--portrelayd", default=os.path.join(ROOT, "build/release/app/portrelayd/portrelayd"))
    ap.add_argument("--old-portrelayd", default=None, metavar="PATH",
                    help="an earlier build of portrelayd: adds the peer portrelay-old, run like portrelay "
                         "(same rules, arguments and pinning), interleaved with the others")
    ap.add_argument("--goforward", default=os.path.join(HERE, ".cache/goforward"))
    ap.add_argument("--pidfile", default=None, help="append every started pid here (for run.sh's trap)")
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    ap.add_argument("--tag", default="", help="added to the result file name")
    args = ap.parse_args()
    args.only = [w.strip().upper() for w in args.only.split(",") if w.strip()]
    offered = [p for p in PEERS if p not in OPTIONAL_PEERS]
    if args.old_portrelayd:
        offered.insert(offered.index("portrelay") + 1, "portrelay-old")
    if args.peers is None:
        args.peers = list(offered)
    else:
        args.peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    for p in args.peers:
        if p == "portrelay-old" and not args.old_portrelayd:
            ap.error("peer portrelay-old needs --old-portrelayd PATH (the earlier portrelayd build to run)")
        if p not in offered:
            ap.error("unknown peer %s (known: %s)" % (p, ", ".join(offered)))
    if len(set(args.peers)) != len(args.peers):
        ap.error("a peer is listed twice in --peers")
    for p, option, path in (("portrelay", "--portrelayd", args.portrelayd),
                            ("portrelay-old", "--old-portrelayd", args.old_portrelayd)):
        if p in args.peers and not (os.path.isfile(path) and os.access(path, os.X_OK)):
            ap.error("%s %s: no such executable (peer %s)" % (option, path, p))
    if args.old_portrelayd and "portrelay-old" not in args.peers:
        log("note: --old-portrelayd given but portrelay-old is not in --peers; it is not run")
    if args.runs is None:
        args.runs = 1 if args.quick else 3
    if args.wait_quiet is None:
        args.wait_quiet = 0 if args.quick else 90
    if args.iperf_seconds is None:
        args.iperf_seconds = 2 if args.quick else 8
    if args.wrk_seconds is None:
        args.wrk_seconds = 3 if args.quick else 10
    if args.redis_requests is None:
        args.redis_requests = 20000 if args.quick else 200000

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    bench = Bench(args)

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    started = datetime.datetime.now().astimezone()
    try:
        elapsed = bench.run()
    except KeyboardInterrupt:
        log("interrupted: stopping everything")
        bench.procs.stop_all()
        sys.exit(130)
    finally:
        bench.procs.stop_all()
        shutil.rmtree(bench.tmp, ignore_errors=True)

    facts = machine_facts()
    pin = pinning_text(args.mode, bench.cpus)
    md = table(bench.raw, args.peers, args.runs)
    cmdline = "bench/run.sh " + " ".join(sys.argv[1:])
    os.makedirs(args.out, exist_ok=True)
    stamp = started.strftime("%Y%m%d-%H%M%S")
    name = "%s-%s%s%s" % (stamp, args.mode, "-quick" if args.quick else "", "-" + args.tag if args.tag else "")
    result = {
        "started": started.isoformat(),
        "elapsed_s": elapsed,
        "args": {k: v for k, v in vars(args).items()},
        "machine": facts,
        "pinning": pin,
        "binaries": {p: binary_facts(path) for p, path in (("portrelay", args.portrelayd),
                                                            ("portrelay-old", args.old_portrelayd))
                     if p in args.peers},
        "w4_connections": {p: min(W4_CONNS.get(p, W4_DEFAULT_CONNS), 2000 if args.quick else 10**9)
                           for p in args.peers if p != "direct"},
        "raw": bench.raw,
        "notes": bench.notes,
        "disturbed_by_builds": bench.disturbed,
        "table_markdown": md,
    }
    with open(os.path.join(args.out, name + ".json"), "w") as f:
        json.dump(result, f, indent=1)
    with open(os.path.join(args.out, name + ".md"), "w") as f:
        f.write(md + "\n")

    print()
    print("Machine: %d CPUs, kernel %s, %s; descriptor hard limit %d" % (
        facts["nproc"], facts["kernel"], facts["cpu"], facts["nofile_hard"]))
    print("Pinning: " + pin)
    print("Runs: %d per forwarder, interleaved; cells are median (min–max); wall time %.0f s" % (args.runs, elapsed))
    print("Settings: iperf3 -t %d (W5 -b 5G), wrk -t2 -c50 -d%ds, redis-benchmark -c 50 -n %d (-P 16: -n %d), "
          "W4 idle connections: %s" % (
              args.iperf_seconds, args.wrk_seconds, args.redis_requests, args.redis_requests * 5,
              ", ".join("%s %d" % (PEER_LABEL[p], n) for p, n in result["w4_connections"].items())))
    for p, b in result["binaries"].items():
        print("%s: %s%s" % (PEER_LABEL[p], b["path"], " (tree at %s)" % b["tree_head"] if "tree_head" in b else ""))
    print("Ratios: PR = PortRelay; 0.9–1.1 is noise on this machine. p99, bytes, descriptors and CPU: lower is better."
          + (" PR/before = PortRelay over PortRelay before; best peer excludes PortRelay before."
             if "portrelay-old" in args.peers else ""))
    print("CPU rows: the forwarder's user+system time, all its processes and threads, from the load generator's "
          "start to 0.3 s after it ends; W2 per 10,000 connections (wrk's completed requests, one connection each), "
          "W3 per 100,000 requests (redis-benchmark -n times its 3 tests).")
    print()
    print(md)
    if bench.disturbed:
        bench.notes.append("%d measurements overlapped a build on this machine even when taken again: %s" % (
            len(bench.disturbed), "; ".join(bench.disturbed)))
    if bench.notes:
        print()
        print("Notes:")
        for n in bench.notes:
            print("- " + n)
    print()
    print("Raw results: %s" % os.path.join(args.out, name + ".json"))


if __name__ == "__main__":
    main()
