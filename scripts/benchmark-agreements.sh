#!/usr/bin/env bash
# Response times of the agreement list with a large synthetic register (not a test; prints a table).
#
# Usage: scripts/benchmark-agreements.sh [N]        N requests per URL and size (default 50)
#
# What it does:
#   * sets up the environment with scripts/bootstrap.sh (database cluster running)
#   * creates a scratch database samarbeidsavtaler_bench (dropped again at the end)
#   * builds the app (Release) and runs it on a free port on 127.0.0.1, Development with demo data
#   * generate-agreements: 10 000 synthetic agreements; logs in as saksbehandler@demo.local with curl
#   * times N requests each of a search and a filter on the list page: median and p95 in ms
#   * adds 90 000 more (100 000 in all) and times them again
#
# Environment:
#   SA_BENCH_SEARCH_URL   default /avtaler?q=revmatologi (a word in the synthetic titles)
#   SA_BENCH_FILTER_URL   default /avtaler?type=OperatingAgreement&status=Active
#   SA_BENCH_EXTRA_URLS   more paths to time, space-separated (e.g. "/frister?dager=365 /dekning")
#   SA_BENCH_SKIP_BOOTSTRAP=1  use an already running cluster: only read bootstrap.sh's settings
#   SA_BENCH_SKIP_BUILD=1      use the existing Release build
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

N="${1:-50}"
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [N]  (N: requests per URL, a positive number)" >&2; exit 2; }
SEARCH_URL="${SA_BENCH_SEARCH_URL:-/avtaler?q=revmatologi}"
FILTER_URL="${SA_BENCH_FILTER_URL:-/avtaler?type=OperatingAgreement&status=Active}"
read -r -a EXTRA_URLS <<<"${SA_BENCH_EXTRA_URLS:-}"
BENCH_DB=samarbeidsavtaler_bench

if [[ "${SA_BENCH_SKIP_BOOTSTRAP:-}" == 1 ]]; then
  # shellcheck source=scripts/bootstrap.sh
  SA_BOOTSTRAP_LIB_ONLY=1 source scripts/bootstrap.sh
  sa_export_env
else
  # shellcheck source=scripts/bootstrap.sh
  source scripts/bootstrap.sh
fi

export PGPASSWORD="$SA_DB_PASSWORD"
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SA_PG_PORT" -U "$SA_DB_USER" -d postgres "$@"; }

WORK="$(mktemp -d)"
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  psql_admin -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "==> scratch database $BENCH_DB"
psql_admin -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [[ "${SA_BENCH_SKIP_BUILD:-}" != 1 ]]; then
  echo "==> dotnet build (Release)"
  dotnet build tools/SamarbeidsAvtaler.DevTools -c Release -v q -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
fi
DLL="$PWD/src/SamarbeidsAvtaler.Web/bin/Release/net10.0/SamarbeidsAvtaler.Web.dll"
[[ -f "$DLL" ]] || { echo "no build at $DLL" >&2; exit 1; }
# generate-agreements is a developer tool, outside the product (tools/SamarbeidsAvtaler.DevTools).
TOOLS="$PWD/tools/SamarbeidsAvtaler.DevTools/bin/Release/net10.0/SamarbeidsAvtaler.DevTools.dll"
[[ -f "$TOOLS" ]] || { echo "no build at $TOOLS" >&2; exit 1; }

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"
export ASPNETCORE_ENVIRONMENT=Development Demo__Seed=true ASPNETCORE_URLS="$BASE"
export ConnectionStrings__Default="Host=127.0.0.1;Port=$SA_PG_PORT;Database=$BENCH_DB;Username=$SA_DB_USER;Password=$SA_DB_PASSWORD"
# Request logging would be part of what we measure; warnings only.
export Serilog__MinimumLevel__Default=Warning

echo "==> app on $BASE"
(cd src/SamarbeidsAvtaler.Web && exec dotnet "$DLL") >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; echo "the app stopped" >&2; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null "$BASE/health/ready" || { cat "$WORK/app.log" >&2; echo "the app did not become ready" >&2; exit 1; }

generate() {
  echo "==> generate-agreements --count $1"
  (cd src/SamarbeidsAvtaler.Web && dotnet "$TOOLS" generate-agreements --count "$1") | tail -n 1
}

JAR="$WORK/cookies"
login() {
  local page token status
  page="$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/logg-inn")"
  token="$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$page" | head -n 1 | sed 's/.*value="//; s/"$//')"
  [[ -n "$token" ]] || { echo "no antiforgery token on /logg-inn" >&2; exit 1; }
  status="$(curl -sS -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" \
    --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Email=saksbehandler@demo.local" --data-urlencode "Input.Password=Demo!Passord2026" \
    "$BASE/logg-inn")"
  [[ "$status" == 302 ]] || { echo "log-in failed (HTTP $status)" >&2; exit 1; }
}

# Times N requests of one URL; prints "median p95" in ms. A status other than 200 stops the run.
measure() {
  local url="$1" times="$WORK/times" line code
  : >"$times"
  for _ in 1 2 3; do curl -sS -o /dev/null -b "$JAR" "$BASE$url"; done # warm-up
  for _ in $(seq 1 "$N"); do
    line="$(curl -sS -o /dev/null -b "$JAR" -w '%{http_code} %{time_total}' "$BASE$url")"
    code="${line%% *}"
    [[ "$code" == 200 ]] || { echo "GET $url gave HTTP $code" >&2; exit 1; }
    echo "${line#* }" >>"$times"
  done
  python3 - "$times" <<'PY'
import math, sys
values = sorted(float(v) * 1000 for v in open(sys.argv[1]) if v.strip())
def pct(p):
    # nearest rank
    return values[max(0, math.ceil(p / 100 * len(values)) - 1)]
print(f"{pct(50):.1f} {pct(95):.1f}")
PY
}

RESULTS="$WORK/results"
: >"$RESULTS"
run_round() {
  local size="$1" url result median p95
  for url in "$SEARCH_URL" "$FILTER_URL" "${EXTRA_URLS[@]}"; do
    result="$(measure "$url")" # a failed request stops the run here (set -e)
    read -r median p95 <<<"$result"
    printf '%s\t%s\t%s %s\n' "$size" "$url" "$median" "$p95" >>"$RESULTS"
    printf '    %-9s %-55s median %7s ms  p95 %7s ms\n' "$size" "$url" "$median" "$p95"
  done
}

generate 10000
login
echo "==> timing $N requests per URL with 10 000 synthetic agreements"
run_round "10 000"

generate 90000
echo "==> timing $N requests per URL with 100 000 synthetic agreements"
run_round "100 000"

echo
echo "Agreements  URL                                                      median ms    p95 ms"
echo "----------  -------------------------------------------------------  ---------  --------"
while IFS=$'\t' read -r size url result; do
  read -r median p95 <<<"$result"
  printf '%-10s  %-55s  %9s  %8s\n' "$size" "$url" "$median" "$p95"
done <"$RESULTS"
echo
echo "($N requests each after 3 warm-up requests; one client, one request at a time; demo data included.)"
