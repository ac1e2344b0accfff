#!/usr/bin/env bash
# The managers' figures over HTTP under concurrent load (issue 10): the dashboard (target p95 <= 30 ms) and goal progress
# (target p95 <= 150 ms), with wrk's 8 connections (a C client: the JDK client of GoalsDashboardBenchmark spends as
# much of the two cores as the app it measures), first on unchanged data, then with a prospect committed twice a
# second so that every half second the figures are computed again (live figures).
# Needs: the app on $APP (default http://localhost:8083) connected to the district data set ($DB, default
# investcrm_load, MariaDB on 127.0.0.1:3306 as root), Keycloak on :8180 with the load users (src/test/scripts/
# load-users.sh), and wrk (apt-get install wrk).
# Usage: src/test/scripts/bench-figures.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/../../.."
app=${APP:-http://localhost:8083}
db=${DB:-investcrm_load}
secs=${1:-20}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
src/test/scripts/load-users.sh >/dev/null
token=$(curl -sf -d "grant_type=password&client_id=investcrm-test&client_secret=investcrm-test-secret-dev-only&username=load-manager-01&password=load-pass-load-manager-01" \
  http://localhost:8180/realms/investcrm/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
run() {
  printf '%-58s ' "$1"
  wrk -t2 -c8 -d"${secs}s" -s src/test/scripts/wrk-p95.lua -H "Authorization: Bearer $token" -H "Accept: application/json" "$app$2" | tail -1
}
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $secs s per run, 8 connections"
run "dashboard" /api/dashboard
run "dashboard, zone + team" "/api/dashboard?zone=futian-cbd&team=team-a"
run "goal progress" /api/goals/progress
run "goal progress, one target as of a day" "/api/goals/progress?asOf=2026-06-30&target=top-professional-firms-50"
# a committed change twice a second, so that the next request after each computes the figures again: a pursuit's last
# progress (the dashboard's traffic lights), then its expected landing (goal progress's forecast); pursuits 1001-1040
# of the data set are changed
writer() {
  for i in $(seq 1 $((secs * 2))); do
    mysql -uroot -h127.0.0.1 "$db" -e "UPDATE prospect SET $1 WHERE id = $((1000 + i))"
    sleep 0.5
  done
}
writer "last_progress_at = UTC_TIMESTAMP(6)" & w=$!
run "dashboard, 2 commits/s" /api/dashboard
wait $w
writer "expected_landing_date = DATE_ADD(CURDATE(), INTERVAL $RANDOM % 300 DAY)" & w=$!
run "goal progress, 2 commits/s" /api/goals/progress
wait $w
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
