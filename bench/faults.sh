#!/usr/bin/env bash
# Fault harness of Appels à projets (issue 14): real node JVMs (java -jar, postgres profile) killed
# with kill -9 and restarted, two nodes on one database, PostgreSQL restarted and a pool exhausted;
# the invariants (every lifecycle ended, 0 incident, every payment / opinion / timer / e-mail once)
# checked by code from PostgreSQL and the harness's GreenMail. Not part of `mvn verify`.
# Report: target/faults/report.md and report.json; exit code 1 when an invariant fails.
#
#   bash bench/faults.sh            defaults of the issue (200 lifecycles with kills, 1 000 on two
#                                   nodes, 10 000 timers, database faults)
#   bash bench/faults.sh --quick    20 / 100 / 1 000: a short run, to check the harness
#   other options (after or instead of --quick): --seed N --lifecycles N --lifecycles2 N --timers N
#   --cap N (lifecycles in flight) --scenarios 1,2,3 --lock-time-ms N (job lock of the nodes; the
#   product's configuration when absent) --kill-min S --kill-max S
#
# PostgreSQL: a throw-away cluster (bench/pg-cluster.sh) under $BENCH_PG_DIR (default
# /tmp/aap-faults-pg), port $BENCH_PG_PORT (default 55433), or a server given by BENCH_PG_HOST/…
# (then scenario 3 cannot restart it and says so).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/target/faults"
mkdir -p "$OUT"

PG_DEFAULT_PORT=55433
PG_DEFAULT_DIR=/tmp/aap-faults-pg
# shellcheck source=bench/pg-cluster.sh
source "$ROOT/bench/pg-cluster.sh"
# stopped by a signal: still run the EXIT trap (the cluster is stopped)
trap 'exit 143' INT TERM

if [ "${BENCH_SKIP_BUILD:-false}" != true ]; then
  mvn -B -ntp -q -DskipTests package
  mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/faults/classpath.txt
fi
# the harness's own classes only (not the test suite's Spring configurations)
rm -rf target/faults-classes && mkdir -p target/faults-classes/fr/pasdecalais/habitat
cp -r target/test-classes/fr/pasdecalais/habitat/bench target/faults-classes/fr/pasdecalais/habitat/
JAR=$(ls "$ROOT"/target/appels-a-projets-*.jar | grep -v original | head -1)
export FAULTS_JAR="$JAR"
CP="$ROOT/target/classes:$ROOT/target/faults-classes:$(cat target/faults/classpath.txt)"

java -Xms128m -Xmx768m -Duser.timezone=Europe/Paris -Dfile.encoding=UTF-8 -cp "$CP" \
  fr.pasdecalais.habitat.bench.faults.FaultsRunner --out "$OUT" "$@"
