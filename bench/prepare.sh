# Sourced by bench/run.sh and bench/profile.sh (from the repository root): wrk, and the jars both measure.
if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q -pl config-server -am package -DskipTests
  ./mvnw -B -q -f bench/pom.xml package
fi
