#!/usr/bin/env bash
# Local development bootstrap for SamarbeidsAvtaler.
#
# Usage:
#   scripts/bootstrap.sh [--chromium | --try-chromium]      # execute: set everything up
#   source scripts/bootstrap.sh [--chromium | --try-chromium]  # same, and export the env below
#
# What it does (idempotent; a rerun is a fast no-op):
#   * makes sure PostgreSQL binaries exist (apt-get install postgresql as a fallback)
#   * creates/starts a private cluster in .data/postgres on 127.0.0.1:${SA_PG_PORT:-54329}
#   * creates login role "samarbeid" (CREATEDB) and database "samarbeidsavtaler"
#   * --chromium: installs chromium + poppler-utils if chromium is missing (fails if it can't), and
#     the test-only npm packages of tests/SamarbeidsAvtaler.Browser.Tests (axe-core)
#     --try-chromium: same, but only warns on failure
#
# Exported (when sourced): SA_PG_PORT, ConnectionStrings__Default, SA_TEST_ADMIN_CONNECTION,
# SA_CHROMIUM_PATH.
#
# When running as root the cluster belongs to the "postgres" OS user (PostgreSQL refuses to run
# as root). If that user cannot reach .data (e.g. the repo lives under /root), the cluster lives
# in /var/tmp/samarbeidsavtaler-<hash>/ and .data/postgres is a symlink to it.
#
# Other scripts may `SA_BOOTSTRAP_LIB_ONLY=1 source scripts/bootstrap.sh` to get the functions only.

# ---------------------------------------------------------------------------------------------
# Helpers (all prefixed sa_; safe to define in a caller's shell)
# ---------------------------------------------------------------------------------------------

sa_log() { printf '==> %s\n' "$*"; }
sa_warn() { printf '==> WARNING: %s\n' "$*" >&2; }
sa_die() {
  printf '==> ERROR: %s\n' "$*" >&2
  exit 1
}

sa_init_vars() {
  SA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
  SA_DATA="$SA_ROOT/.data"
  SA_PG_PORT="${SA_PG_PORT:-54329}"
  SA_DB_NAME="samarbeidsavtaler"
  SA_DB_USER="samarbeid"
  SA_DB_PASSWORD="samarbeid-dev"
  SA_PG_LINK="$SA_DATA/postgres"
  SA_PG_SUPERPW_FILE="$SA_DATA/postgres-superuser.password"
  SA_EXT_BASE="/var/tmp/samarbeidsavtaler-$(printf '%s' "$SA_ROOT" | sha256sum | cut -c1-12)"
  if [[ "$(id -u)" -eq 0 ]]; then
    SA_PG_OSUSER="postgres"
  else
    SA_PG_OSUSER="$(id -un)"
  fi
}

sa_env_strings() {
  ConnectionStrings__Default="Host=127.0.0.1;Port=$SA_PG_PORT;Database=$SA_DB_NAME;Username=$SA_DB_USER;Password=$SA_DB_PASSWORD"
  SA_TEST_ADMIN_CONNECTION="Host=127.0.0.1;Port=$SA_PG_PORT;Database=postgres;Username=$SA_DB_USER;Password=$SA_DB_PASSWORD"
  if [[ -z "${SA_CHROMIUM_PATH:-}" ]]; then
    SA_CHROMIUM_PATH=/usr/bin/chromium
    if [[ ! -x /usr/bin/chromium ]] && command -v chromium >/dev/null 2>&1; then
      SA_CHROMIUM_PATH="$(command -v chromium)"
    fi
  fi
}

# Run a command as root (directly, or via sudo), for apt-get.
sa_as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    sa_die "need root for '$*' but not root and sudo is not available; install it manually or rerun as root"
  fi
}

sa_wait_for_apt() {
  local waited=0
  while pgrep -x apt-get >/dev/null 2>&1 || pgrep -x apt >/dev/null 2>&1 || pgrep -x dpkg >/dev/null 2>&1 \
    || pgrep -x unattended-upgr >/dev/null 2>&1; do
    if ((waited == 0)); then sa_log "waiting for another apt/dpkg process to finish..."; fi
    sleep 5
    waited=$((waited + 5))
    if ((waited >= 1800)); then sa_die "apt/dpkg still busy after 30 minutes"; fi
  done
}

sa_apt_install() {
  sa_wait_for_apt
  sa_log "apt-get install $*"
  sa_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq
  sa_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@"
}

# Run a command as the cluster's OS user (from / so an unreachable cwd doesn't matter).
sa_pg_as() {
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd / && runuser -u "$SA_PG_OSUSER" -- "$@")
  else
    (cd / && "$@")
  fi
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------

# Newest /usr/lib/postgresql/<major>/bin holding initdb and pg_ctl (empty if none).
sa_newest_pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then printf '%s\n' "$d"; fi
  done | sort -V | tail -n 1
}

# Sets SA_PG_BIN to a directory holding initdb/pg_ctl/psql, installing postgresql if necessary.
sa_find_pg_bin() {
  local want=""
  # Prefer the major version an existing cluster was created with.
  if [[ -f "$SA_PG_LINK/PG_VERSION" ]]; then
    want="$(cat "$SA_PG_LINK/PG_VERSION" 2>/dev/null || true)"
  fi
  if [[ -n "$want" && -x "/usr/lib/postgresql/$want/bin/initdb" ]]; then
    SA_PG_BIN="/usr/lib/postgresql/$want/bin"
  elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    SA_PG_BIN="$(dirname "$(readlink -f "$(command -v initdb)")")"
  else
    SA_PG_BIN="$(sa_newest_pg_bin)"
  fi
  if [[ -z "$SA_PG_BIN" ]]; then
    sa_log "PostgreSQL not found; installing it with apt"
    sa_apt_install postgresql
    SA_PG_BIN="$(sa_newest_pg_bin)"
    [[ -n "$SA_PG_BIN" ]] || sa_die "apt-get install postgresql did not provide initdb"
  fi
  [[ -x "$SA_PG_BIN/postgres" ]] || sa_die "no postgres server binary next to $SA_PG_BIN/initdb"
  case ":$PATH:" in
    *":$SA_PG_BIN:"*) ;;
    *) PATH="$SA_PG_BIN:$PATH" ;;
  esac
  export PATH
  if [[ ! -x "$SA_PG_BIN/psql" ]] && ! command -v psql >/dev/null 2>&1; then
    sa_apt_install postgresql-client
  fi
  SA_PSQL="$SA_PG_BIN/psql"
  [[ -x "$SA_PSQL" ]] || SA_PSQL="$(command -v psql)"
}

# Decides where the cluster lives. Sets SA_PGDATA (real path), SA_PG_SOCKDIR, SA_PG_LOG.
sa_locate_cluster() {
  [[ -d "$SA_DATA" ]] || mkdir -m 0755 "$SA_DATA"
  local base
  if [[ -L "$SA_PG_LINK" ]]; then
    base="$(dirname "$(readlink -f "$SA_PG_LINK")")"
  elif [[ -d "$SA_PG_LINK" ]]; then
    base="$SA_DATA"
  elif [[ "$(id -u)" -eq 0 ]] && ! runuser -u "$SA_PG_OSUSER" -- test -x "$SA_DATA" 2>/dev/null; then
    base="$SA_EXT_BASE"
  else
    base="$SA_DATA"
  fi
  SA_PG_BASE="$base"
  SA_PGDATA="$base/postgres"
  SA_PG_SOCKDIR="$base/run"
  SA_PG_LOG="$base/postgres.log"
}

sa_ensure_pg_osuser() {
  [[ "$(id -u)" -eq 0 ]] || return 0
  command -v runuser >/dev/null 2>&1 || sa_die "runuser (util-linux) is required when running as root"
  if ! id -u "$SA_PG_OSUSER" >/dev/null 2>&1; then
    sa_log "creating OS user $SA_PG_OSUSER"
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash "$SA_PG_OSUSER"
  fi
}

sa_prepare_dirs() {
  if [[ "$SA_PG_BASE" != "$SA_DATA" ]]; then
    # Fallback location outside the repo (postgres can't traverse to .data).
    if [[ -e "$SA_PG_BASE" && ! -O "$SA_PG_BASE" ]]; then
      sa_die "$SA_PG_BASE exists and is not owned by $(id -un); refusing to use it"
    fi
    mkdir -p "$SA_PG_BASE"
    chmod 0755 "$SA_PG_BASE"
    [[ -L "$SA_PG_LINK" ]] || ln -sfn "$SA_PGDATA" "$SA_PG_LINK"
    [[ -L "$SA_DATA/run" || -e "$SA_DATA/run" ]] || ln -sfn "$SA_PG_SOCKDIR" "$SA_DATA/run"
    [[ -L "$SA_DATA/postgres.log" || -e "$SA_DATA/postgres.log" ]] || ln -sfn "$SA_PG_LOG" "$SA_DATA/postgres.log"
  fi
  if [[ -d "$SA_PGDATA" ]]; then
    local owner
    owner="$(stat -c %U "$SA_PGDATA")"
    if [[ "$owner" != "$SA_PG_OSUSER" ]]; then
      sa_die "cluster $SA_PGDATA belongs to OS user '$owner', expected '$SA_PG_OSUSER' (run as root/that user, or scripts/db.sh wipe)"
    fi
  fi
  mkdir -p "$SA_PGDATA" "$SA_PG_SOCKDIR"
  touch "$SA_PG_LOG"
  chmod 0700 "$SA_PGDATA"
  chmod 0755 "$SA_PG_SOCKDIR"
  chmod 0640 "$SA_PG_LOG"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown "$SA_PG_OSUSER": "$SA_PG_SOCKDIR" "$SA_PG_LOG"
    # Only chown the data dir itself when it's fresh; an existing cluster is already right.
    [[ -f "$SA_PGDATA/PG_VERSION" ]] || chown "$SA_PG_OSUSER": "$SA_PGDATA"
  fi
}

sa_initdb() {
  if [[ -f "$SA_PGDATA/PG_VERSION" ]]; then
    return 0
  fi
  sa_log "initdb: new cluster in $SA_PGDATA"
  if [[ ! -s "$SA_PG_SUPERPW_FILE" ]]; then
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$SA_PG_SUPERPW_FILE")
  fi
  local locale=C tmppw
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; fi
  tmppw="$(mktemp)"
  cp "$SA_PG_SUPERPW_FILE" "$tmppw"
  [[ "$(id -u)" -eq 0 ]] && chown "$SA_PG_OSUSER": "$tmppw"
  chmod 0600 "$tmppw"
  if ! sa_pg_as "$SA_PG_BIN/initdb" -D "$SA_PGDATA" -U postgres --pwfile="$tmppw" -E UTF8 \
    --locale="$locale" --auth-local=trust --auth-host=scram-sha-256 >"$SA_DATA/initdb.log" 2>&1; then
    rm -f "$tmppw"
    cat "$SA_DATA/initdb.log" >&2
    # Leave an empty dir behind so the next run retries.
    find "$SA_PGDATA" -mindepth 1 -delete 2>/dev/null || true
    sa_die "initdb failed (see above)"
  fi
  rm -f "$tmppw"
}

sa_write_conf() {
  local conf="$SA_PGDATA/samarbeidsavtaler.conf" new
  if ! sa_pg_as grep -q "^include_if_exists = 'samarbeidsavtaler.conf'" "$SA_PGDATA/postgresql.conf"; then
    printf "\ninclude_if_exists = 'samarbeidsavtaler.conf'\n" | sa_pg_as tee -a "$SA_PGDATA/postgresql.conf" >/dev/null
  fi
  new="# Managed by scripts/bootstrap.sh - edits are overwritten.
port = $SA_PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SA_PG_SOCKDIR'
unix_socket_permissions = 0700
"
  if [[ "$(sa_pg_as cat "$conf" 2>/dev/null || true)"$'\n' != "$new" ]]; then
    printf '%s' "$new" | sa_pg_as tee "$conf" >/dev/null
  fi
}

sa_pg_running() {
  sa_pg_as "$SA_PG_BIN/pg_ctl" -D "$SA_PGDATA" status >/dev/null 2>&1
}

# pg_ctl and postgres trust postmaster.pid / the socket lock file if the PID in it is alive.
# After a reboot that PID may belong to an unrelated process of the same user; detect that and
# remove the stale files (postgres handles the dead-PID case itself).
sa_clear_stale_locks() {
  local f pid comm
  for f in "$SA_PGDATA/postmaster.pid" "$SA_PG_SOCKDIR/.s.PGSQL.$SA_PG_PORT.lock"; do
    pid="$(sa_pg_as head -n1 "$f" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || continue
    comm="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
    if [[ -n "$comm" && "$comm" != postgres && "$comm" != postmaster ]]; then
      sa_warn "$(basename "$f") points at PID $pid ($comm), not postgres; removing stale lock"
      sa_pg_as rm -f "$f"
    fi
  done
}

sa_pg_start() {
  sa_clear_stale_locks
  if sa_pg_running; then
    local running_port
    running_port="$(sa_pg_as sed -n 4p "$SA_PGDATA/postmaster.pid" 2>/dev/null || true)"
    if [[ "$running_port" == "$SA_PG_PORT" ]]; then
      sa_log "PostgreSQL already running on 127.0.0.1:$SA_PG_PORT"
      return 0
    fi
    sa_log "PostgreSQL running on port $running_port; restarting on $SA_PG_PORT"
    sa_pg_as "$SA_PG_BIN/pg_ctl" -D "$SA_PGDATA" -m fast -w stop >/dev/null
  fi
  sa_log "starting PostgreSQL on 127.0.0.1:$SA_PG_PORT (log: $SA_PG_LOG)"
  if ! sa_pg_as "$SA_PG_BIN/pg_ctl" -D "$SA_PGDATA" -w -t 60 -l "$SA_PG_LOG" start >/dev/null; then
    tail -n 20 "$SA_PG_LOG" >&2 || true
    if grep -q 'could not bind\|Address already in use' <(tail -n 20 "$SA_PG_LOG" 2>/dev/null); then
      sa_die "port $SA_PG_PORT is in use by something else; set SA_PG_PORT to another port"
    fi
    sa_die "PostgreSQL failed to start (see $SA_PG_LOG)"
  fi
}

# shellcheck disable=SC2120 # optional extra psql args
sa_psql_super() {
  "$SA_PSQL" -X -q -v ON_ERROR_STOP=1 -h "$SA_PG_SOCKDIR" -p "$SA_PG_PORT" -U postgres -d postgres "$@"
}

sa_app_login_ok() {
  PGPASSWORD="$SA_DB_PASSWORD" PGCONNECT_TIMEOUT=5 "$SA_PSQL" -X -q -tA -h 127.0.0.1 -p "$SA_PG_PORT" \
    -U "$SA_DB_USER" -d "$SA_DB_NAME" -c 'select 1' >/dev/null 2>&1
}

sa_ensure_role_db() {
  if sa_app_login_ok; then
    return 0
  fi
  sa_log "creating role $SA_DB_USER and database $SA_DB_NAME"
  sa_psql_super <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$SA_DB_USER') THEN
    CREATE ROLE $SA_DB_USER LOGIN CREATEDB PASSWORD '$SA_DB_PASSWORD';
  ELSE
    ALTER ROLE $SA_DB_USER LOGIN CREATEDB PASSWORD '$SA_DB_PASSWORD';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $SA_DB_NAME OWNER $SA_DB_USER ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$SA_DB_NAME')
\gexec
SQL
  sa_app_login_ok || sa_die "cannot log in as $SA_DB_USER over TCP on 127.0.0.1:$SA_PG_PORT"
}

# Full database setup: binaries, cluster, running server, role and database.
sa_setup_postgres() {
  sa_find_pg_bin
  sa_ensure_pg_osuser
  sa_locate_cluster
  sa_prepare_dirs
  sa_initdb
  sa_write_conf
  sa_pg_start
  sa_ensure_role_db
}

# ---------------------------------------------------------------------------------------------
# npm (test-only packages)
# ---------------------------------------------------------------------------------------------

sa_ensure_npm() {
  if ! command -v npm >/dev/null 2>&1; then
    sa_warn "npm not found; trying apt-get install nodejs npm"
    sa_apt_install nodejs npm
    command -v npm >/dev/null 2>&1 || sa_die "npm is required for the browser tests (install Node.js 18+ with npm)"
  fi
}

# npm ci (or npm install without a lock file) in a folder, unless its node_modules is up to date.
sa_npm_install() {
  local dir="$1" marker="$1/node_modules/.package-lock.json"
  if [[ ! -d "$dir/node_modules" || ! -f "$marker" \
    || "$dir/package.json" -nt "$marker" \
    || (-f "$dir/package-lock.json" && "$dir/package-lock.json" -nt "$marker") ]]; then
    if [[ -f "$dir/package-lock.json" ]]; then
      sa_log "npm ci (${dir#"$SA_ROOT"/})"
      (cd "$dir" && npm ci --no-audit --no-fund --update-notifier=false --loglevel=error)
    else
      sa_log "npm install (${dir#"$SA_ROOT"/}; no package-lock.json)"
      (cd "$dir" && npm install --no-audit --no-fund --update-notifier=false --loglevel=error)
    fi
  fi
}


# ---------------------------------------------------------------------------------------------
# Chromium (PDF rendering + browser tests)
# ---------------------------------------------------------------------------------------------

sa_have_chromium() {
  command -v chromium >/dev/null 2>&1 || [[ -x /usr/bin/chromium ]]
}

sa_setup_chromium() {
  local mode="$1" # required | optional
  if sa_have_chromium && command -v pdftotext >/dev/null 2>&1; then
    return 0
  fi
  if [[ "$mode" == optional ]]; then
    if [[ "$(id -u)" -ne 0 ]] && ! sudo -n true >/dev/null 2>&1; then
      sa_warn "chromium not installed (PDF export unavailable); run: sudo apt-get install chromium poppler-utils"
      return 0
    fi
    sa_log "chromium not found; trying to install it (optional)"
    if ! (sa_apt_install chromium poppler-utils) >/dev/null 2>&1; then
      sa_warn "could not install chromium (PDF export unavailable)"
    fi
    return 0
  fi
  sa_apt_install chromium poppler-utils
  sa_have_chromium || sa_die "chromium is still missing after apt-get install"
}

# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

sa_bootstrap_main() {
  local chromium=""
  while (($#)); do
    case "$1" in
      --chromium) chromium=required ;;
      --try-chromium) [[ "$chromium" == required ]] || chromium=optional ;;
      -h | --help)
        sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        return 0
        ;;
      *) sa_die "unknown argument: $1 (usage: scripts/bootstrap.sh [--chromium|--try-chromium])" ;;
    esac
    shift
  done

  sa_init_vars
  case "$SA_PG_PORT" in
    '' | *[!0-9]*) sa_die "SA_PG_PORT must be a number (got '$SA_PG_PORT')" ;;
  esac
  sa_setup_postgres
  if [[ -n "$chromium" ]]; then
    sa_setup_chromium "$chromium"
    # Test-only packages (axe-core for the accessibility scans); never copied into the app, whose
    # front-end files (blazor.web.js, MudBlazor) come from NuGet.
    sa_ensure_npm
    sa_npm_install "$SA_ROOT/tests/SamarbeidsAvtaler.Browser.Tests"
  fi
  sa_log "ready: database $SA_DB_NAME on 127.0.0.1:$SA_PG_PORT"
}

sa_export_env() {
  sa_init_vars
  sa_env_strings
  export SA_PG_PORT ConnectionStrings__Default SA_TEST_ADMIN_CONNECTION SA_CHROMIUM_PATH
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  # Sourced. Do the work in a subshell with strict mode, so a failure doesn't kill an
  # interactive shell and the caller's shell options stay untouched; then export the env here.
  if [[ "${SA_BOOTSTRAP_LIB_ONLY:-}" != 1 ]]; then
    sa__errexit=0
    [[ $- == *e* ]] && sa__errexit=1
    set +e
    (
      set -euo pipefail
      sa_bootstrap_main "$@"
    )
    sa__rc=$?
    ((sa__errexit)) && set -e
    if ((sa__rc != 0)); then
      unset sa__errexit
      return "$sa__rc"
    fi
    unset sa__errexit sa__rc
    sa_export_env
  fi
else
  set -euo pipefail
  sa_bootstrap_main "$@"
  sa_export_env
  sa_log "environment (source this script to have it exported in your shell):"
  printf '    SA_PG_PORT=%s\n' "$SA_PG_PORT"
  printf '    ConnectionStrings__Default=%s\n' "$ConnectionStrings__Default"
  printf '    SA_TEST_ADMIN_CONNECTION=%s\n' "$SA_TEST_ADMIN_CONNECTION"
  printf '    SA_CHROMIUM_PATH=%s\n' "$SA_CHROMIUM_PATH"
fi
