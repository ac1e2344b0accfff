#!/usr/bin/env bash
# Start-to-ready time and RSS after the first request of the packaged production app (issue 2 targets: ≤ 2.5 s,
# ≤ 250 MB). Needs a MySQL-protocol server (default: the local MariaDB on 127.0.0.1:3306, root, empty password) and
# a Keycloak answering on :8180 with the investcrm realm (./mvnw verify leaves one in target/kc; this script starts
# it when none answers). Usage: src/test/scripts/measure-startup.sh [runs]   (build first:
# ./mvnw -Pproduction package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-5}
app=target/quarkus-app
[ -f "$app/quarkus-run.jar" ] || { echo "build first: ./mvnw -Pproduction package -DskipTests" >&2; exit 1; }
realm=http://localhost:8180/realms/investcrm
if ! curl -sf "$realm/.well-known/openid-configuration" >/dev/null; then
  kc=target/kc/keycloak-26.7.3
  mkdir -p "$kc/data/import" && cp config/keycloak/investcrm-realm.json "$kc/data/import/"
  # kc.sh reads JAVA_OPTS too: the app's flags (and its archive) must not reach Keycloak
  env -u JAVA_OPTS KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin nohup bash "$kc/bin/kc.sh" start-dev \
    --http-port=8180 --import-realm > target/keycloak-bench.log 2>&1 &
  kcpid=$!
  for _ in $(seq 1 180); do
    curl -sf "$realm/.well-known/openid-configuration" >/dev/null && break
    kill -0 $kcpid 2>/dev/null || { echo "Keycloak exited; see target/keycloak-bench.log" >&2; exit 1; }
    sleep 1
  done
  curl -sf "$realm/.well-known/openid-configuration" >/dev/null || { echo "Keycloak not ready after 180 s" >&2; exit 1; }
fi
export INVESTCRM_DB_URL=${INVESTCRM_DB_URL:-"jdbc:mysql://127.0.0.1:3306/investcrm_startup?createDatabaseIfNotExist=true&connectionTimeZone=UTC"}
export INVESTCRM_DB_USER=${INVESTCRM_DB_USER:-root} INVESTCRM_DB_PASSWORD=${INVESTCRM_DB_PASSWORD:-}
export INVESTCRM_OIDC_URL=$realm INVESTCRM_OIDC_CLIENT_ID=investcrm-app INVESTCRM_OIDC_SECRET=investcrm-dev-secret
export INVESTCRM_SESSION_SECRET=startup-measurement-secret-0123456789abcdef
export INVESTCRM_CSRF_SECRET=startup-measurement-csrf-key-0123456789abcdef
export INVESTCRM_OIDC_ORIGIN=http://localhost:8180 INVESTCRM_TRUSTED_PROXIES=127.0.0.1
# the dev realm's client secret and the local PII keys are committed values, which production refuses (issue 13):
# this measurement runs the production build against the dev realm, so it says so explicitly
export INVESTCRM_SECRETS_CHECK=false
export INVESTCRM_PII_KEY=bG9jYWwtb25seS1waWkta2V5LTAxMjM0NTY3ODkwMTI= INVESTCRM_PII_INDEX_KEY=XJ2UT4Lu25gr83sHvfeeOaVke4nVPdR5r0IxSwgwcC4=
export INVESTCRM_SMTP_HOST=localhost INVESTCRM_SMTP_PORT=2525 INVESTCRM_MAIL_FROM=bench@localhost INVESTCRM_LOG_JSON=false
# the JVM flags of deploy/Dockerfile.jvm; its heap is 25 % / 60 % of the 512 MiB container limit, here as -Xms/-Xmx.
# C1 only (TieredStopAtLevel=1): with C2 the start took 4.5 s of CPU instead of 2.5 s and 6.5-7.8 s to ready.
opts=${JAVA_OPTS:-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms128m -Xmx307m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MetaspaceSize=96m -XX:MaxMetaspaceSize=192m -XX:+ExitOnOutOfMemoryError"}
token=$(curl -sf -d grant_type=password -d client_id=investcrm-test -d client_secret=investcrm-test-secret-dev-only \
  -d username=officer1 -d password=officer1 "$realm/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
wait_ready() { # pid: polls readiness every 20 ms; fails when the JVM exits first
  until curl -sf http://localhost:8099/q/health/ready >/dev/null 2>&1; do
    kill -0 "$1" 2>/dev/null || { echo "app exited; see target/startup-*.log" >&2; exit 1; }
    sleep 0.02
  done
}
# The class-data archive the container image ships (JDK 17 dynamic archive), made the same way: deploy/train-cds.sh
# starts the app once with nothing reachable and archives every class it loaded up to its first database connection
# (Quarkus' own app-cds.jsa stops after static init). It is made again when a jar of the app is newer; it is only valid
# for this JVM and this absolute path of the jar, so every run starts the jar by that path. SKIP_TRAINING=1: without it.
app=$(cd "$app" && pwd)
if [ -z "${SKIP_TRAINING:-}" ]; then
  if [ ! -f "$app/investcrm-cds.jsa" ] || [ -n "$(find "$app" -name '*.jar' -newer "$app/investcrm-cds.jsa" | head -1)" ]; then
    deploy/train-cds.sh "$app" >/dev/null
  fi
  # -Xshare:on: a run that cannot map the archive fails instead of silently measuring without it
  opts="$opts -XX:SharedArchiveFile=$app/investcrm-cds.jsa -Xshare:on"
fi
printf 'run\tready_ms\trss_mb_after_first_request\n'
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  java $opts -Dquarkus.http.port=8099 -jar "$app/quarkus-run.jar" > target/startup-run.log 2>&1 &
  pid=$!
  wait_ready $pid
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  curl -sf -H "Authorization: Bearer $token" http://localhost:8099/api/companies >/dev/null
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
  printf '%s\t%s\t%s\n' "$i" "$ready" "$rss"
  kill $pid; wait $pid 2>/dev/null || true
done
