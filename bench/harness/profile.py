#!/usr/bin/env python3
"""Where does our server's time go? One profiled run of GET /{tenant}/default (or the ceiling endpoint).

Started by bench/profile.sh (see docs/benchmarks.md). Loads N tenants into database `bench` (unless --keep-data
and the data of an earlier profile run is there), starts our server with the harness's JVM flags, warms it up,
then records Java Flight Recorder execution samples (the recorder runs from the start) during one wrk run and reads, over the same window, the CPU
of every JVM thread from /proc (JFR samples only Java code: the JIT compiler and GC threads show up only there).
Prints CPU by JVM thread group, the live heap and its largest classes at the end, and execution samples by
component (self time of the innermost frame that belongs to a known component) plus the share of samples passing
through a few landmark methods.
"""

import argparse
import base64
import json
import os
import re
import secrets
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as harness  # noqa: E402  (the benchmark harness: same servers, loader, wrk driver)

# innermost matching frame wins; order matters where prefixes overlap
COMPONENTS = [
    ("AES-GCM decryption", ("io.tenantconfig.server.crypto.", "com.sun.crypto.provider.", "javax.crypto.")),
    ("JDBC, Hikari, PostgreSQL driver", ("org.postgresql.", "com.zaxxer.hikari.", "org.springframework.jdbc.")),
    ("JSON (Jackson)", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("Caffeine", ("com.github.benmanes.caffeine.",)),
    ("our code (backend, caches, answer filter)", ("io.tenantconfig.",)),
    ("Spring Cloud Config", ("org.springframework.cloud.",)),
    ("Spring Security", ("org.springframework.security.",)),
    ("Micrometer observations and meters", ("io.micrometer.",)),
    ("Spring MVC and web", ("org.springframework.web.", "org.springframework.http.")),
    ("Tomcat and NIO", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.", "sun.nio.", "java.nio.")),
    ("Spring core (beans, property sources, utils)", ("org.springframework.",)),
]

LANDMARKS = [
    ("replay of a kept answer (ConfigAnswerFilter.replay)", "io.tenantconfig.server.environment.ConfigAnswerFilter.replay"),
    ("miss answered by ConfigAnswerWriter", "io.tenantconfig.server.environment.ConfigAnswerWriter.write"),
    ("Spring MVC dispatch (DispatcherServlet.doDispatch)", "org.springframework.web.servlet.DispatcherServlet.doDispatch"),
    ("Spring Cloud Config controller", "org.springframework.cloud.config.server.environment.EnvironmentController."),
    ("our backend on a miss (TenantEnvironmentRepository.findOne)",
     "io.tenantconfig.server.environment.TenantEnvironmentRepository.findOne"),
    ("Spring Security filter chain", "org.springframework.security.web.FilterChainProxy.doFilter"),
]

THREAD_GROUPS = [
    # /proc truncates thread names to 15 characters: "http-nio-8888-exec-7" reads "http-nio-8888-e"
    ("request threads (http-nio-*-exec-*)", re.compile(r"^http-nio-\d+-e")),
    ("Tomcat poller/acceptor", re.compile(r"^http-nio-")),
    ("JIT compiler", re.compile(r"^C[12] CompilerThre")),
    ("GC", re.compile(r"^(GC Thread|ParGC|VM Thread|G1 )")),
    ("JFR", re.compile(r"^JFR")),
]


def thread_ticks(pid):
    ticks = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            ticks[(tid, name)] = harness.proc_cpu_ticks(f"{pid}/task/{tid}")
        except (FileNotFoundError, ProcessLookupError):
            continue
    return ticks


def thread_group(name):
    for group, pattern in THREAD_GROUPS:
        if pattern.search(name):
            return group
    return "other JVM threads"


def frames_of(event):
    trace = event["values"].get("stackTrace") or {}
    for frame in trace.get("frames", []):
        method = frame.get("method") or {}
        owner = (method.get("type") or {}).get("name", "?").replace("/", ".")
        yield f"{owner}.{method.get('name', '?')}"


def component_of(frames):
    for frame in frames:  # innermost first
        for name, prefixes in COMPONENTS:
            if frame.startswith(prefixes):
                return name
    return "JDK and other"


def samples_table(recording, stack_depth):
    printed = subprocess.run(["jfr", "print", "--json", "--stack-depth", str(stack_depth), "--events",
                              "jdk.ExecutionSample", str(recording)], capture_output=True, text=True, check=True)
    events = json.loads(printed.stdout)["recording"]["events"]
    by_component, by_landmark = Counter(), Counter()
    for event in events:
        frames = list(frames_of(event))
        by_component[component_of(frames)] += 1
        for name, prefix in LANDMARKS:
            if any(frame.startswith(prefix) for frame in frames):
                by_landmark[name] += 1
    total = max(len(events), 1)
    lines = [f"{len(events)} execution samples", "", "| component (self time) | share |", "|---|---:|"]
    lines += [f"| {name} | {100 * count / total:.1f} % |" for name, count in by_component.most_common()]
    lines += ["", "| samples passing through | share |", "|---|---:|"]
    lines += [f"| {name} | {100 * by_landmark[name] / total:.1f} % |" for name, _ in LANDMARKS]
    return "\n".join(lines)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tenants", type=int, default=100_000)
    parser.add_argument("--pick", default="uniform", choices=("uniform", "zipf", "ceiling"))
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=120, help="seconds of the same load before recording")
    parser.add_argument("--duration", type=int, default=60, help="seconds recorded")
    parser.add_argument("--keep-data", action="store_true",
                        help="reuse the tenants an earlier profile run loaded (same count; its key is kept beside)")
    parser.add_argument("--server-arg", action="append", default=[],
                        help="extra argument for our server, e.g. --server-arg=--tenant-config.environment.answer-cache-size=200MB")
    parser.add_argument("--stack-depth", type=int, default=256)
    parser.add_argument("--jfr-settings", default="default",
                        help="JFR settings: default (20 ms sampling) or profile (10 ms, more events)")
    parser.add_argument("--pg-host", default="127.0.0.1")
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("--database", default="bench")
    return parser.parse_args()


def main():
    args = parse_args()
    results_dir = harness.BENCH / "results" / ("profile-" + time.strftime("%Y%m%d-%H%M%S"))
    results_dir.mkdir(parents=True)
    harness.log(f"results in {results_dir}")
    pg = harness.Postgres(args.pg_host, args.pg_port, args.pg_user, args.database)
    # the key that sealed the loaded secrets must be the server's: keep it beside the results, never in the repo
    key_file = harness.BENCH / "results" / f"profile-data-{args.tenants}.key"
    reuse = args.keep_data and key_file.exists()
    key = key_file.read_text().strip() if reuse else base64.b64encode(secrets.token_bytes(32)).decode()
    password = secrets.token_urlsafe(18)
    auth = "Basic " + base64.b64encode(f"{harness.SERVICE_USER}:{password}".encode()).decode()
    # The recorder runs from the start: started later (jcmd JFR.start) it instruments JDK classes, the JIT's code
    # for them is thrown away, and the server ran 5-10x slower for the whole recorded window.
    env = dict(os.environ, TENANT_CONFIG_ENCRYPTION_KEY=key,
               JAVA_TOOL_OPTIONS=f"-XX:FlightRecorderOptions=stackdepth={args.stack_depth} "
                                 f"-XX:StartFlightRecording=name=profile,settings={args.jfr_settings},maxage=30m")
    server = harness.Server("ours", ["java", *harness.JVM_FLAGS, "-jar", str(harness.OURS_JAR),
                                     f"--server.port={harness.OURS_PORT}",
                                     f"--spring.security.user.name={harness.SERVICE_USER}",
                                     f"--spring.security.user.password={password}",
                                     "--tenant-config.bench.ceiling-endpoint=true",
                                     f"--spring.datasource.url={pg.jdbc_url()}",
                                     f"--spring.datasource.username={args.pg_user}", *args.server_arg],
                            env, harness.OURS_PORT, "/t0000001/default", auth, results_dir)
    if not reuse:
        key_file.unlink(missing_ok=True)
        harness.load(pg, server, args.tenants, key, results_dir)
        key_file.write_text(key)
    wrk_env = {"BENCH_TENANTS": str(args.tenants), "BENCH_AUTH": auth}
    if args.pick == "ceiling":
        wrk_env["BENCH_PATH"] = "/bench/ceiling"
    else:
        wrk_env["BENCH_PICK"] = args.pick
        if args.pick == "zipf":
            zipf_file = results_dir / f"zipf-{args.tenants}.txt"
            harness.write_zipf_draws(zipf_file, args.tenants, 1.0, min(max(args.tenants, 100_000), 1_000_000))
            wrk_env["BENCH_ZIPF_FILE"] = str(zipf_file)
    recording = results_dir / "profile.jfr"
    try:
        server.start("profile")
        pid = str(server.process.pid)
        harness.log(f"warming up {args.warmup} s ({args.pick}, {args.tenants} tenants, c{args.connections})")
        harness.run_wrk(server.port, args.connections, args.warmup, wrk_env)
        before = thread_ticks(pid)
        started = time.time()
        result, raw = harness.run_wrk(server.port, args.connections, args.duration, wrk_env)
        after = thread_ticks(pid)
        window = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(started)), time.strftime(
            "%Y-%m-%dT%H:%M:%S", time.gmtime(time.time()))
        subprocess.run(["jcmd", pid, "JFR.dump", "name=profile", f"begin={window[0]}Z", f"end={window[1]}Z",
                        f"filename={recording}"], check=True, capture_output=True)
        (results_dir / "wrk.txt").write_text(raw)
        live_heap = server.heap_after_gc_mb()
        histogram = subprocess.run(["jcmd", pid, "GC.class_histogram"], capture_output=True, text=True,
                                   check=False).stdout
        (results_dir / "class-histogram.txt").write_text(histogram)
    finally:
        server.stop()
    requests = max(result["requests"], 1)
    us_per_tick = 1e6 / harness.CLOCK_TICKS
    groups = Counter()
    for thread, ticks in after.items():
        groups[thread_group(thread[1])] += ticks - before.get(thread, 0)
    total = sum(groups.values())
    lines = [f"# profile: {args.pick}, {args.tenants} tenants, c{args.connections}, {args.warmup} s warm-up, "
             f"{args.duration} s recorded", "",
             f"recorded: {result['requests'] / (result['duration_us'] / 1e6):.0f} req/s, p99 "
             f"{result['p99_us'] / 1000:.1f} ms, JVM {total * us_per_tick / requests:.0f} µs/req", "",
             "| JVM threads | µs/req | share |", "|---|---:|---:|"]
    lines += [f"| {name} | {ticks * us_per_tick / requests:.0f} | {100 * ticks / max(total, 1):.1f} % |"
              for name, ticks in groups.most_common()]
    lines += ["", f"Live heap after a full GC at the end: {live_heap:.0f} MB (-Xmx512m); largest classes:", "",
              "| class | instances | MB |", "|---|---:|---:|"]
    for row in re.findall(r"^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", histogram, re.MULTILINE)[:12]:
        lines.append(f"| `{row[2]}` | {int(row[0]):,} | {int(row[1]) / 2 ** 20:.1f} |")
    lines += ["", samples_table(recording, args.stack_depth)]
    report = "\n".join(lines) + "\n"
    (results_dir / "profile.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
