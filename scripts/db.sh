#!/usr/bin/env bash
# Manage the private development PostgreSQL cluster (see scripts/bootstrap.sh).
#
# Usage: scripts/db.sh status|start|stop|wipe [--yes]|psql [psql args...]
#   status  show whether the cluster runs, where it lives and the connection string
#   start   create (if needed) and start the cluster, ensure role + database
#   stop    stop the cluster (pg_ctl stop -m fast); data is kept
#   wipe    stop and delete the cluster and all its data (asks unless --yes)
#   psql    open psql on database samarbeidsavtaler as role samarbeid
set -euo pipefail

SA_BOOTSTRAP_LIB_ONLY=1
# shellcheck source=scripts/bootstrap.sh
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
unset SA_BOOTSTRAP_LIB_ONLY

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift

sa_init_vars
sa_env_strings

# Read-only setup shared by the commands that don't create anything.
locate() {
  sa_find_pg_bin
  sa_locate_cluster
}

have_cluster() {
  [[ -f "$SA_PG_LINK/PG_VERSION" ]]
}

case "$cmd" in
  status)
    locate
    if ! have_cluster; then
      sa_log "no cluster yet (run scripts/bootstrap.sh or scripts/db.sh start)"
      exit 3
    fi
    if sa_pg_running; then
      sa_log "running on 127.0.0.1:$SA_PG_PORT (data: $SA_PGDATA, log: $SA_PG_LOG)"
      sa_log "ConnectionStrings__Default=$ConnectionStrings__Default"
    else
      sa_log "stopped (data: $SA_PGDATA); start with scripts/db.sh start"
      exit 3
    fi
    ;;
  start)
    sa_setup_postgres
    sa_log "ConnectionStrings__Default=$ConnectionStrings__Default"
    ;;
  stop)
    locate
    if have_cluster && sa_pg_running; then
      sa_log "stopping PostgreSQL ($SA_PGDATA)"
      sa_pg_as "$SA_PG_BIN/pg_ctl" -D "$SA_PGDATA" -m fast -w stop >/dev/null
      sa_log "stopped; data kept"
    else
      sa_log "PostgreSQL is not running"
    fi
    ;;
  wipe)
    yes=0
    for a in "$@"; do
      case "$a" in
        --yes | -y) yes=1 ;;
        *) sa_die "unknown argument for wipe: $a" ;;
      esac
    done
    locate
    if [[ ! -e "$SA_PG_LINK" && ! -L "$SA_PG_LINK" && ! -d "$SA_PG_BASE/postgres" ]]; then
      sa_log "nothing to wipe"
      exit 0
    fi
    if ((!yes)); then
      if [[ ! -t 0 ]]; then
        sa_die "refusing to wipe without confirmation; rerun with --yes"
      fi
      read -r -p "Delete ALL data in the dev database cluster ($SA_PGDATA)? [y/N] " answer
      [[ "$answer" == [yY] || "$answer" == [yY][eE][sS] ]] || {
        sa_log "aborted"
        exit 1
      }
    fi
    if have_cluster && sa_pg_running; then
      sa_log "stopping PostgreSQL"
      sa_pg_as "$SA_PG_BIN/pg_ctl" -D "$SA_PGDATA" -m fast -w stop >/dev/null
    fi
    sa_log "deleting $SA_PGDATA"
    rm -rf -- "$SA_PGDATA"
    if [[ "$SA_PG_BASE" != "$SA_DATA" ]]; then
      rm -rf -- "$SA_PG_BASE"
      rm -f -- "$SA_DATA/run" "$SA_DATA/postgres.log"
    fi
    rm -f -- "$SA_PG_LINK" "$SA_DATA/initdb.log"
    sa_log "wiped; scripts/bootstrap.sh (or scripts/db.sh start) creates a fresh cluster"
    ;;
  psql)
    locate
    PGPASSWORD="$SA_DB_PASSWORD" exec "$SA_PSQL" -h 127.0.0.1 -p "$SA_PG_PORT" -U "$SA_DB_USER" -d "$SA_DB_NAME" "$@"
    ;;
  -h | --help | help)
    usage
    ;;
  *)
    usage >&2
    exit 2
    ;;
esac
