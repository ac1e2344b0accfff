#!/usr/bin/env bash
# The mixed load test of issue 14 against the packaged production app, see docs/benchmarks.md.
# Needs: a MySQL-protocol server with a database loaded by io.investcrm.bench.DistrictDataSet (default the local
# MariaDB on 127.0.0.1:3306, database investcrm_load), Keycloak with the investcrm realm on :8180, and the build
# (./mvnw -Pproduction package -DskipTests). Starts the app on LOAD_PORT (8087) with the image's JVM flags
# (deploy/Dockerfile.jvm, as in measure-startup.sh), adds the load users to the realm (load-users.sh), samples its RSS every 5 s, logs every statement's own time on the
# database server (slow query log with long_query_time=0 for the app's sessions only, 1 in LOAD_SQL_SAMPLE sampled;
# the server's slow log is switched on for the run and off afterwards), runs the Gatling simulation
# (./mvnw -Pload gatling:test) and stops the app. Extra arguments go to Maven, e.g. -Dload.step=100 -Dload.steps=4.
# Usage: src/test/scripts/load-test.sh [-Dload.step=100 -Dload.steps=4 -Dload.levelSeconds=60]
set -euo pipefail
cd "$(dirname "$0")/../../.."
port=${LOAD_PORT:-8087}
db=${LOAD_DB:-investcrm_load}
sample=${LOAD_SQL_SAMPLE:-5}
mysql_cli=(mysql -uroot -h127.0.0.1 -P3306)
app=target/quarkus-app
out=target/load
mkdir -p "$out"
[ -f "$app/quarkus-run.jar" ] || { echo "build first: ./mvnw -Pproduction package -DskipTests" >&2; exit 1; }
realm=http://localhost:8180/realms/investcrm
curl -sf "$realm/.well-known/openid-configuration" >/dev/null || { echo "no Keycloak on :8180" >&2; exit 1; }
src/test/scripts/load-users.sh   # the load test's own users (added once; the demo users are never used under load)
export INVESTCRM_DB_URL="jdbc:mysql://127.0.0.1:3306/$db?connectionTimeZone=UTC&sessionVariables=long_query_time=0,log_slow_rate_limit=$sample"
export INVESTCRM_DB_USER=root INVESTCRM_DB_PASSWORD=
export INVESTCRM_OIDC_URL=$realm INVESTCRM_OIDC_CLIENT_ID=investcrm-app INVESTCRM_OIDC_SECRET=investcrm-dev-secret
export INVESTCRM_SESSION_SECRET=load-test-secret-0123456789abcdef-0123
export INVESTCRM_PII_KEY=bG9jYWwtb25seS1waWkta2V5LTAxMjM0NTY3ODkwMTI= INVESTCRM_PII_INDEX_KEY=XJ2UT4Lu25gr83sHvfeeOaVke4nVPdR5r0IxSwgwcC4=
export INVESTCRM_SMTP_HOST=localhost INVESTCRM_SMTP_PORT=2525 INVESTCRM_MAIL_FROM=bench@localhost INVESTCRM_LOG_JSON=false
opts=${JAVA_OPTS:-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms128m -Xmx307m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MetaspaceSize=96m -XX:MaxMetaspaceSize=192m -XX:+ExitOnOutOfMemoryError"}
java $opts -Dquarkus.http.port="$port" -jar "$app/quarkus-run.jar" > "$out/app.log" 2>&1 &
pid=$!
slowlog=$("${mysql_cli[@]}" -N -e "SELECT @@datadir, @@slow_query_log_file" | awk '{ print ($2 ~ /^\//) ? $2 : $1 $2 }')
cleanup() {
  "${mysql_cli[@]}" -e "SET GLOBAL slow_query_log = OFF" || true
  kill "$pid" 2>/dev/null || true
  kill "${rsspid:-0}" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
trap cleanup EXIT
until curl -sf "http://localhost:$port/q/health/ready" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { echo "app exited; see $out/app.log" >&2; exit 1; }
  sleep 0.5
done
echo "app ready on :$port (pid $pid)"
(while kill -0 "$pid" 2>/dev/null; do
  printf '%s\t%s\n' "$(date +%T)" "$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)"; sleep 5
done) > "$out/rss.tsv" &
rsspid=$!
start=$(stat -c %s "$slowlog" 2>/dev/null || echo 0)
"${mysql_cli[@]}" -e "SET GLOBAL slow_query_log = ON"
uptime > "$out/uptime-before.txt"
rc=0
./mvnw -B -Pload gatling:test -Dload.baseUrl="http://localhost:$port" \
  -Dload.db="jdbc:mysql://127.0.0.1:3306/$db?connectionTimeZone=UTC&user=root&password=" "$@" | tee "$out/gatling.log" || rc=$?
uptime > "$out/uptime-after.txt"
"${mysql_cli[@]}" -e "SET GLOBAL slow_query_log = OFF"
tail -c +"$((start + 1))" "$slowlog" > "$out/slow.log"
python3 src/test/scripts/sql-times.py "$out/slow.log" "$db" > "$out/sql-times.txt" || true
echo "RSS (MB) max: $(cut -f2 "$out/rss.tsv" | sort -n | tail -1); SQL times: $out/sql-times.txt; report: target/gatling/"
exit $rc
