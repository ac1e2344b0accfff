#!/usr/bin/env bash
# The reverse views of matching over HTTP at 100 000 firms (issue 12 targets: zone and section candidates p95 ≤ 100 ms,
# gap view p95 ≤ 150 ms, a company's own matches ≤ 20 ms). Copies the district data set's register (companies,
# industries, prospects, ranking lists, users, teams; not activities or search terms) from investcrm_load into its own
# database, starts the packaged production app on it with the container's JVM flags (Flyway brings it to the current
# schema; the first start rebuilds the stored scores in the background), waits until company_match_state says READY,
# and runs bench/MatchingHttpBenchmark with an officer's and a manager's token from the Keycloak on :8180.
# First:  the district data set in investcrm_load (bench/DistrictDataSet), then ./mvnw -Pproduction package -DskipTests
# Usage:  src/test/scripts/bench-matching.sh [requests per kind, default 200]   (BENCH_DB, BENCH_PORT, BENCH_COPY=no)
set -euo pipefail
cd "$(dirname "$0")/../../.."
db=${BENCH_DB:-investcrm_match_bench}
port=${BENCH_PORT:-18087}
realm=http://localhost:8180/realms/investcrm
m="mysql -h127.0.0.1 -uroot"
curl -sf "$realm/.well-known/openid-configuration" >/dev/null || { echo "no Keycloak on :8180" >&2; exit 1; }
if [ "${BENCH_COPY:-yes}" = yes ]; then
  $m -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  for t in $($m -N -e "SELECT table_name FROM information_schema.tables WHERE table_schema = 'investcrm_load'"); do
    $m -e "CREATE TABLE $db.$t LIKE investcrm_load.$t"
    case $t in
      company_name_gram|activity|activity_*|follow_up|audit_*|company_match*) ;;
      *) $m -e "SET foreign_key_checks = 0; INSERT INTO $db.$t SELECT * FROM investcrm_load.$t" ;;
    esac
  done
  $m -e "ANALYZE TABLE $db.company, $db.company_industry, $db.prospect, $db.ranking_entry" >/dev/null
fi
source src/test/scripts/bench-app.sh
start_bench_app "$db" "$port" target/bench-matching-app.log
pid=$app_pid
started=$(date +%s)
until [ "$($m -N -e "SELECT state FROM $db.company_match_state" 2>/dev/null)" = READY ]; do
  kill -0 $pid 2>/dev/null || { echo "app exited; see target/bench-matching-app.log" >&2; exit 1; }
  sleep 5
done
echo "stored scores ready after $(( $(date +%s) - started )) s"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q exec:java -Dexec.mainClass=io.investcrm.bench.MatchingHttpBenchmark -Dexec.classpathScope=test \
  -Dexec.args="http://localhost:$port $realm ${1:-200} 100000"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
