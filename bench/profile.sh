#!/usr/bin/env bash
# Profiles our server under load: JFR execution samples by component and CPU by JVM thread (docs/benchmarks.md).
#   bench/profile.sh --tenants 1000000 --pick uniform      load 1M tenants, warm up 120 s, record 60 s
#   bench/profile.sh --tenants 1000000 --keep-data         again on the same data, without reloading it
# Same needs as bench/run.sh (local PostgreSQL, wrk); drops and re-creates database `bench` unless --keep-data.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q -pl config-server -am package -DskipTests
  ./mvnw -B -q -f bench/pom.xml package
fi

exec python3 bench/harness/profile.py "$@"
