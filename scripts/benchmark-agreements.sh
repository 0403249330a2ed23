#!/usr/bin/env bash
# Speed of the agreement list with a large synthetic register (issue 7 § 8; not a test: prints figures, asserts nothing).
#
# Usage: scripts/benchmark-agreements.sh [N]        N timed searches per term in the search benchmark (default 50)
#        scripts/benchmark-agreements.sh --circuits [C]
#                                                  memory per idle circuit only, cheaply: the demo data alone (no
#                                                  generated register, no search or keystroke runs), C idle circuits
#                                                  (default 100) on /, /avtaler and one agreement's page, with RSS
#                                                  and managed heap after a forced full GC (benchmark-circuits)
#
# What it does:
#   * sets up the environment with scripts/bootstrap.sh --chromium (database cluster running, Chromium installed)
#   * creates a scratch database samarbeidsavtaler_bench_<pid> (dropped again at the end)
#   * builds the app and the developer tools (Release) and runs the app on a free port on 127.0.0.1, Development
#     with demo data
#   * generate-agreements: synthetic agreements up to 100 000 in all
#   * benchmark-search: AgreementListService.SearchAsync as saksbehandler@demo.local next to the same query written
#     by hand in SQL, for selective terms (a party's name, a reference) and a broad one (a specialty word in
#     thousands of titles): median and p95 in ms, against the targets
#   * benchmark-browser, in headless Chromium against the running app: from the last keystroke in the search
#     field to the grid showing the result (median and p95; the field's 300 ms debounce shown apart), and the
#     app's RSS before and after 200 idle circuits on /avtaler, per circuit
#   * prints every figure again at the end with the load average; stops the app and drops the database
#
# Environment:
#   SA_BENCH_AGREEMENTS   agreements in the register (default 100000; the demo data's count in it)
#   SA_BENCH_KEYSTROKES   typed searches in the browser (default 20)
#   SA_BENCH_CIRCUITS     idle circuits for the memory figure (default 200)
#   SA_BENCH_SKIP_BOOTSTRAP=1  use an already running cluster and the installed Chromium: only read bootstrap.sh's settings
#   SA_BENCH_SKIP_BUILD=1      use the existing Release build
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CIRCUITS_ONLY=0
if [[ "${1:-}" == --circuits ]]; then
  CIRCUITS_ONLY=1
  shift
  SA_BENCH_CIRCUITS="${1:-${SA_BENCH_CIRCUITS:-100}}"
  set -- 1
fi
N="${1:-50}"
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [N] | --circuits [C]  (N: timed searches per term, C: idle circuits; positive numbers)" >&2; exit 2; }
AGREEMENTS="${SA_BENCH_AGREEMENTS:-100000}"
KEYSTROKES="${SA_BENCH_KEYSTROKES:-20}"
CIRCUITS="${SA_BENCH_CIRCUITS:-200}"
for value in "$AGREEMENTS" "$KEYSTROKES" "$CIRCUITS"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "SA_BENCH_AGREEMENTS, SA_BENCH_KEYSTROKES and SA_BENCH_CIRCUITS must be positive numbers" >&2; exit 2; }
done
# Unique: other runs (and other checkouts) may share the cluster.
BENCH_DB="samarbeidsavtaler_bench_$$"

if [[ "${SA_BENCH_SKIP_BOOTSTRAP:-}" == 1 ]]; then
  # shellcheck source=scripts/bootstrap.sh
  SA_BOOTSTRAP_LIB_ONLY=1 source scripts/bootstrap.sh
  sa_export_env
else
  # shellcheck source=scripts/bootstrap.sh
  source scripts/bootstrap.sh --chromium
fi

export PGPASSWORD="$SA_DB_PASSWORD"
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SA_PG_PORT" -U "$SA_DB_USER" -d postgres "$@"; }
[[ -x "$SA_CHROMIUM_PATH" ]] || { echo "no Chromium at $SA_CHROMIUM_PATH (scripts/bootstrap.sh --chromium installs it)" >&2; exit 1; }

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

load() { cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown; }
LOAD_START="$(load)"

echo "==> scratch database $BENCH_DB"
psql_admin -c "CREATE DATABASE $BENCH_DB"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [[ "${SA_BENCH_SKIP_BUILD:-}" != 1 ]]; then
  echo "==> dotnet build (Release)"
  dotnet build tools/SamarbeidsAvtaler.DevTools -c Release -v q -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
fi
DLL="$PWD/src/SamarbeidsAvtaler.Web/bin/Release/net10.0/SamarbeidsAvtaler.Web.dll"
[[ -f "$DLL" ]] || { echo "no build at $DLL" >&2; exit 1; }
# The generator and the benchmarks are developer tools, outside the product (tools/SamarbeidsAvtaler.DevTools).
TOOLS="$PWD/tools/SamarbeidsAvtaler.DevTools/bin/Release/net10.0/SamarbeidsAvtaler.DevTools.dll"
[[ -f "$TOOLS" ]] || { echo "no build at $TOOLS" >&2; exit 1; }

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"
export ASPNETCORE_ENVIRONMENT=Development Demo__Seed=true
export ConnectionStrings__Default="Host=127.0.0.1;Port=$SA_PG_PORT;Database=$BENCH_DB;Username=$SA_DB_USER;Password=$SA_DB_PASSWORD"
# Request logging would be part of what we measure; warnings only.
export Serilog__MinimumLevel__Default=Warning

echo "==> app on $BASE"
# exec: $! is the app's own process, whose RSS the memory figure reads.
(cd src/SamarbeidsAvtaler.Web && ASPNETCORE_URLS="$BASE" exec dotnet "$DLL") >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  if curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; echo "the app stopped" >&2; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null "$BASE/health/ready" || { cat "$WORK/app.log" >&2; echo "the app did not become ready" >&2; exit 1; }

tool() { (cd src/SamarbeidsAvtaler.Web && dotnet "$TOOLS" "$@"); }

if ((CIRCUITS_ONLY)); then
  # The demo data's agreements only: an idle circuit holds one page of the list, whatever the register's size.
  AGREEMENT_ID="$(psql -X -qtA -h 127.0.0.1 -p "$SA_PG_PORT" -U "$SA_DB_USER" -d "$BENCH_DB" -c "SELECT id FROM agreements ORDER BY reference_number, version_number DESC LIMIT 1")"
  echo "==> benchmark-circuits ($CIRCUITS idle circuits per page; load average $(load))"
  tool benchmark-circuits --base-url "$BASE" --app-pid "$APP_PID" --circuits "$CIRCUITS" --paths "/|/avtaler|/avtaler/$AGREEMENT_ID"
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 50 "$WORK/app.log" >&2; echo "the app stopped during the run" >&2; exit 1; }
  exit 0
fi

EXISTING="$(psql -X -qtA -h 127.0.0.1 -p "$SA_PG_PORT" -U "$SA_DB_USER" -d "$BENCH_DB" -c "SELECT count(*) FROM agreements")"
if ((EXISTING < AGREEMENTS)); then
  echo "==> generate-agreements --count $((AGREEMENTS - EXISTING)) (the demo data has $EXISTING)"
  tool generate-agreements --count "$((AGREEMENTS - EXISTING))" | tail -n 1
fi

# A register this size has been vacuumed (autovacuum does so within a minute of a bulk load): the trigram
# indexes' pending entries merged, as the searches would find them in production.
echo "==> VACUUM (ANALYZE)"
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SA_PG_PORT" -U "$SA_DB_USER" -d "$BENCH_DB" -c "VACUUM (ANALYZE) agreements, agreement_parties, parties"

echo "==> benchmark-search ($N runs per term)"
tool benchmark-search --runs "$N" | tee "$WORK/search.txt"

echo "==> benchmark-browser ($KEYSTROKES typed searches, $CIRCUITS idle circuits)"
tool benchmark-browser --base-url "$BASE" --app-pid "$APP_PID" --runs "$KEYSTROKES" --circuits "$CIRCUITS" | tee "$WORK/browser.txt"
kill -0 "$APP_PID" 2>/dev/null || { tail -n 50 "$WORK/app.log" >&2; echo "the app stopped during the run" >&2; exit 1; }

echo
echo "==================================================================================================="
echo "Figures ($(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) memory; load average $LOAD_START at the start, $(load) at the end)"
echo
sed -n '/^Agreement search:/,$p' "$WORK/search.txt"
echo
sed -n '/^Agreement list in the browser/,$p' "$WORK/browser.txt"
