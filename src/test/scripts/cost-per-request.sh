#!/usr/bin/env bash
# What each request kind of the mixed load (issue 14) costs the two cores: for each kind, wrk with 4 connections for
# $secs seconds against a running app, then the CPU time the app's JVM and the database server spent per request (from
# /proc, user + system), the machine's idle share, and wrk's latency line. The officers' kinds use an officer's token
# (u006, team as DistrictDataSet gives it), the managers' a manager's. Ids and name fragments are read from $DB.
# Needs: the app on $APP (default http://localhost:8083) with its JVM's pid in $APP_PID (default: the java process
# listening on the app's port), the database $DB (default investcrm_load) on the local MariaDB, Keycloak on :8180 with
# the load users (src/test/scripts/load-users.sh), wrk (apt-get install wrk).
# Usage: src/test/scripts/cost-per-request.sh [seconds per kind, default 15] [kind ...]
set -euo pipefail
cd "$(dirname "$0")/../../.."
app=${APP:-http://localhost:8083}
db=${DB:-investcrm_load}
secs=${1:-15}; shift || true
port=${app##*:}
pid=${APP_PID:-$(ss -ltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)}
dbpid=$(pgrep -o -x mariadbd || pgrep -o -x mysqld)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
token() {
  curl -sf -d "grant_type=password&client_id=investcrm-test&client_secret=investcrm-test-secret-dev-only&username=$1&password=load-pass-$1" \
    http://localhost:8180/realms/investcrm/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
officer=u006
team=$(python3 -c 'i=6%20; print("team-a" if i==0 else "team-b" if i==1 else "team-%02d" % (i+1))')
sql() { mysql -uroot -h127.0.0.1 -N "$db" -e "$1"; }
sql "SELECT c.id FROM company c LEFT JOIN prospect p ON p.company_id = c.id WHERE p.id IS NULL OR (p.confidential = FALSE AND (p.owner IS NULL OR p.team_code = '$team')) ORDER BY RAND() LIMIT 2000" > "$tmp/ids"
awk '{ print "GET /api/companies/" $1 }' "$tmp/ids" > "$tmp/detail"
awk '{ print "GET /api/companies/" $1 "/matches" }' "$tmp/ids" > "$tmp/matches"
sql "SELECT name_zh FROM company ORDER BY RAND() LIMIT 500" | python3 -c '
import sys, re, random, urllib.parse
for n in sys.stdin:
    n = re.sub("^(深圳市|深圳|广州市|上海|北京|杭州|香港)", "", n.strip())
    print("GET /api/companies?q=" + urllib.parse.quote(n[:random.randint(2, 4)]))' > "$tmp/search"
sql "SELECT name_en FROM company ORDER BY RAND() LIMIT 500" | awk '{ print "GET /api/companies?q=" $1 }' >> "$tmp/search"
echo "GET /api/prospects?page=0&size=20" > "$tmp/prospects"
for z in hetao xiangmihu futian-cbd huaqiang-shangbu meilin-caitian; do echo "GET /api/companies?industry=sci-tech&zone=$z"; done > "$tmp/filter"
echo "GET /api/offers?mine=true" > "$tmp/offers"
due=$(date -u -d '+7 days' +%F)
awk -v due="$due" '{ printf "POST /api/activities {\"kind\":\"VISIT\",\"companyIds\":[%s],\"place\":\"福田区投资推广署\",\"summary\":\"成本测量：拜访企业\",\"followUps\":[{\"title\":\"成本测量：跟进\",\"dueOn\":\"%s\"}]}\n", $1, due }' "$tmp/ids" > "$tmp/visit"
echo "GET /api/dashboard" > "$tmp/dashboard"
echo "GET /api/goals/progress" > "$tmp/goals"
officer_token=$(token "$officer"); manager_token=$(token load-manager-01)
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
idle() { awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
hz=$(getconf CLK_TCK)
kinds=${*:-search prospects filter offers detail visit matches dashboard goals}
echo "$(date -u '+%F %T UTC'), $app (pid $pid), database $db (pid $dbpid), load average $(cut -d' ' -f1-3 /proc/loadavg), $secs s per kind, 4 connections"
printf '%-10s %8s %10s %10s %7s  %s\n' kind req/s "app ms/req" "db ms/req" "idle %" "wrk"
for k in $kinds; do
  case $k in dashboard|goals) t=$manager_token ;; *) t=$officer_token ;; esac
  a0=$(cpu "$pid"); d0=$(cpu "$dbpid"); read -r i0 t0 < <(idle)
  line=$(WRK_PATHS="$tmp/$k" wrk -t2 -c4 -d"${secs}s" -s src/test/scripts/wrk-paths.lua -H "Authorization: Bearer $t" \
    -H "Accept: application/json" -H "Accept-Language: zh-CN" "$app" | tail -1)
  a1=$(cpu "$pid"); d1=$(cpu "$dbpid"); read -r i1 t1 < <(idle)
  n=$(echo "$line" | sed -E 's/^requests ([0-9]+).*/\1/')
  python3 -c "
n=max(1,$n); hz=$hz
print('%-10s %8.1f %10.2f %10.2f %7.1f  %s' % ('$k', n/$secs, ($a1-$a0)*1000/hz/n, ($d1-$d0)*1000/hz/n, 100*($i1-$i0)/max(1,$t1-$t0), '''$line'''))"
done
