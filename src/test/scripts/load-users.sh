#!/usr/bin/env bash
# Adds the load test's users to the investcrm realm through Keycloak's admin REST API (issue 14), never changing an
# existing user's roles or the realm's settings: the data set's officers u006…u105 (attribute team as
# DistrictDataSet gives them: team of u<i> is team number i mod 20), ten managers load-manager-01…10 (team-a) and five
# approvers load-approver-1…5. The realm protects against brute force: one user logging in again within a second
# counts as an attack, so the load test spreads its logins over many users instead of the six demo users. Every load
# user's password is load-pass-<username> (the realm's policy wants 12 characters, not the username); a load user of
# an earlier run gets that password again. Tokens are taken through the DEV-ONLY client investcrm-test (the app's
# client allows no password grant). Nothing is restarted; the users stay until deleted (they are load-*, u006…u105).
# Usage: src/test/scripts/load-users.sh [keycloak base URL, default http://localhost:8180]
set -euo pipefail
kc=${1:-http://localhost:8180}
token() { # admin tokens live a minute: a fresh one for every user
  admin=$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$kc/realms/master/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
}
api="$kc/admin/realms/investcrm"
team_of() { # the team code DistrictDataSet gives user number $1 (20 teams)
  local t=$(( $1 % 20 ))
  case $t in 0) echo team-a ;; 1) echo team-b ;; *) printf 'team-%02d' $((t + 1)) ;; esac
}
add() { # username role team; a user of an earlier run (409) only gets its role again (the run may have stopped before)
  token
  local body
  body=$(python3 -c 'import json,sys; u,t=sys.argv[1],sys.argv[2]; print(json.dumps({"username":u,"enabled":True,
    "email":u+"@load.investcrm.local","emailVerified":True,"firstName":u,"lastName":"Load",
    "attributes":({"team":[t]} if t else {}),"credentials":[{"type":"password","value":"load-pass-"+u,"temporary":False}]}))' "$1" "${3:-}")
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "$body" "$api/users")
  [ "$code" = 201 ] || [ "$code" = 409 ] || { echo "adding $1: HTTP $code" >&2; return 1; }
  local id role
  id=$(curl -sf -H "Authorization: Bearer $admin" "$api/users?exact=true&username=$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  if [ "$code" = 409 ]; then # the password of an earlier run may differ; the same one again is refused by the history rule
    curl -s -o /dev/null -X PUT -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
      -d "{\"type\":\"password\",\"value\":\"load-pass-$1\",\"temporary\":false}" "$api/users/$id/reset-password" || true
  fi
  role=$(curl -sf -H "Authorization: Bearer $admin" "$api/roles/$2")
  curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d "[$role]" \
    "$api/users/$id/role-mappings/realm" >/dev/null
}
case "$(curl -s -o /dev/null -w '%{http_code}' "$kc/realms/investcrm/protocol/openid-connect/token" -d grant_type=password \
  -d client_id=investcrm-test -d client_secret=investcrm-test-secret-dev-only -d username=load-approver-5 -d password=load-pass-load-approver-5)" in
  200) echo "load users already present"; exit 0 ;;
esac
for i in $(seq 6 105); do add "$(printf 'u%03d' "$i")" officer "$(team_of "$i")"; done
for i in $(seq -w 1 10); do add "load-manager-$i" manager team-a; done
for i in $(seq 1 5); do add "load-approver-$i" approver; done
echo "load users present in $api"
