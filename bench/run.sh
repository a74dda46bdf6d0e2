#!/usr/bin/env bash
# One command for the benchmark: builds what it needs, then runs bench/harness/run.py (options: --help).
#   bench/run.sh                                   full run: 1k, 100k, 1M tenants, 60 s warm-up, 60 s runs
#   bench/run.sh --tenants 1000,100000 --quick     smoke run proving the harness works (figures not meaningful)
# Needs the local PostgreSQL at 127.0.0.1:5432 (trust auth, user postgres); creates and drops database `bench`.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/prepare.sh

exec python3 bench/harness/run.py "$@"
