#!/usr/bin/env bash
# Profiles our server under load: JFR execution samples by component and CPU by JVM thread (docs/benchmarks.md).
#   bench/profile.sh --tenants 1000000 --pick uniform      load 1M tenants, warm up 120 s, record 60 s
#   bench/profile.sh --tenants 1000000 --keep-data         again on the same data, without reloading it
# Same needs as bench/run.sh (local PostgreSQL, wrk); drops and re-creates database `bench` unless --keep-data.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/prepare.sh

exec python3 bench/harness/profile.py "$@"
