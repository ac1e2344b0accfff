#!/usr/bin/env bash
# Sourced by the benchmark scripts (bench-matching.sh, bench-picker.sh): starts the packaged production app
# (target/quarkus-app, build it with ./mvnw -Pproduction package -DskipTests) on a database of the local MariaDB
# (127.0.0.1:3306, root, empty password) with the container's JVM flags and every variable production start needs:
# fresh random secrets, the secrets check off only because the realm's client secret is the committed development one.
# Usage: source src/test/scripts/bench-app.sh; start_bench_app <database> <port> <log file>   (sets $app_pid; the
# app is stopped when the sourcing script exits)
bench_realm=${BENCH_REALM:-http://localhost:8180/realms/investcrm}

start_bench_app() {
  local db=$1 port=$2 log=$3
  [ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -Pproduction package -DskipTests" >&2; exit 1; }
  curl -sf "$bench_realm/.well-known/openid-configuration" >/dev/null || { echo "no Keycloak realm at $bench_realm" >&2; exit 1; }
  secret() { head -c 48 /dev/urandom | base64 | tr -d '/+=' | head -c 48; }
  (
    export INVESTCRM_DB_URL="jdbc:mysql://127.0.0.1:3306/$db?connectionTimeZone=UTC"
    export INVESTCRM_DB_USER=root INVESTCRM_DB_PASSWORD=
    export INVESTCRM_OIDC_URL=$bench_realm INVESTCRM_OIDC_CLIENT_ID=investcrm-app INVESTCRM_OIDC_SECRET=investcrm-dev-secret
    export INVESTCRM_OIDC_ORIGIN=${bench_realm%/realms/*} INVESTCRM_TRUSTED_PROXIES=127.0.0.1
    export INVESTCRM_SECRETS_CHECK=false
    export INVESTCRM_SESSION_SECRET="$(secret)" INVESTCRM_CSRF_SECRET="$(secret)"
    export INVESTCRM_PII_KEY="$(head -c 32 /dev/urandom | base64)" INVESTCRM_PII_INDEX_KEY="$(head -c 32 /dev/urandom | base64)"
    export INVESTCRM_OFFER_MAIL_APPROVER=approvers@localhost INVESTCRM_OFFER_MAIL_MANAGER=managers@localhost \
      INVESTCRM_OFFER_MAIL_ADMIN=admins@localhost
    export INVESTCRM_SMTP_HOST=localhost INVESTCRM_SMTP_PORT=2525 INVESTCRM_MAIL_FROM=bench@localhost INVESTCRM_LOG_JSON=false
    # no mail server here: mocked as in load-test.sh (else the outbox retries every queued mail each minute, and that
    # work lands in what the benchmark measures)
    export QUARKUS_MAILER_MOCK=true _PROD_QUARKUS_MAILER_MOCK=true
    # benchmarks time requests, not the per-user rate limit of the scoring endpoints (issue 13)
    export INVESTCRM_RATE_LIMIT_SCORING_PER_MINUTE=1000000 QUARKUS_FLYWAY_OUT_OF_ORDER=true
    # BENCH_JAVA_OPTS replaces the image's flags (e.g. without -XX:TieredStopAtLevel=1 to compare the C2 compiler)
    # shellcheck disable=SC2086
    exec java ${BENCH_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms128m -Xmx307m} -Dquarkus.http.port="$port" \
      -jar target/quarkus-app/quarkus-run.jar
  ) > "$log" 2>&1 &
  app_pid=$!
  trap 'kill $app_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 240); do
    curl -sf "http://localhost:$port/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 $app_pid 2>/dev/null || { echo "app exited; see $log" >&2; exit 1; }
    sleep 0.5
  done
  echo "app not ready after 120 s; see $log" >&2
  exit 1
}
