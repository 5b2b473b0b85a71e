#!/usr/bin/env bash
# Benchmark of Appels à projets on PostgreSQL: three arms interleaved (pgbench, bare Camunda engine,
# the product), the Tasklist query at volume, the timer drain, start-up and memory.
# Report: target/benchmark/report.md and report.json. Not part of `mvn verify`.
#
#   bash bench/run.sh            full run (3 rounds; ≈ 50 min on 2 idle cores, estimated)
#   bash bench/run.sh --quick    one short round of everything (≈ 15–20 min), to check the harness
#   bash bench/run.sh [--quick] --only lifecycle|timers|tasklist|startup|soak
#                                one phase again, into the existing target/benchmark/report.json
#                                (the other phases are kept; report.md is rendered again)
#   other options: --rounds N, --concurrency N (no ramp: N lifecycles in flight in every round),
#                  --max N (the ramp's last step), --soak S, --tasks N --history N (Tasklist volume)
#
# Lifecycles: the driver learns of new tasks and ended processes by push (bench TaskPush, an engine
# plugin of the benchmark classes only), its own database reads are counted apart (target ≈ 0). Round
# 1 ramps each arm (8, 16, 32… in flight until the rate stops rising) and keeps the concurrency of
# the best step or more when Little's law asks (≥ 2 × rate × unloaded latency); rounds 2–3 reuse it.
# CPU of the JVM, of PostgreSQL and of the machine over each measured window comes from /proc.
#
# PostgreSQL: by default a throw-away cluster of the machine's PostgreSQL (installed with apt-get
# when missing) under $BENCH_PG_DIR (default /tmp/aap-bench-pg), port $BENCH_PG_PORT (55432),
# with pg_stat_statements. Or an existing server: BENCH_PG_HOST/BENCH_PG_PORT/BENCH_PG_USER/
# BENCH_PG_PASSWORD (a superuser: the benchmark creates and drops its databases).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/target/benchmark"
mkdir -p "$OUT"

# shellcheck source=bench/pg-cluster.sh
source "$ROOT/bench/pg-cluster.sh"

if [ "${BENCH_SKIP_BUILD:-false}" != true ]; then
  mvn -B -ntp -q -DskipTests package
  mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark/classpath.txt
  # start-up is measured as production runs it: the extracted jar with its CDS archive (README, docker/)
  bash bin/cds-archive.sh "$(ls target/appels-a-projets-*.jar | grep -v original | head -1)" target/app >/dev/null
fi
export BENCH_APP_DIR="$ROOT/target/app"
# the benchmark's own classes only (not the test suite's Spring configurations)
rm -rf target/bench-classes && mkdir -p target/bench-classes/fr/pasdecalais/habitat
cp -r target/test-classes/fr/pasdecalais/habitat/bench target/bench-classes/fr/pasdecalais/habitat/
cp -r target/test-classes/bench target/bench-classes/
export BENCH_CLASSPATH="$ROOT/target/classes:$ROOT/target/bench-classes:$(cat target/benchmark/classpath.txt)"
export BENCH_JVM_OPTS=${BENCH_JVM_OPTS:-"-Xms256m -Xmx768m -XX:+UseG1GC -Duser.timezone=Europe/Paris -Dfile.encoding=UTF-8"}

# shellcheck disable=SC2086
java $BENCH_JVM_OPTS -cp "$BENCH_CLASSPATH" fr.pasdecalais.habitat.bench.BenchmarkRunner --out "$OUT" "$@"
