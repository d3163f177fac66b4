#!/usr/bin/env bash
# Entrypoint of docker-stack-test/postgres, modelled on the official image's:
# as root it fixes the ownership of $PGDATA and re-runs itself as postgres; on
# first start it runs initdb, then a temporary server that listens on neither
# TCP nor the default socket directory (so pg_isready reports "no response"
# until the init scripts ran), runs /docker-entrypoint-initdb.d/*, stops it,
# and finally execs postgres in the foreground (PID 1, STOPSIGNAL SIGINT).
set -Eeo pipefail

log() { echo "docker-entrypoint: $*" >&2; }

# file_env VAR [DEFAULT]: VAR from $VAR or from the file named by $VAR_FILE.
file_env() {
  local var="$1" fileVar="${1}_FILE" def="${2:-}" val
  if [[ -n "${!var:-}" && -n "${!fileVar:-}" ]]; then
    log "both $var and $fileVar are set (but are exclusive)"; exit 1
  fi
  val="$def"
  if [[ -n "${!var:-}" ]]; then val="${!var}"
  elif [[ -n "${!fileVar:-}" ]]; then val="$(<"${!fileVar}")"
  fi
  export "$var"="$val"
  unset "$fileVar"
}

# First argument an option: it is for postgres.
if [[ "${1:0:1}" == '-' ]]; then set -- postgres "$@"; fi

if [[ "$1" != postgres ]]; then exec "$@"; fi

PGDATA="${PGDATA:-/var/lib/postgresql/data}"
export PGDATA

if [[ "$(id -u)" == 0 ]]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chmod 00700 "$PGDATA" || :
  chmod 03775 /var/run/postgresql || :
  find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' + || :
  chown postgres:postgres /var/run/postgresql || :
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

file_env POSTGRES_PASSWORD
file_env POSTGRES_USER postgres
file_env POSTGRES_DB "$POSTGRES_USER"
file_env POSTGRES_INITDB_ARGS
: "${POSTGRES_HOST_AUTH_METHOD:=}"

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  if [[ -z "$POSTGRES_PASSWORD" && "$POSTGRES_HOST_AUTH_METHOD" != trust ]]; then
    cat >&2 <<'EOM'
docker-entrypoint: ERROR: the database is uninitialized and no superuser password is set.
  Set POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE) to a non-empty value, or
  POSTGRES_HOST_AUTH_METHOD=trust to allow every connection without a password.
EOM
    exit 1
  fi
  log "initializing database cluster in $PGDATA"
  # shellcheck disable=SC2086
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
    --encoding=UTF8 --locale=C.UTF-8 $POSTGRES_INITDB_ARGS >/dev/null

  auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
  {
    echo
    echo "# docker-entrypoint: remote clients"
    echo "host all all all $auth"
  } >>"$PGDATA/pg_hba.conf"
  {
    echo
    echo "# docker-entrypoint"
    echo "listen_addresses = '*'"
  } >>"$PGDATA/postgresql.conf"

  # Temporary server: no TCP, socket in a private directory (not the default
  # one that pg_isready/psql use), so nothing sees it as ready during init.
  INIT_SOCKET_DIR="$(mktemp -d /tmp/pg-init.XXXXXX)"
  pg_ctl -D "$PGDATA" -w -t 60 -o "-c listen_addresses='' -c unix_socket_directories='$INIT_SOCKET_DIR'" \
    start >/dev/null
  export PGHOST="$INIT_SOCKET_DIR" PGUSER="$POSTGRES_USER" PGPASSWORD="$POSTGRES_PASSWORD"
  psql=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)

  if [[ "$POSTGRES_DB" != postgres ]]; then
    exists="$("${psql[@]}" --dbname postgres -tA -v db="$POSTGRES_DB" <<'EOSQL'
SELECT 1 FROM pg_database WHERE datname = :'db' ;
EOSQL
)"
    if [[ "$exists" != 1 ]]; then
      "${psql[@]}" --dbname postgres -v db="$POSTGRES_DB" >/dev/null <<'EOSQL'
CREATE DATABASE :"db" ;
EOSQL
    fi
  fi
  psql+=(--dbname "$POSTGRES_DB")

  shopt -s nullglob
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh)
        if [[ -x "$f" ]]; then log "running $f"; "$f"
        else log "sourcing $f"; # shellcheck disable=SC1090
          . "$f"
        fi ;;
      *.sql)    log "running $f"; "${psql[@]}" -f "$f" >/dev/null ;;
      *.sql.gz) log "running $f"; gunzip -c "$f" | "${psql[@]}" >/dev/null ;;
      *.sql.xz) log "running $f"; xz -dc "$f" | "${psql[@]}" >/dev/null ;;
      *)        log "ignoring $f" ;;
    esac
  done
  shopt -u nullglob

  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  unset PGHOST PGUSER PGPASSWORD
  rm -rf "$INIT_SOCKET_DIR"
  log "PostgreSQL init process complete; ready for start up"
fi

exec "$@"
