#!/usr/bin/env bash
# The mixed load test of issue 14 against the packaged production app, end to end, see docs/benchmarks.md §2.
# Needs: a MySQL-protocol server with a database loaded by io.investcrm.bench.DistrictDataSet (default the local
# MariaDB on 127.0.0.1:3306, database LOAD_DB, default investcrm_load) and Keycloak with the investcrm realm on :8180.
# It builds the production package if target/quarkus-app is missing (LOAD_BUILD=1 builds it again), starts the app on
# LOAD_PORT (8087) in the prod profile with the image's JVM flags (deploy/Dockerfile.jvm, as measure-startup.sh) and
# every variable production start needs (fresh random secrets; the secrets check off only because the realm's client
# secret is a committed development value), adds the load users to the realm through Keycloak's admin API
# (load-users.sh; no restart), samples the app's RSS every 5 s, logs every statement's own time on the database
# server (slow query log with long_query_time=0 for the app's sessions only, 1 in LOAD_SQL_SAMPLE sampled; the
# server's slow log is switched on for the run and off afterwards), runs the Gatling simulation
# (./mvnw -Pload gatling:test), stops the app and prints: p50/p95/p99 and errors per request kind and overall, the RSS
# maximum, the load average before and after, and the statements' own times.
# Extra arguments go to Maven, e.g. -Dload.step=100 -Dload.steps=4 -Dload.levelSeconds=60.
# Usage: LOAD_DB=investcrm_load src/test/scripts/load-test.sh [-Dload.step=100 -Dload.steps=4 -Dload.levelSeconds=60]
set -euo pipefail
cd "$(dirname "$0")/../../.."
port=${LOAD_PORT:-8087}
db=${LOAD_DB:-investcrm_load}
sample=${LOAD_SQL_SAMPLE:-5}
realm=${LOAD_REALM:-http://localhost:8180/realms/investcrm}
mysql_cli=(mysql -uroot -h127.0.0.1 -P3306)
app=target/quarkus-app
out=target/load
mkdir -p "$out"
"${mysql_cli[@]}" -N -e "SELECT COUNT(*) FROM $db.company" >/dev/null || { echo "no database $db: load it with DistrictDataSet" >&2; exit 1; }
curl -sf "$realm/.well-known/openid-configuration" >/dev/null || { echo "no Keycloak realm at $realm" >&2; exit 1; }
if [ ! -f "$app/quarkus-run.jar" ] || [ "${LOAD_BUILD:-0}" = 1 ]; then
  ./mvnw -B -q -Pproduction package -DskipTests
fi
# the simulation is compiled with the load profile's class path (Gatling's Netty); the packaged app is not touched
./mvnw -B -q -Pload test-compile
src/test/scripts/load-users.sh "${realm%/realms/*}"   # the load test's own users (added once; the demo users are never used under load)
secret() { head -c 48 /dev/urandom | base64 | tr -d '/+=' | head -c 48; }
export INVESTCRM_DB_URL="jdbc:mysql://127.0.0.1:3306/$db?connectionTimeZone=UTC&sessionVariables=long_query_time=0,log_slow_rate_limit=$sample"
export INVESTCRM_DB_USER=root INVESTCRM_DB_PASSWORD=
export INVESTCRM_OIDC_URL=$realm INVESTCRM_OIDC_CLIENT_ID=investcrm-app INVESTCRM_OIDC_SECRET=investcrm-dev-secret
export INVESTCRM_OIDC_ORIGIN=${realm%/realms/*} INVESTCRM_TRUSTED_PROXIES=127.0.0.1
# the realm's client secret is the committed development one, which the production secrets check refuses
export INVESTCRM_SECRETS_CHECK=false _PROD_INVESTCRM_SECRETS_CHECK=false
export INVESTCRM_SESSION_SECRET="$(secret)" INVESTCRM_CSRF_SECRET="$(secret)"
export INVESTCRM_PII_KEY="$(head -c 32 /dev/urandom | base64)" INVESTCRM_PII_INDEX_KEY="$(head -c 32 /dev/urandom | base64)"
export INVESTCRM_OFFER_MAIL_APPROVER=approvers@load.investcrm.local INVESTCRM_OFFER_MAIL_MANAGER=managers@load.investcrm.local \
  INVESTCRM_OFFER_MAIL_ADMIN=admins@load.investcrm.local
export INVESTCRM_SMTP_HOST=localhost INVESTCRM_SMTP_PORT=2525 INVESTCRM_MAIL_FROM=bench@load.investcrm.local INVESTCRM_LOG_JSON=false
# no mail server under load: the mailer is mocked (an approval that reaches a second step mails the next role's
# mailbox inside the request, and a refused SMTP connection answers it 500)
export QUARKUS_MAILER_MOCK=true _PROD_QUARKUS_MAILER_MOCK=true
opts=${JAVA_OPTS:-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms128m -Xmx307m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MetaspaceSize=96m -XX:MaxMetaspaceSize=192m -XX:+ExitOnOutOfMemoryError"}
# shellcheck disable=SC2086
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
  kill -0 "$pid" 2>/dev/null || { echo "app exited; see $out/app.log" >&2; tail -20 "$out/app.log" >&2; exit 1; }
  sleep 0.5
done
echo "app ready on :$port (pid $pid)"
(while kill -0 "$pid" 2>/dev/null; do
  printf '%s\t%s\n' "$(date +%T)" "$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)"; sleep 5
done) > "$out/rss.tsv" &
rsspid=$!
start=$(stat -c %s "$slowlog" 2>/dev/null || echo 0)
"${mysql_cli[@]}" -e "SET GLOBAL slow_query_log = ON"
before=$(cut -d' ' -f1-3 /proc/loadavg)
# the CPU the app's JVM, the database server and the whole machine spend during the load (clock ticks, user + system)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
dbpid=$(pgrep -o -x mariadbd || pgrep -o -x mysqld || echo "")
realm_port=$(echo "$realm" | sed -E 's#^[a-z]+://[^/:]+:?([0-9]*).*#\1#')
kcpid=$(ss -ltnp "sport = :${realm_port:-8180}" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
kc() { if [ -n "$kcpid" ] && [ -e "/proc/$kcpid/stat" ]; then ticks "$kcpid"; else echo 0; fi; }
# the CPU of this shell's finished children (Maven and the Gatling JVM it waits for), in seconds: `times` in this shell
# (a command substitution would be another process), its second line
children() { tail -1 "$1" | python3 -c 'import re,sys; print(sum(float(m) * 60 + float(s) for m, s in re.findall(r"(\d+)m([\d.]+)s", sys.stdin.read())))'; }
times > "$out/times.before"
app0=$(ticks "$pid"); db0=$([ -n "$dbpid" ] && ticks "$dbpid" || echo 0); kc0=$(kc); all0=$(busy); t0=$(date +%s)
rc=0
./mvnw -B -Pload gatling:test -Dload.baseUrl="http://localhost:$port" -Dload.realm="$realm" \
  -Dload.db="jdbc:mysql://127.0.0.1:3306/$db?connectionTimeZone=UTC&user=root&password=" "$@" > "$out/gatling.log" 2>&1 || rc=$?
after=$(cut -d' ' -f1-3 /proc/loadavg)
times > "$out/times.after"
app1=$(ticks "$pid"); db1=$([ -n "$dbpid" ] && ticks "$dbpid" || echo 0); kc1=$(kc); all1=$(busy); t1=$(date +%s)
ch0=$(children "$out/times.before"); ch1=$(children "$out/times.after")
"${mysql_cli[@]}" -e "SET GLOBAL slow_query_log = OFF"
tail -c +"$((start + 1))" "$slowlog" > "$out/slow.log" 2>/dev/null || true
python3 src/test/scripts/sql-times.py "$out/slow.log" "$db" > "$out/sql-times.txt" || true
report=$(ls -dt target/gatling/*/ 2>/dev/null | head -1)
{
  echo "database $db, app :$port, $(date -u '+%F %T UTC'), load average before $before, after $after"
  grep -E "^Global: |BUILD (SUCCESS|FAILURE)" "$out/gatling.log" || true
  [ -n "$report" ] && python3 src/test/scripts/gatling-table.py "$report"
  echo "RSS (MB) max: $(cut -f2 "$out/rss.tsv" | sort -n | tail -1)"
  # what a request of the mix cost: the CPU of the run divided by the app's requests (every row but Keycloak's token
  # requests), by process: the app, the database server, the load generator (Maven and its Gatling JVM, with the
  # simulation's compile, its reading of ids and its report), Keycloak, and whatever else ran on the machine
  if [ -n "$report" ]; then
    python3 src/test/scripts/gatling-table.py "$report" | python3 -c "
import sys
n = max(1, sum(int(r.split('|')[2].strip()) for r in sys.stdin.read().splitlines()[3:]
               if r.startswith('|') and not r.startswith('| token')))
hz, secs = $(getconf CLK_TCK), max(1, $t1 - $t0)
app, db, kc, all = ($app1 - $app0) / hz, ($db1 - $db0) / hz, ($kc1 - $kc0) / hz, ($all1 - $all0) / hz
gen = $ch1 - $ch0
other = all - app - db - kc - gen
print('CPU of the run (%d s wall, %d app requests, %d core-seconds available), in s and in ms per app request:' % (secs, n, $(nproc) * secs))
for name, v in (('app', app), ('database', db), ('load generator (Maven + Gatling)', gen), ('Keycloak', kc), ('other', other)):
    print('  %-34s %7.0f s  %6.2f ms' % (name, v, v * 1000 / n))" || true
  fi
  echo "SQL times (each statement's own, ms): $out/sql-times.txt; Gatling report: $report; app log: $out/app.log"
} | tee "$out/summary.md"
exit $rc
