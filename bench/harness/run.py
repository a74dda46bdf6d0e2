#!/usr/bin/env python3
"""Benchmark harness: our config server against the stock Spring Cloud Config JDBC backend.

Started by bench/run.sh (see docs/benchmarks.md). For each tenant count it loads one database, then runs the two
servers one after the other, interleaved (ours, stock, ours, stock ...), each in a fresh JVM with the same flags,
drives them with wrk on loopback and samples /proc and PostgreSQL's statistics around every measured run.
Everything raw goes to bench/results/<timestamp>/; one markdown table is printed at the end.
"""

import argparse
import base64
import bisect
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
LUA = BENCH / "harness" / "pick-tenant.lua"
PUT_LUA = BENCH / "harness" / "put-config.lua"
RESULT_LUA = BENCH / "harness" / "wrk-result.lua"
OURS_JAR = ROOT / "config-server" / "target" / "config-server.jar"
STOCK_JAR = BENCH / "stock-config-server" / "target" / "stock-config-server.jar"
LOADER_JAR = BENCH / "data-loader" / "target" / "bench-data-loader.jar"

JVM_FLAGS = ["-Xmx512m", "-XX:+UseParallelGC"]
OURS_PORT = 8888
STOCK_PORT = 8889
SERVICE_USER = "bench"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# PostgreSQL 15 backends publish their statistics when idle at most every 10 s (PGSTAT_IDLE_INTERVAL); a snapshot
# taken sooner would miss the tail of the run it is meant to close.
PG_STATS_SETTLE_S = 11


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------- PostgreSQL

class Postgres:
    def __init__(self, host, port, user, database):
        self.host, self.port, self.user, self.database = host, port, user, database

    def psql(self, sql, database=None):
        out = subprocess.run(
            ["psql", "-h", self.host, "-p", str(self.port), "-U", self.user, "-d", database or self.database,
             "-v", "ON_ERROR_STOP=1", "-qAtc", sql],
            check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def jdbc_url(self):
        return f"jdbc:postgresql://{self.host}:{self.port}/{self.database}"

    def recreate_database(self):
        self.psql(f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)", database="postgres")
        self.psql(f"CREATE DATABASE {self.database}", database="postgres")

    def postmaster_pid(self):
        # the bench database may not exist yet on a fresh machine
        data_dir = self.psql("SHOW data_directory", database="postgres")
        return int(Path(data_dir, "postmaster.pid").read_text().split()[0])

    def counters(self):
        """Transactions commit per statement here (both servers run autocommit), so they count SQL round trips."""
        row = self.psql(
            "SELECT d.xact_commit + d.xact_rollback, d.tup_returned, d.tup_fetched, "
            "COALESCE((SELECT sum(seq_scan + COALESCE(idx_scan, 0)) FROM pg_stat_user_tables "
            "WHERE relname IN ('tenant_configs', 'config_properties', 'properties')), 0) "
            f"FROM pg_stat_database d WHERE d.datname = '{self.database}'")
        xacts, returned, fetched, scans = (int(float(v)) for v in row.split("|"))
        return {"xacts": xacts, "tup_returned": returned, "tup_fetched": fetched, "table_scans": scans}

    def has_pg_stat_statements(self):
        return "pg_stat_statements" in self.psql("SHOW shared_preload_libraries", database="postgres")


# ---------------------------------------------------------------- /proc sampling

def proc_cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # after the command name: state is field 3, utime 14 and stime 15 (1-based) -> indexes 11 and 12 here
    return int(fields[11]) + int(fields[12])


def proc_parent(pid):
    with open(f"/proc/{pid}/stat") as f:
        return int(f.read().rsplit(")", 1)[1].split()[1])


def postgres_cluster_ticks(postmaster):
    """CPU ticks per process of one PostgreSQL cluster: the postmaster and its children (backends, workers)."""
    ticks = {postmaster: proc_cpu_ticks(postmaster)}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if proc_parent(int(entry)) == postmaster:
                ticks[int(entry)] = proc_cpu_ticks(int(entry))
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
    return ticks


def postgres_ticks_between(before, after):
    # a backend started during the run counts from zero; one that ended during it is lost (the pools keep theirs)
    return sum(ticks - before.get(pid, 0) for pid, ticks in after.items())


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def load_average_1m():
    """Other sessions build on the same cores: the 1-minute load average at the end of a run says how busy it was."""
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def cpu_times():
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal (guest is already inside user)
    return sum(fields[:8]), fields[7]


# ---------------------------------------------------------------- servers

class Server:
    def __init__(self, name, command, env, port, probe_path, auth, results_dir, workdir=None):
        self.name, self.command, self.env, self.port = name, command, env, port
        self.probe_path, self.auth, self.results_dir = probe_path, auth, results_dir
        self.workdir = workdir or results_dir
        self.process = None

    def start(self, tag):
        log_path = self.results_dir / f"{self.name}-{tag}.log"
        started = time.monotonic()
        self.process = subprocess.Popen(self.command, env=self.env, stdout=open(log_path, "w"),
                                        stderr=subprocess.STDOUT, cwd=self.workdir)
        deadline = started + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited during start-up, see {log_path}")
            if self.get(self.probe_path)[0] == 200:
                return time.monotonic() - started
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} not ready after 180 s, see {log_path}")

    def get(self, path, authenticated=True):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}")
        if self.auth and authenticated:
            request.add_header("Authorization", self.auth)
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except OSError:
            return 0, b""

    def heap_after_gc_mb(self):
        """Live heap after a full GC, from jcmd: the memory the started server really holds."""
        subprocess.run(["jcmd", str(self.process.pid), "GC.run"], capture_output=True, check=False)
        info = subprocess.run(["jcmd", str(self.process.pid), "GC.heap_info"], capture_output=True, text=True,
                              check=False).stdout
        used = [int(v) for v in re.findall(r"used (\d+)K", info)]
        return sum(used[:2]) / 1024 if used else float("nan")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


# ---------------------------------------------------------------- load

def write_zipf_draws(path, tenants, exponent, count):
    """Zipf-distributed tenant numbers; rank r maps to a scattered tenant so hot tenants are not neighbours."""
    cumulative, total = [], 0.0
    for rank in range(1, tenants + 1):
        total += 1.0 / rank ** exponent
        cumulative.append(total)
    rng = secrets.SystemRandom()
    stride = 7919 if tenants % 7919 else 104729
    with open(path, "w") as out:
        for _ in range(count):
            rank = bisect.bisect_left(cumulative, rng.random() * total)
            out.write(f"{(rank * stride) % tenants + 1}\n")


def run_wrk(port, connections, seconds, env_extra, threads=2, script=LUA):
    env = dict(os.environ, BENCH_RESULT_LUA=str(RESULT_LUA), **env_extra)
    command = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency",
               "--timeout", "10s", "-s", str(script), f"http://127.0.0.1:{port}"]
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    match = re.search(r"^BENCH_RESULT (\{.*\})$", out, re.MULTILINE)
    if not match:
        raise RuntimeError(f"wrk printed no result:\n{out}")
    return json.loads(match.group(1)), out


def idle_sql_rate(pg):
    """Transactions per second a server causes with no traffic (pool upkeep, cache refresh), to subtract."""
    before, started = pg.counters()["xacts"], time.monotonic()
    time.sleep(PG_STATS_SETTLE_S)
    return (pg.counters()["xacts"] - before) / (time.monotonic() - started)


def measure(server, pg, postmaster, connections, seconds, env_extra, idle_rate, script=LUA):
    """One measured run: /proc and pg_stat samples tightly around wrk, statistics settled before and after."""
    window_started = time.monotonic()
    counters_before = pg.counters()
    total_before, steal_before = cpu_times()
    jvm_before = proc_cpu_ticks(server.process.pid)
    pg_before = postgres_cluster_ticks(postmaster)
    result, raw = run_wrk(server.port, connections, seconds, env_extra, script=script)
    pg_after = postgres_cluster_ticks(postmaster)
    jvm_after = proc_cpu_ticks(server.process.pid)
    total_after, steal_after = cpu_times()
    rss = rss_mb(server.process.pid)
    load_average = load_average_1m()
    time.sleep(PG_STATS_SETTLE_S)
    counters_after = pg.counters()
    idle_xacts = idle_rate * (time.monotonic() - window_started)
    requests = max(result["requests"], 1)
    us_per_tick = 1e6 / CLOCK_TICKS
    result.update({
        "rps": result["requests"] / (result["duration_us"] / 1e6),
        "jvm_cpu_us_per_req": (jvm_after - jvm_before) * us_per_tick / requests,
        "pg_cpu_us_per_req": postgres_ticks_between(pg_before, pg_after) * us_per_tick / requests,
        "sql_per_req": max(counters_after["xacts"] - counters_before["xacts"] - idle_xacts, 0) / requests,
        "sql_per_req_uncorrected": (counters_after["xacts"] - counters_before["xacts"]) / requests,
        "idle_sql_per_s": idle_rate,
        "table_scans_per_req": (counters_after["table_scans"] - counters_before["table_scans"]) / requests,
        "rows_returned_per_req": (counters_after["tup_returned"] - counters_before["tup_returned"]) / requests,
        "steal_pct": 100.0 * (steal_after - steal_before) / max(total_after - total_before, 1),
        "rss_mb": rss,
        "load_1m": load_average,
        "errors": result["errors_connect"] + result["errors_read"] + result["errors_write"]
        + result["errors_status"] + result["errors_timeout"],
    })
    if result["requests"] == 0:
        # nothing completed within the run: no per-request figure means anything
        result["errors"] += 1
    return result, raw


# ---------------------------------------------------------------- the session

def main():
    args = parse_args()
    if args.render:
        session = json.loads((Path(args.render) / "session.json").read_text())
        print(render_table(session))
        return
    stamp = time.strftime("%Y%m%d-%H%M%S")
    results_dir = BENCH / "results" / stamp
    results_dir.mkdir(parents=True)
    log(f"results in {results_dir}")
    # other builds may rewrite target/ while we run: measure private copies of the jars
    jars = results_dir / "jars"
    jars.mkdir()
    ours_jar = Path(shutil.copy2(OURS_JAR, jars))
    stock_jar = Path(shutil.copy2(STOCK_JAR, jars))
    pg = Postgres(args.pg_host, args.pg_port, args.pg_user, args.database)
    postmaster = pg.postmaster_pid()
    key = base64.b64encode(secrets.token_bytes(32)).decode()
    password = secrets.token_urlsafe(18)
    jwt_secret = secrets.token_urlsafe(48)
    ours_auth = "Basic " + base64.b64encode(f"{SERVICE_USER}:{password}".encode()).decode()
    session = {
        "started": stamp, "args": vars(args), "machine": machine_facts(),
        "sql_count_method": "pg_stat_statements" if pg.has_pg_stat_statements() else
        "pg_stat_database.xact_commit+xact_rollback delta per request (autocommit: one transaction per statement)",
        "runs": [], "startup": [],
    }
    raw_dir = results_dir / "wrk"
    raw_dir.mkdir()

    ours_env = dict(os.environ, TENANT_CONFIG_ENCRYPTION_KEY=key)
    ours_common = ["java", *JVM_FLAGS, "-jar", str(ours_jar), f"--server.port={OURS_PORT}",
                   f"--spring.security.user.name={SERVICE_USER}", f"--spring.security.user.password={password}",
                   "--tenant-config.bench.ceiling-endpoint=true", f"--tenant-config.security.jwt.hmac-secret={jwt_secret}"]
    args.jwt_secret = jwt_secret
    ours = Server("ours", ours_common + [f"--spring.datasource.url={pg.jdbc_url()}",
                                         f"--spring.datasource.username={args.pg_user}"],
                  ours_env, OURS_PORT, "/t0000001/default", ours_auth, results_dir)
    stock = Server("stock", ["java", *JVM_FLAGS, "-jar", str(stock_jar), f"--server.port={STOCK_PORT}",
                             f"--spring.datasource.url={pg.jdbc_url()}",
                             f"--spring.datasource.username={args.pg_user}"],
                   dict(os.environ), STOCK_PORT, "/t0000001/default", None, results_dir)

    try:
        if args.startup:
            # embedded mode keeps its database under the working directory: give it a throw-away one
            with tempfile.TemporaryDirectory(prefix="bench-embedded-") as workdir:
                embedded = Server("ours-embedded", ours_common, ours_env, OURS_PORT, "/t0000001/default",
                                  ours_auth, results_dir, Path(workdir))
                session["startup"].append(startup_figures(embedded, "embedded PostgreSQL (no datasource set)"))
        for tenants in args.tenants:
            log(f"=== {tenants} tenants: loading")
            load(pg, ours, tenants, key, results_dir)
            zipf_file = results_dir / f"zipf-{tenants}.txt"
            write_zipf_draws(zipf_file, tenants, args.zipf_exponent, min(max(tenants, 100_000), 1_000_000))
            expected = expected_tenant_one(tenants)
            for round_number in range(1, args.rounds + 1):
                for server in (ours, stock):
                    session_runs = run_server_session(server, pg, postmaster, tenants, round_number, args,
                                                      zipf_file, expected, session, raw_dir)
                    session["runs"].extend(session_runs)
                    write_json(results_dir / "session.json", session)
    finally:
        ours.stop()
        stock.stop()
        write_json(results_dir / "session.json", session)

    shutil.rmtree(jars)
    table = render_table(session)
    (results_dir / "table.md").write_text(table)
    print()
    print(table)
    log(f"raw results: {results_dir}")


def run_server_session(server, pg, postmaster, tenants, round_number, args, zipf_file, expected, session, raw_dir):
    tag = f"{tenants}-r{round_number}"
    log(f"{server.name} {tag}: starting")
    ready_s = server.start(tag)
    runs = []
    try:
        check_answer(server, expected)
        heap = server.heap_after_gc_mb() if round_number == 1 else None
        session["startup"].append({"server": server.name, "tenants": tenants, "round": round_number,
                                   "database": "external PostgreSQL 15", "ready_s": ready_s,
                                   "heap_after_gc_mb": heap, "rss_mb": rss_mb(server.process.pid)})
        log(f"{server.name} {tag}: ready in {ready_s:.1f} s, warming up {args.warmup} s")
        base_env = {"BENCH_TENANTS": str(tenants), "BENCH_ZIPF_FILE": str(zipf_file)}
        if server.auth:
            base_env["BENCH_AUTH"] = server.auth
        # JIT warm-up over both the config path and (for ours) the ceiling, at the highest concurrency
        warm_targets = [dict(base_env, BENCH_PICK="uniform")]
        if server.name == "ours":
            warm_targets.append(dict(base_env, BENCH_PATH="/bench/ceiling"))
        for env in warm_targets:
            run_wrk(server.port, max(args.concurrency), max(1, args.warmup // len(warm_targets)), env)
        time.sleep(PG_STATS_SETTLE_S)
        idle_rate = idle_sql_rate(pg)
        log(f"{server.name} {tag}: {idle_rate:.2f} idle transactions/s (subtracted from SQL/req)")
        workloads = [(pick, dict(base_env, BENCH_PICK=pick), server.name) for pick in args.picks]
        if server.name == "ours":
            workloads.append(("-", dict(base_env, BENCH_PATH="/bench/ceiling"), "ceiling"))
        for pick, env, label in workloads:
            for connections in args.concurrency:
                for attempt in range(1, args.max_attempts + 1):
                    result, raw = measure(server, pg, postmaster, connections, args.duration, env, idle_rate)
                    name = f"{label}-{tenants}-{pick}-c{connections}-r{round_number}-a{attempt}"
                    (raw_dir / f"{name}.txt").write_text(raw)
                    result.update({"server": label, "tenants": tenants, "pick": pick, "connections": connections,
                                   "round": round_number, "attempt": attempt})
                    spoiled = result["steal_pct"] > args.steal_threshold
                    result["spoiled_by_steal"] = spoiled
                    runs.append(result)
                    log(f"{name}: {result['rps']:.0f} req/s p99 {result['p99_us'] / 1000:.1f} ms "
                        f"jvm {result['jvm_cpu_us_per_req']:.0f} us pg {result['pg_cpu_us_per_req']:.0f} us "
                        f"sql {result['sql_per_req']:.2f} steal {result['steal_pct']:.1f}% "
                        f"errors {result['errors']}")
                    if not spoiled:
                        break
                    log(f"{name}: steal above {args.steal_threshold}%, repeating")
        if server.name == "ours" and round_number == 1 and args.write_path:
            runs.extend(write_path(server, pg, postmaster, tenants, args, idle_rate, raw_dir, session))
    finally:
        server.stop()
    return runs


def hs256_token(secret, claims):
    def encode(part):
        return base64.urlsafe_b64encode(json.dumps(part, separators=(",", ":")).encode()).rstrip(b"=")
    signing_input = encode({"alg": "HS256", "typ": "JWT"}) + b"." + encode(claims)
    signature = hmac.new(secret.encode(), signing_input, hashlib.sha256).digest()
    return (signing_input + b"." + base64.urlsafe_b64encode(signature).rstrip(b"=")).decode()


def tenant_token(secret, tenant):
    now = int(time.time())
    return hs256_token(secret, {"sub": f"bench-{tenant}", "tenant_id": tenant, "iat": now, "exp": now + 3600})


def put_callback_url(server, token, url):
    request = urllib.request.Request(f"http://127.0.0.1:{server.port}/api/v1/tenant/config", method="PUT",
                                     data=json.dumps({"callback_url": url}).encode(),
                                     headers={"Authorization": f"Bearer {token}",
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def write_path(server, pg, postmaster, tenants, args, idle_rate, raw_dir, session):
    """PUT /api/v1/tenant/config: time until a change shows on /{tenant}/default, then PUT throughput."""
    visibility = []
    for sample in range(args.write_samples):
        tenant = f"t{2 + sample % max(tenants - 1, 1):07d}"
        token = tenant_token(args.jwt_secret, tenant)
        server.get(f"/{tenant}/default")  # cached before the change: visibility must come from eviction
        url = f"https://hooks.example.com/whatsapp/{tenant}/visible-{sample}-{secrets.token_hex(4)}"
        started = time.monotonic()
        status = put_callback_url(server, token, url)
        put_done = time.monotonic()
        seen = None
        while time.monotonic() - started < 10:
            code, body = server.get(f"/{tenant}/default")
            if code == 200 and url.encode() in body:
                seen = time.monotonic()
                break
        visibility.append({"tenant": tenant, "put_status": status, "put_ms": (put_done - started) * 1000,
                           "visible_ms": (seen - started) * 1000 if seen else None})
    session.setdefault("write_visibility", []).append({"tenants": tenants, "samples": visibility})
    visible = [v["visible_ms"] for v in visibility if v["visible_ms"] is not None]
    log(f"write path: {len(visible)}/{len(visibility)} changes visible, median "
        f"{statistics.median(visible) if visible else float('nan'):.1f} ms after the PUT started")
    token_file = raw_dir / f"tokens-{tenants}.tsv"
    with open(token_file, "w") as out:
        for number in range(2, min(tenants, 1000) + 1):
            tenant = f"t{number:07d}"
            out.write(f"{tenant}\t{tenant_token(args.jwt_secret, tenant)}\n")
    runs = []
    for connections in args.concurrency:
        result, raw = measure(server, pg, postmaster, connections, args.duration,
                              {"BENCH_TOKEN_FILE": str(token_file)}, idle_rate, script=PUT_LUA)
        name = f"put-{tenants}-c{connections}"
        (raw_dir / f"{name}.txt").write_text(raw)
        result.update({"server": "ours PUT", "tenants": tenants, "pick": "-", "connections": connections,
                       "round": 1, "attempt": 1, "spoiled_by_steal": result["steal_pct"] > args.steal_threshold})
        log(f"{name}: {result['rps']:.0f} req/s p99 {result['p99_us'] / 1000:.1f} ms sql "
            f"{result['sql_per_req']:.2f} errors {result['errors']}")
        runs.append(result)
    return runs


def check_answer(server, expected):
    """Both servers must serve the loaded data (ours decrypting what the loader sealed) before we time them."""
    status, body = server.get("/t0000001/default")
    if status != 200:
        raise RuntimeError(f"{server.name}: GET /t0000001/default answered {status}")
    answer = json.loads(body)
    served = {}
    for source in reversed(answer["propertySources"]):
        served.update(source["source"])
    for key in ("whatsapp.access-token", "whatsapp.app-secret", "whatsapp.phone-number-id", "template.welcome"):
        if str(served.get(key)) != expected[key]:
            raise RuntimeError(f"{server.name}: {key} is not the loaded value")
    if server.auth:
        # service authentication must really be on for ours and the ceiling, as deployed
        for path in ("/t0000001/default", "/bench/ceiling"):
            status, _ = server.get(path, authenticated=False)
            if status != 401:
                raise RuntimeError(f"{server.name}: {path} without credentials answered {status}, expected 401")
    log(f"{server.name}: answer checked ({len(body)} bytes, {len(served)} properties)")


def expected_tenant_one(tenants):
    out = subprocess.run(["java", "-jar", str(LOADER_JAR), "--tenants", str(tenants), "--check"],
                         capture_output=True, text=True, check=True).stdout
    return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)


def load(pg, ours, tenants, key, results_dir):
    pg.recreate_database()
    # our schema comes from the server's own Liquibase changelog: start it once on the empty database
    ours.start(f"{tenants}-migrate")
    ours.stop()
    started = time.monotonic()
    out = subprocess.run(["java", "-jar", str(LOADER_JAR), "--jdbc-url", pg.jdbc_url(), "--user", pg.user,
                          "--tenants", str(tenants), "--key", key],
                         capture_output=True, text=True, check=True).stdout
    (results_dir / f"load-{tenants}.txt").write_text(out)
    size = pg.psql(f"SELECT pg_size_pretty(pg_database_size('{pg.database}'))")
    log(f"loaded {tenants} tenants in {time.monotonic() - started:.0f} s, database {size}")


def startup_figures(server, database):
    try:
        ready = server.start("startup")
        figures = {"server": server.name, "database": database, "ready_s": ready,
                   "heap_after_gc_mb": server.heap_after_gc_mb(), "rss_mb": rss_mb(server.process.pid)}
    except RuntimeError as failure:
        figures = {"server": server.name, "database": database, "failed": str(failure)}
    finally:
        server.stop()
    log(f"start-up {server.name}: {figures}")
    return figures


# ---------------------------------------------------------------- report

def median_of(runs, key):
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else float("nan")


def ratio(rps, other_runs):
    other = median_of(other_runs, "rps") if other_runs else 0
    return f"{rps / other:.2f}x" if other else ""


def kept_run(run):
    return not run["spoiled_by_steal"] and run["errors"] == 0 and run["requests"] > 0


def load_text(runs):
    """Median 1-minute load average of the runs; runs recorded before it was sampled have none."""
    loads = [r["load_1m"] for r in runs if "load_1m" in r]
    return f"{statistics.median(loads):.1f}" if loads else "?"


def render_table(session):
    kept = [r for r in session["runs"] if kept_run(r)]
    groups = {}
    for r in kept:
        groups.setdefault((r["tenants"], r["pick"], r["connections"], r["server"]), []).append(r)
    lines = [
        f"Machine: {session['machine']['cpu']}, {session['machine']['cores']} cores; started {session['started']}; "
        f"commit {session['machine'].get('commit', '?')}, our jar built {session['machine'].get('ours_jar_built', '?')}; "
        f"warm-up {session['args']['warmup']} s, {session['args']['duration']} s per run, "
        f"{session['args']['rounds']} interleaved round(s); medians over rounds; runs with steal > "
        f"{session['args']['steal_threshold']}% repeated, runs with errors dropped.",
        f"SQL/req: {session['sql_count_method']}, less the server's idle transaction rate over the same window.",
        "",
        "| tenants | pick | conn | server | req/s | p50 ms | p99 ms | p99.9 ms | JVM µs/req | PG µs/req | SQL/req "
        "| RSS MB | steal % | load | runs | ours/stock | ours/ceiling |",
        "|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for tenants in sorted({k[0] for k in groups}):
        for pick in ("uniform", "zipf", "-"):
            for connections in sorted({k[2] for k in groups}):
                for server in ("ours", "stock", "ceiling", "ours PUT"):
                    runs = groups.get((tenants, pick, connections, server))
                    if not runs:
                        continue
                    rps = median_of(runs, "rps")
                    ratios = ["", ""]
                    if server == "ours":
                        stock_runs = groups.get((tenants, pick, connections, "stock"))
                        ceiling_runs = groups.get((tenants, "-", connections, "ceiling"))
                        ratios = [ratio(rps, stock_runs), ratio(rps, ceiling_runs)]
                    lines.append(
                        f"| {tenants} | {pick} | {connections} | {server} | {rps:.0f} "
                        f"| {median_of(runs, 'p50_us') / 1000:.2f} | {median_of(runs, 'p99_us') / 1000:.2f} "
                        f"| {median_of(runs, 'p999_us') / 1000:.2f} | {median_of(runs, 'jvm_cpu_us_per_req'):.0f} "
                        f"| {median_of(runs, 'pg_cpu_us_per_req'):.0f} | {median_of(runs, 'sql_per_req'):.2f} "
                        f"| {median_of(runs, 'rss_mb'):.0f} | {median_of(runs, 'steal_pct'):.1f} "
                        f"| {load_text(runs)} | {len(runs)} | {ratios[0]} | {ratios[1]} |")
    spoiled = [r for r in session["runs"] if not kept_run(r)]
    lines.append("")
    lines.append(f"Runs dropped (steal, errors or no completed request): {len(spoiled)}.")
    for visibility in session.get("write_visibility", []):
        seen = [v["visible_ms"] for v in visibility["samples"] if v["visible_ms"] is not None]
        lines.append(f"Write path ({visibility['tenants']} tenants): {len(seen)}/{len(visibility['samples'])} "
                     f"PUTs visible on /{{tenant}}/default; time from PUT start to visible: median "
                     f"{statistics.median(seen) if seen else float('nan'):.1f} ms, max "
                     f"{max(seen) if seen else float('nan'):.1f} ms (the tenant was cached before each PUT).")
    if session["startup"]:
        lines += ["", "| start-up | database | tenants | ready s | heap after GC MB | RSS MB |",
                  "|---|---|---:|---:|---:|---:|"]
        for s in session["startup"]:
            if s.get("failed"):
                lines.append(f"| {s['server']} | {s['database']} | - | failed: {s['failed']} | | |")
                continue
            if s.get("heap_after_gc_mb") is None:
                continue
            lines.append(f"| {s['server']} | {s['database']} | {s.get('tenants', '-')} | {s['ready_s']:.1f} "
                         f"| {s['heap_after_gc_mb']:.0f} | {s['rss_mb']:.0f} |")
    return "\n".join(lines) + "\n"


def machine_facts():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    jar_built = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(OURS_JAR.stat().st_mtime))
    return {"cpu": cpu, "cores": os.cpu_count(), "java": java, "wrk": wrk, "commit": commit,
            "ours_jar_built": jar_built,
            "mem_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30)}


def write_json(path, data):
    path.write_text(json.dumps(data, indent=1, default=str))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tenants", default="1000,100000,1000000", help="comma-separated tenant counts")
    parser.add_argument("--concurrency", default="8,32", help="comma-separated wrk connection counts")
    parser.add_argument("--picks", default="uniform,zipf", help="tenant draws: uniform, zipf")
    parser.add_argument("--warmup", type=int, default=60, help="JIT warm-up seconds per server start")
    parser.add_argument("--duration", type=int, default=60, help="seconds per measured run")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds (ours, stock) per tenant count")
    parser.add_argument("--steal-threshold", type=float, default=5.0, help="repeat a run whose steal %% is above")
    parser.add_argument("--max-attempts", type=int, default=3, help="attempts per run when steal spoils it")
    parser.add_argument("--zipf-exponent", type=float, default=1.0)
    parser.add_argument("--no-startup", dest="startup", action="store_false",
                        help="skip the embedded-database start-up measurement")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 5 s warm-up, 5 s runs (figures are not meaningful)")
    parser.add_argument("--no-write-path", dest="write_path", action="store_false",
                        help="skip PUT /api/v1/tenant/config (measured in ours' first round of each tenant count)")
    parser.add_argument("--write-samples", type=int, default=50, help="PUTs timed until visible")
    parser.add_argument("--render", metavar="RESULTS_DIR", help="only print the table of an earlier run")
    parser.add_argument("--pg-host", default="127.0.0.1")
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("--database", default="bench")
    args = parser.parse_args()
    args.tenants = [int(v) for v in args.tenants.split(",")]
    args.concurrency = [int(v) for v in args.concurrency.split(",")]
    args.picks = [v for v in args.picks.split(",") if v]
    if args.quick:
        args.warmup, args.duration, args.write_samples = 5, 5, 10
    for tool in ("wrk", "psql", "jcmd", "java"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found (bench/run.sh installs wrk from apt)")
    return args


if __name__ == "__main__":
    main()
