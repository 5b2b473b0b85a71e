#!/usr/bin/env bash
# Benchmark of Appels à projets on PostgreSQL: three arms interleaved (pgbench, bare Camunda engine,
# the product), the Tasklist query at volume, the timer drain, start-up and memory.
# Report: target/benchmark/report.md and report.json. Not part of `mvn verify`.
#
#   bash bench/run.sh            full run (≈ 70 min on 2 cores)
#   bash bench/run.sh --quick    one short round of everything (≈ 15 min), to check the harness
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

find_pg_bin() {
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/pg_ctl" ] && [ -x "$d/pgbench" ]; then echo "$d"; fi
  done | sort -V | tail -1
}

PG_BIN=$(find_pg_bin || true)
if [ -z "$PG_BIN" ]; then
  echo "PostgreSQL absent : installation (apt-get install postgresql postgresql-contrib)…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  # the package starts a cluster on 5432; the benchmark uses its own
  PG_BIN=$(find_pg_bin)
fi
echo "PostgreSQL : $PG_BIN"

OWN_CLUSTER=false
if [ -z "${BENCH_PG_HOST:-}" ]; then
  OWN_CLUSTER=true
  export BENCH_PG_HOST=127.0.0.1
  export BENCH_PG_PORT=${BENCH_PG_PORT:-55432}
  export BENCH_PG_USER=bench
  export BENCH_PG_PASSWORD=bench
  PGDIR=${BENCH_PG_DIR:-/tmp/aap-bench-pg}
  AS_PG=()
  if [ "$(id -u)" -eq 0 ]; then AS_PG=(runuser -u postgres --); fi
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"; mkdir -p "$PGDIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PGDIR"
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PGDIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >> "$PGDIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $BENCH_PG_PORT
unix_socket_directories = '$PGDIR'
max_connections = 200
shared_buffers = 512MB
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
track_io_timing = on
logging_collector = off
CONF
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w start >/dev/null
  "$PG_BIN/psql" -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d postgres -q \
    -c "CREATE ROLE bench LOGIN SUPERUSER PASSWORD 'bench'"
  trap '"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR" -m fast stop >/dev/null 2>&1 || true' EXIT
fi
export BENCH_PGBENCH="$PG_BIN/pgbench"

if [ "${BENCH_SKIP_BUILD:-false}" != true ]; then
  mvn -B -ntp -q -DskipTests package
  mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark/classpath.txt
fi
# the benchmark's own classes only (not the test suite's Spring configurations)
rm -rf target/bench-classes && mkdir -p target/bench-classes/fr/pasdecalais/habitat
cp -r target/test-classes/fr/pasdecalais/habitat/bench target/bench-classes/fr/pasdecalais/habitat/
cp -r target/test-classes/bench target/bench-classes/
export BENCH_CLASSPATH="$ROOT/target/classes:$ROOT/target/bench-classes:$(cat target/benchmark/classpath.txt)"
export BENCH_JVM_OPTS=${BENCH_JVM_OPTS:-"-Xms256m -Xmx768m -XX:+UseG1GC -Duser.timezone=Europe/Paris -Dfile.encoding=UTF-8"}

# shellcheck disable=SC2086
java $BENCH_JVM_OPTS -cp "$BENCH_CLASSPATH" fr.pasdecalais.habitat.bench.BenchmarkRunner --out "$OUT" "$@"
