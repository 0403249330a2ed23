#!/usr/bin/env bash
# Build, format-check and test SamarbeidsAvtaler (README: "Test"; also used by .ci/run).
# Starts the private dev database and installs chromium for the browser tests if needed.
# The last line printed is "N passed, N failed"; exit status is non-zero if anything failed
# or no tests ran. SA_TEST_TIMEOUT (seconds, default 1800) bounds each test project.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh --chromium
export SA_CHROMIUM_PATH
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

SLN=SamarbeidsAvtaler.sln
total_passed=0
total_failed=0
problems=()

finish() {
  local code="$1"
  # CI shows only the tail of the output: repeat each failed test's name and message here.
  if [[ -s "${failures:-}" ]]; then
    echo
    echo "==> Failed tests"
    cat "$failures"
  fi
  if ((${#problems[@]})); then
    echo
    printf '==> FAILED: %s\n' "${problems[@]}"
  fi
  echo "$total_passed passed, $total_failed failed"
  exit "$code"
}

echo "==> dotnet restore $SLN"
if ! dotnet restore "$SLN"; then
  problems+=("dotnet restore")
  finish 1
fi

echo "==> dotnet build $SLN -c Release"
if ! dotnet build "$SLN" -c Release --no-restore; then
  problems+=("dotnet build")
  finish 1
fi

echo "==> dotnet format --verify-no-changes"
if ! dotnet format "$SLN" --verify-no-changes --no-restore --verbosity quiet; then
  problems+=("dotnet format (run: dotnet format $SLN)")
fi

# Test projects: tests/<Name>.Tests/<Name>.Tests.csproj, in a fixed order, then any others.
projects=()
for name in Domain Infrastructure Web Browser; do
  p="tests/SamarbeidsAvtaler.$name.Tests/SamarbeidsAvtaler.$name.Tests.csproj"
  [[ -f "$p" ]] && projects+=("$p")
done
for dir in tests/*.Tests; do
  p="$dir/$(basename "$dir").csproj"
  [[ -f "$p" ]] || continue
  case " ${projects[*]} " in
    *" $p "*) ;;
    *) projects+=("$p") ;;
  esac
done

log="$(mktemp)"
failures="$(mktemp)"
trap 'rm -f "$log" "$failures"' EXIT

for p in "${projects[@]}"; do
  name="$(basename "$p" .csproj)"
  echo
  echo "==> dotnet test $name"
  set +e
  timeout --kill-after=30 "${SA_TEST_TIMEOUT:-1800}" \
    dotnet test "$p" -c Release --no-build --logger "console;verbosity=normal" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e

  # VSTest summary, minimal ("Passed!  - Failed: 0, Passed: 12, ...") or normal verbosity
  # ("Total tests: 12" followed by "     Passed: 12" / "     Failed: 1").
  p_passed=0
  p_failed=0
  seen=0
  in_summary=0
  while IFS= read -r line; do
    if [[ "$line" =~ Failed:\ *([0-9]+),\ *Passed:\ *([0-9]+) ]]; then
      p_failed=$((p_failed + BASH_REMATCH[1]))
      p_passed=$((p_passed + BASH_REMATCH[2]))
      seen=1
    elif [[ "$line" =~ ^Total\ tests:\ *([0-9]+) ]]; then
      in_summary=1
      seen=1
    elif ((in_summary)) && [[ "$line" =~ ^\ *Passed:\ *([0-9]+)$ ]]; then
      p_passed=$((p_passed + BASH_REMATCH[1]))
    elif ((in_summary)) && [[ "$line" =~ ^\ *Failed:\ *([0-9]+)$ ]]; then
      p_failed=$((p_failed + BASH_REMATCH[1]))
    elif ((in_summary)) && [[ "$line" =~ Total\ time ]]; then
      in_summary=0
    fi
  done < <(sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log")

  # A failed test's block: its name, the message and the first lines of the stack trace.
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log" | awk '
    /^ *Failed [A-Za-z_]/ { block = 1; lines = 0 }
    /^ *(Passed|Skipped) [A-Za-z_]/ || /^\[xUnit/ || /^Test Run/ { block = 0 }
    block && lines++ < 20 { print }
  ' >>"$failures"

  total_passed=$((total_passed + p_passed))
  total_failed=$((total_failed + p_failed))
  if ((rc == 124 || rc == 137)); then
    problems+=("$name (timed out after ${SA_TEST_TIMEOUT:-1800}s)")
  elif ((rc != 0)); then
    if ((p_failed > 0)); then
      problems+=("$name ($p_failed failed)")
    else
      problems+=("$name (dotnet test exited with $rc)")
    fi
  elif ((!seen)); then
    echo "==> $name: no test summary found (no tests?)"
  fi
  echo "==> $name: $p_passed passed, $p_failed failed"
done

if ((${#projects[@]} == 0)); then
  problems+=("no test projects found under tests/")
elif ((total_passed + total_failed == 0)); then
  problems+=("no tests ran")
fi

if ((${#problems[@]})); then
  finish 1
fi
finish 0
