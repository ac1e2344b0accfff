#!/usr/bin/env bash
# Issue 13: Debian's wapiti and sqlmap against the local app with a signed-in session. Not in the default suite (slow).
#
#   apt-get install -y wapiti sqlmap
#   ./mvnw -B package -DskipTests                                  # the packaged app (test profile: embedded MariaDB)
#   src/test/scripts/security-scan.sh                              # starts it on APP_PORT, scans, stops it
#
# Settings (environment): APP_PORT (8086; must be one of the realm's redirect ports 8080-8089, or Keycloak refuses the
# sign-in), KC_PORT (8180: the Keycloak with config/keycloak/investcrm-realm.json), DB_PORT (3326, the embedded
# MariaDB) or SCAN_DB_URL (a MariaDB/MySQL database of one's own, e.g. jdbc:mysql://127.0.0.1:3306/investcrm_scan?
# createDatabaseIfNotExist=true, for a loaded machine), SCAN_USER (manager1: sees every page), SCAN_SECONDS (wapiti's
# whole budget, 1200), ATTACK_SECONDS (per attack module, 90) and SCAN_PARTS ("wapiti sqlmap"; one of them to run it
# alone). An app already answering on APP_PORT is reused; sqlmap gets a fresh 5-minute token for each target.
# Output in target/security-scan: summary.txt (date, duration, load, requests, findings by level, verdict),
# wapiti.json, wapiti.log, requests.tsv (every wapiti request), sqlmap.log, sqlmap/, app.log.
# Fails (exit 1) on any wapiti finding of level medium or above, any 500 wapiti saw, any sqlmap injection, any 500
# in the app log, or any request that found the session gone (a redirect to the sign-in, or /logout).
#
# The crawl stays signed in and reaches the handlers behind the CSRF check (src/test/scripts/wapiti-browserlike.py):
# wapiti runs with its -x exclusion repaired (3.0.4 crashes on any -x under Python 3.11) so it keeps off /logout; the
# session cookies go into its cookie jar, so the refreshed session (quarkus.oidc.token.refresh-expired) and each new
# CSRF cookie replace the old ones as in a browser; each form is sent with the token of a fresh copy of its page (the
# app signs a new token with every page, so a token from the crawl is stale at attack time). wapiti's CSRF module
# still sends a wrong token ("wapiti") unchanged and checks that it is refused.
set -euo pipefail
cd "$(dirname "$0")/../../.."
APP_PORT=${APP_PORT:-8086}
KC_PORT=${KC_PORT:-8180}
DB_PORT=${DB_PORT:-3326}
SCAN_USER=${SCAN_USER:-manager1}
SCAN_SECONDS=${SCAN_SECONDS:-1200}
ATTACK_SECONDS=${ATTACK_SECONDS:-90}
SCAN_PARTS=${SCAN_PARTS:-wapiti sqlmap}
BASE="http://localhost:${APP_PORT}"
OUT=target/security-scan
mkdir -p "$OUT"
rm -f "$OUT/requests.tsv" "$OUT/wapiti.json"
START=$(date +%s)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
command -v wapiti >/dev/null && command -v sqlmap >/dev/null || { echo "apt-get install -y wapiti sqlmap"; exit 2; }
WAPITI_PYTHON=$(head -1 "$(command -v wapiti)" | sed 's/^#! *//')   # Debian's python3, which has wapitiCore

if ! curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null; then
  # SCAN_DB_URL: a MariaDB/MySQL of one's own instead of the embedded one (e.g. when the machine is too loaded for it)
  db=(-Dinvestcrm.embedded-db.port="$DB_PORT")
  [ -n "${SCAN_DB_URL:-}" ] && db=(-Dinvestcrm.embedded-db.enabled=false -Dquarkus.datasource.jdbc.url="$SCAN_DB_URL"
                                 -Dquarkus.datasource.username="${SCAN_DB_USER:-root}" -Dquarkus.datasource.password="${SCAN_DB_PASSWORD:-}")
  java -Dquarkus.profile=test -Dquarkus.http.port="$APP_PORT" "${db[@]}" \
       -Dquarkus.oidc.auth-server-url="http://localhost:${KC_PORT}/realms/investcrm" \
       -jar target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  trap 'kill $APP_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null && break; sleep 1; done
  curl -fsS -o /dev/null "$BASE/q/health/ready" || { echo "the app did not start; see $OUT/app.log"; exit 2; }
fi

# a signed-in page session: Keycloak's own login form, plus the demo TOTP for managers, approvers and admins
COOKIE=$(python3 - "$BASE" "$SCAN_USER" <<'PY'
import hashlib, hmac, html, re, struct, sys, time, requests
base, user = sys.argv[1], sys.argv[2]
s = requests.Session()
def relax():
    # Keycloak marks its cookies Secure; browsers send them to http://localhost, Python's cookie jar does not
    for c in s.cookies:
        c.secure = False
r = s.get(base + "/companies"); relax()
def post_form(page, fields):
    action = html.unescape(re.search(r'<form[^>]*action="([^"]+)"', page).group(1))
    res = s.post(action, data=fields); relax()
    return res
r = post_form(r.text, {"username": user, "password": user, "credentialId": ""})
def totp():
    h = hmac.new(b"investcrmDevOnlyTotp", struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    o = h[-1] & 15
    return "%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000)
for _ in range(3):  # a loaded machine can let a code age out between reading the clock and Keycloak checking it
    if 'id="otp"' not in r.text:
        break
    r = post_form(r.text, {"otp": totp()})
    if not r.url.startswith(base):
        time.sleep(2)
if not r.url.startswith(base):
    shown = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", r.text, flags=re.S)))
    sys.exit("sign-in failed at " + r.url + ": " + shown[:300])
s.get(base + "/companies/new")
print("; ".join(f"{c.name}={c.value}" for c in s.cookies if c.domain.startswith("localhost") and c.path == "/"
                and not c.name.startswith("KC_") and not c.name.startswith("AUTH_")))
PY
)
# a bearer token for the API (5 minutes: fetched again for each sqlmap target)
token() {
  curl -fsS -X POST "http://localhost:${KC_PORT}/realms/investcrm/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=investcrm-test -d client_secret=investcrm-test-secret-dev-only \
    -d username="$SCAN_USER" -d password="$SCAN_USER" -d totp="$(python3 -c '
import hashlib,hmac,struct,time
h=hmac.new(b"investcrmDevOnlyTotp",struct.pack(">Q",int(time.time())//30),hashlib.sha1).digest();o=h[-1]&15
print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))')" | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])'
}
TOKEN=$(token)

# some data to attack: a company with a contact
CID=$(curl -fsS -X POST "$BASE/api/companies" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"nameZh":"扫描测试企业'$RANDOM'","hqCountry":"CN","entityRole":"STANDALONE","industries":[]}' | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')

if [[ " $SCAN_PARTS " == *" wapiti "* ]]; then
  echo "wapiti: $BASE as $SCAN_USER for ${SCAN_SECONDS}s"
  SCAN_COOKIES="$COOKIE" SCAN_REQUEST_LOG="$OUT/requests.tsv" "$WAPITI_PYTHON" src/test/scripts/wapiti-browserlike.py -u "$BASE/" --scope folder -x "$BASE/logout*" \
    --max-scan-time "$SCAN_SECONDS" --max-attack-time "$ATTACK_SECONDS" \
    -s "$BASE/companies" -s "$BASE/companies/$CID" -s "$BASE/companies/$CID/edit" -s "$BASE/companies/new" \
    -s "$BASE/contacts/new?company=$CID" -s "$BASE/activities/new?company=$CID" -s "$BASE/pipeline" -s "$BASE/offers" \
    -s "$BASE/rankings" -s "$BASE/imports" -s "$BASE/plan" -s "$BASE/lang/en?return=/companies" \
    -m "sql,blindsql,xss,permanentxss,exec,file,crlf,redirect,xxe,ssrf,csrf" \
    -f json -o "$OUT/wapiti.json" --flush-session >"$OUT/wapiti.log" 2>&1 || true
fi

if [[ " $SCAN_PARTS " == *" sqlmap "* ]]; then
  echo "sqlmap: API parameters and path ids with a bearer token"
  : > "$OUT/sqlmap.log"
  rm -f "$OUT"/sqlmap-traffic-*.txt
  n=0
  for url in "$BASE/api/companies?q=test&page=0&size=20" "$BASE/api/companies/${CID}*" "$BASE/api/companies/${CID}*/duplicates" \
             "$BASE/api/prospects?stage=LEAD&page=0" "$BASE/api/rankings?q=test" "$BASE/api/zones/huaqiang-shangbu*/candidates?limit=5"; do
    n=$((n + 1))
    sqlmap -u "$url" --headers="Authorization: Bearer $(token)" --batch --level 2 --risk 1 --smart --flush-session \
      -t "$OUT/sqlmap-traffic-$n.txt" --output-dir="$OUT/sqlmap" >>"$OUT/sqlmap.log" 2>&1 || true
  done
  sqlmap -u "$BASE/api/companies/duplicate-check" --method POST --headers="Authorization: Bearer $(token)" \
    --data '{"nameZh":"测试*","creditCode":"x*"}' -H 'Content-Type: application/json' --batch --level 2 --risk 1 \
    -t "$OUT/sqlmap-traffic-post.txt" --flush-session --output-dir="$OUT/sqlmap" >>"$OUT/sqlmap.log" 2>&1 || true
fi

# verdict
END=$(date +%s)
python3 - "$OUT" "$START" "$END" "$LOAD_START" "$(cut -d' ' -f1-3 /proc/loadavg)" "$SCAN_PARTS" <<'PY' | tee "$OUT/summary.txt"
import collections, datetime, json, re, sys, pathlib
out, start, end, load_start, load_end = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
parts = sys.argv[6].split()
bad = []
w = json.loads((out / "wapiti.json").read_text()) if (out / "wapiti.json").exists() else {}
if not w and "wapiti" in parts:
    bad.append("wapiti wrote no report (see wapiti.log)")
levels = collections.Counter()
for kind, items in w.get("vulnerabilities", {}).items():
    for v in items:
        level = int(v.get("level", 0))
        levels[level] += 1
        if level >= 2:
            bad.append(f"wapiti {kind}: {v.get('method')} {v.get('path')} {v.get('parameter')} level {level}: {v.get('info')}")
anomalies = collections.Counter()
for kind, items in w.get("anomalies", {}).items():
    anomalies[kind] += len(items)
    if "Internal Server Error" in kind:
        for v in items:
            bad.append(f"wapiti saw a 500: {v.get('method')} {v.get('path')} {v.get('parameter')}")
requests = [l.split("\t") for l in (out / "requests.tsv").read_text().splitlines()] if (out / "requests.tsv").exists() else []
statuses = collections.Counter(r[2][0] + "xx" for r in requests)
signed_out = [r for r in requests if "/protocol/openid-connect/auth" in r[4] or "/logout" in r[3]]
if signed_out:
    bad.append(f"the crawl lost its session {len(signed_out)} times, first at {signed_out[0][3]} "
               f"({int(float(signed_out[0][0])) - start} s into the scan)")
log = (out / "sqlmap.log").read_text() if (out / "sqlmap.log").exists() else ""
sqlmap_requests = sum(len(re.findall(r"HTTP request \[#\d+\]", f.read_text(errors="replace"))) for f in out.glob("sqlmap-traffic-*.txt"))
if "sqlmap" in parts:
    for line in re.findall(r"\[(?:ERROR|CRITICAL)\] .*", log):
        if "do not appear to be injectable" not in line:
            bad.append("sqlmap could not test: " + line[:200])
    if sqlmap_requests == 0:
        bad.append("sqlmap sent no request")
for m in re.findall(r"Parameter: .*", log):
    bad.append("sqlmap " + m)
app = (out / "app.log").read_text() if (out / "app.log").exists() else ""
errors = len(re.findall(r"Unexpected failure, incident", app))
if errors:
    bad.append(f"{errors} answers of 500 in the app log")
names = {4: "critical", 3: "high", 2: "medium", 1: "low", 0: "info"}
print(f"date {datetime.datetime.fromtimestamp(start, datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {end - start} s, "
      f"load {load_start} at the start, {load_end} at the end")
print(f"wapiti: {len(requests)} requests ({', '.join(f'{k} {v}' for k, v in sorted(statuses.items()))}); findings by level: "
      + (", ".join(f"{names[k]} {levels[k]}" for k in sorted(levels, reverse=True)) or "none"))
print("wapiti anomalies: " + (", ".join(f"{k} {v}" for k, v in anomalies.items()) or "none"))
print(f"sqlmap: {sqlmap_requests} requests, {len(re.findall(r'Parameter: ', log))} injectable parameters")
print(f"app log: {errors} answers of 500")
print("verdict:", "FAIL" if bad else "PASS", f"({len(bad)} findings)")
for b in bad: print(" -", b)
sys.exit(1 if bad else 0)
PY
