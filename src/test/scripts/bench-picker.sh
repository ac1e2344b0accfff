#!/usr/bin/env bash
# The company pickers' type-ahead over HTTP at 100 000 firms (issue 15 target: ≤ 100 ms an answer). Starts the packaged
# production app on the register CompanySearchBenchmark loaded into its own database on the local MariaDB
# (127.0.0.1:3306, root, empty password), with the container's JVM flags, and runs bench/PickerHttpBenchmark against it
# with a manager's and an officer's token from the Keycloak on :8180.
# First:  ./mvnw -q test-compile exec:java -Dexec.mainClass=io.investcrm.bench.CompanySearchBenchmark \
#           -Dexec.classpathScope=test -Dbench.db=investcrm_picker        (loads 100 000 firms, once)
#         ./mvnw -Pproduction package -DskipTests
# Usage:  src/test/scripts/bench-picker.sh [firms to type, default 60]
set -euo pipefail
cd "$(dirname "$0")/../../.."
db=${BENCH_DB:-investcrm_picker}
port=${BENCH_PORT:-18089}
realm=http://localhost:8180/realms/investcrm
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -Pproduction package -DskipTests" >&2; exit 1; }
curl -sf "$realm/.well-known/openid-configuration" >/dev/null || { echo "no Keycloak on :8180" >&2; exit 1; }
export INVESTCRM_DB_URL="jdbc:mysql://127.0.0.1:3306/$db?connectionTimeZone=UTC"
export INVESTCRM_DB_USER=root INVESTCRM_DB_PASSWORD=
export INVESTCRM_OIDC_URL=$realm INVESTCRM_OIDC_CLIENT_ID=investcrm-app INVESTCRM_OIDC_SECRET=investcrm-dev-secret
export INVESTCRM_SESSION_SECRET=picker-benchmark-secret-0123456789abcdef
export INVESTCRM_PII_KEY=bG9jYWwtb25seS1waWkta2V5LTAxMjM0NTY3ODkwMTI= INVESTCRM_PII_INDEX_KEY=XJ2UT4Lu25gr83sHvfeeOaVke4nVPdR5r0IxSwgwcC4=
export INVESTCRM_SMTP_HOST=localhost INVESTCRM_SMTP_PORT=2525 INVESTCRM_MAIL_FROM=bench@localhost INVESTCRM_LOG_JSON=false
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms128m -Xmx307m -Dquarkus.http.port="$port" \
  -jar target/quarkus-app/quarkus-run.jar > target/bench-picker-app.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { echo "app exited; see target/bench-picker-app.log" >&2; exit 1; }
  sleep 0.5
done
token() {
  curl -sf -d grant_type=password -d client_id=investcrm-app -d client_secret=investcrm-dev-secret \
    -d username="$1" -d password="$1" "$realm/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
manager=$(token manager1)
officer=$(token officer1)
# the first request of a user makes them known to the directory (team, for the officer's visibility rule)
curl -sf -H "Authorization: Bearer $officer" "http://localhost:$port/api/notifications" >/dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q exec:java -Dexec.mainClass=io.investcrm.bench.PickerHttpBenchmark -Dexec.classpathScope=test \
  -Dbench.manager.token="$manager" -Dbench.officer.token="$officer" \
  -Dexec.args="http://localhost:$port jdbc:mysql://127.0.0.1:3306/$db root - ${1:-60}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
