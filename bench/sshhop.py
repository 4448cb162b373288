#!/usr/bin/env python3
"""PortRelay through an SSH hop against `ssh -N -L` to the same sshd, in one interleaved run (issue 12).

Starts a private sshd on loopback (its own host key and client key), iperf3 and redis-server as
backends, then for every run and peer, in interleaved order, starts that peer alone, measures, and
stops it:

  bulk      iperf3 -c through the peer for --seconds: Gbit/s, and the CPU the peer's processes took
            (PortRelay: portrelayd and its ssh master; ssh -L: the ssh process) per GiB.
  setup     new connections, one after another, each sending PING to redis and reading +PONG:
            connections per second and the p50/p99 of one connection's whole life.
  small     one connection, PINGs one after another: p50/p99 of a round trip.

The sshd is shared: both peers pay its encryption alike. Prints a table of medians (min-max) and
the ratio PortRelay / ssh -L, and writes the figures as JSON under bench/results/.
Loopback only. Stdlib only.
"""
import argparse
import datetime
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def listening(port):
    """Whether something listens on 127.0.0.1:port, asked of the kernel: a probe connection would
    reach the backend through the forwarder (iperf3 takes one for a test and is busy after)."""
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            if state == "0A" and int(local.split(":")[1], 16) == port:
                return True
    return False


def wait_listening_quietly(port, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if listening(port):
            return True
        time.sleep(0.05)
    return False


def cpu_seconds(pids):
    ticks = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


def descendants(pid):
    out = [pid]
    try:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    except OSError:
        children = []
    for child in children:
        out += descendants(int(child))
    return out


class Sshd:
    def __init__(self, tmp):
        self.tmp = tmp
        self.port = free_port()
        run = lambda *a: subprocess.run(a, check=True, capture_output=True)
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", f"{tmp}/host_key")
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", f"{tmp}/client_key")
        shutil.copy(f"{tmp}/client_key.pub", f"{tmp}/authorized_keys")
        with open(f"{tmp}/host_key.pub") as f:
            kind, key = f.read().split()[:2]
        with open(f"{tmp}/known_hosts", "w") as f:
            f.write(f"[127.0.0.1]:{self.port} {kind} {key}\n")
        with open(f"{tmp}/sshd_config", "w") as f:
            f.write(f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {tmp}/host_key\n"
                    f"AuthorizedKeysFile {tmp}/authorized_keys\nPidFile none\nUsePAM no\nStrictModes no\n"
                    "PasswordAuthentication no\nKbdInteractiveAuthentication no\nAllowTcpForwarding yes\n"
                    "MaxSessions 1000\nMaxStartups 200\nLogLevel ERROR\n")
        if os.geteuid() == 0:
            os.makedirs("/run/sshd", exist_ok=True)
        self.proc = subprocess.Popen(["/usr/sbin/sshd", "-D", "-f", f"{tmp}/sshd_config", "-E", f"{tmp}/sshd.log"])
        if not wait_listening(self.port):
            sys.exit("sshd did not start: " + open(f"{tmp}/sshd.log").read())
        import pwd
        self.user = pwd.getpwuid(os.getuid()).pw_name

    def ssh_options(self):
        return ["-i", f"{self.tmp}/client_key", "-o", "IdentitiesOnly=yes", "-o", f"UserKnownHostsFile={self.tmp}/known_hosts",
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-p", str(self.port), "-l", self.user]

    def stop(self):
        subprocess.run(["pkill", "-KILL", "-P", str(self.proc.pid)])
        self.proc.kill()
        self.proc.wait()


def start_ssh_l(sshd, forwards):
    args = ["ssh", "-N", "-T", "-o", "ExitOnForwardFailure=yes"] + sshd.ssh_options()
    for local, remote in forwards:
        args += ["-L", f"127.0.0.1:{local}:127.0.0.1:{remote}"]
    proc = subprocess.Popen(args + ["127.0.0.1"], stdin=subprocess.DEVNULL)
    for local, _ in forwards:
        if not wait_listening_quietly(local):
            sys.exit("ssh -L did not listen")
    return proc


def start_portrelay(portrelayd, sshd, forwards, tmp):
    rules = {"version": 1,
             "hops": [{"name": "bastion", "type": "ssh", "address": f"127.0.0.1:{sshd.port}", "user": sshd.user,
                       "identity_file": f"{sshd.tmp}/client_key", "known_hosts_file": f"{sshd.tmp}/known_hosts"}],
             "rules": [{"name": f"r{i}", "listen": f"127.0.0.1:{local}", "via": "bastion",
                        "health_check": {"type": "none"},
                        "backends": [{"address": f"127.0.0.1:{remote}"}]} for i, (local, remote) in enumerate(forwards)]}
    path = os.path.join(tmp, "rules.json")
    with open(path, "w") as f:
        json.dump(rules, f)
    proc = subprocess.Popen([portrelayd, "--config", path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for local, _ in forwards:
        if not wait_listening_quietly(local):
            sys.exit("portrelayd did not listen: " + proc.stderr.read1().decode())
    # The hop is up once a connection gets through: wait for that, not for the listener.
    deadline = time.time() + 15
    while time.time() < deadline:
        if redis_ping_once(forwards[1][0]) is not None:
            return proc
        time.sleep(0.1)
    sys.exit("portrelayd: the hop did not come up")


def redis_ping_once(port):
    start = time.perf_counter()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            s.sendall(b"PING\r\n")
            if s.recv(64) != b"+PONG\r\n":
                return None
    except OSError:
        return None
    return time.perf_counter() - start


def measure_bulk(port, seconds, pids):
    before = cpu_seconds(pids())
    out = subprocess.run(["iperf3", "-c", "127.0.0.1", "-p", str(port), "-t", str(seconds), "-J"],
                         capture_output=True, text=True, timeout=seconds + 30)
    cpu = cpu_seconds(pids()) - before
    result = json.loads(out.stdout)
    if "error" in result:
        sys.exit("iperf3: " + result["error"])
    sent = result["end"]["sum_received"]["bytes"]
    gbits = result["end"]["sum_received"]["bits_per_second"] / 1e9
    return {"gbit_s": gbits, "cpu_s_per_gib": cpu / (sent / 2**30)}


def measure_setup(port, seconds):
    times = []
    deadline = time.time() + seconds
    while time.time() < deadline:
        t = redis_ping_once(port)
        if t is None:
            return {"error": "a connection failed"}
        times.append(t)
    times.sort()
    return {"conn_s": len(times) / seconds, "p50_ms": statistics.median(times) * 1e3,
            "p99_ms": times[int(len(times) * 0.99)] * 1e3}


def measure_small(port, count):
    times = []
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for _ in range(count):
            start = time.perf_counter()
            s.sendall(b"PING\r\n")
            if s.recv(64) != b"+PONG\r\n":
                return {"error": "bad reply"}
            times.append(time.perf_counter() - start)
    times.sort()
    return {"p50_us": statistics.median(times) * 1e6, "p99_us": times[int(len(times) * 0.99)] * 1e6}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=5, help="iperf3 -t, and the setup loop's length")
    ap.add_argument("--pings", type=int, default=5000)
    ap.add_argument("--portrelayd", default=os.path.join(ROOT, "build/release/app/portrelayd/portrelayd"))
    args = ap.parse_args()
    if not os.path.exists(args.portrelayd):
        sys.exit(f"{args.portrelayd}: build it first (cmake --preset release && cmake --build --preset release)")

    tmp = tempfile.mkdtemp(prefix="sshbench-")
    sshd = Sshd(tmp)
    iperf_port, redis_port = free_port(), free_port()
    iperf = subprocess.Popen(["iperf3", "-s", "-B", "127.0.0.1", "-p", str(iperf_port)], stdout=subprocess.DEVNULL)
    redis = subprocess.Popen(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no"], stdout=subprocess.DEVNULL)
    wait_listening_quietly(iperf_port)
    wait_listening(redis_port)
    raw = {"ssh -L": [], "PortRelay": []}
    try:
        for run in range(args.runs):
            for peer in (["ssh -L", "PortRelay"] if run % 2 == 0 else ["PortRelay", "ssh -L"]):
                forwards = [(free_port(), iperf_port), (free_port(), redis_port)]
                if peer == "ssh -L":
                    proc = start_ssh_l(sshd, forwards)
                else:
                    proc = start_portrelay(args.portrelayd, sshd, forwards, tmp)
                pids = lambda: descendants(proc.pid)
                figures = {"bulk": measure_bulk(forwards[0][0], args.seconds, pids),
                           "setup": measure_setup(forwards[1][0], args.seconds),
                           "small": measure_small(forwards[1][0], args.pings)}
                raw[peer].append(figures)
                print(f"run {run + 1} {peer}: {json.dumps(figures)}", flush=True)
                proc.terminate()
                proc.wait(timeout=10)
                time.sleep(0.5)
    finally:
        iperf.kill()
        redis.kill()
        sshd.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    rows = [("bulk", "gbit_s", "Gbit/s", True), ("bulk", "cpu_s_per_gib", "CPU s/GiB", False),
            ("setup", "conn_s", "new conns/s", True), ("setup", "p50_ms", "conn p50 ms", False),
            ("setup", "p99_ms", "conn p99 ms", False), ("small", "p50_us", "PING p50 µs", False),
            ("small", "p99_us", "PING p99 µs", False)]
    print(f"\n{'':14} {'ssh -L':>22} {'PortRelay':>22} {'ratio':>7}")
    for group, key, label, higher in rows:
        cells, medians = [], []
        for peer in ("ssh -L", "PortRelay"):
            values = [r[group][key] for r in raw[peer] if key in r[group]]
            m = statistics.median(values)
            medians.append(m)
            cells.append(f"{m:8.3f} ({min(values):.3f}-{max(values):.3f})")
        ratio = medians[1] / medians[0] if medians[0] else float("nan")
        print(f"{label:14} {cells[0]:>22} {cells[1]:>22} {ratio:7.2f}{'' if higher else ' (lower is better)'}")
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    with open(os.path.join(HERE, "results", f"sshhop-{stamp}.json"), "w") as f:
        json.dump({"args": vars(args), "raw": raw}, f, indent=1)


if __name__ == "__main__":
    main()
