# Sourced by bench/run.sh and bench/faults.sh: a throw-away PostgreSQL cluster of the machine's
# PostgreSQL (installed with apt-get when missing) under $BENCH_PG_DIR (default $PG_DEFAULT_DIR),
# port $BENCH_PG_PORT (default $PG_DEFAULT_PORT), with pg_stat_statements, a superuser bench/bench,
# stopped when the calling script exits. Or an existing server: BENCH_PG_HOST/BENCH_PG_PORT/
# BENCH_PG_USER/BENCH_PG_PASSWORD (a superuser: the harness creates and drops its databases).
# Exports BENCH_PG_* and, for an own cluster, BENCH_PG_CTL, BENCH_PG_DATA and BENCH_PG_AS (the command
# prefix that runs pg_ctl as the cluster's owner), so that a harness can restart it.

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
  # the package starts a cluster on 5432; the harness uses its own
  PG_BIN=$(find_pg_bin)
fi
echo "PostgreSQL : $PG_BIN"

OWN_CLUSTER=false
if [ -z "${BENCH_PG_HOST:-}" ]; then
  OWN_CLUSTER=true
  export BENCH_PG_HOST=127.0.0.1
  export BENCH_PG_PORT=${BENCH_PG_PORT:-${PG_DEFAULT_PORT:-55432}}
  export BENCH_PG_USER=bench
  export BENCH_PG_PASSWORD=bench
  PGDIR=${BENCH_PG_DIR:-${PG_DEFAULT_DIR:-/tmp/aap-bench-pg}}
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
max_connections = ${PG_MAX_CONNECTIONS:-200}
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
  export BENCH_PG_CTL="$PG_BIN/pg_ctl"
  export BENCH_PG_DATA="$PGDIR"
  export BENCH_PG_AS="${AS_PG[*]}"
fi
export BENCH_PGBENCH="$PG_BIN/pgbench"
