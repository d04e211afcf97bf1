#!/usr/bin/env bash
# A throwaway PostgreSQL server on a loopback port, for the tests (.ci/run) and for development:
#   bash scripts/postgres.sh start DIR PORT   initialises DIR/data on first use, starts the server, makes the database
#   bash scripts/postgres.sh url DIR PORT     prints the connection string the tests read from SEARCHSERVICE_TEST_POSTGRES
#   bash scripts/postgres.sh stop DIR PORT    stops the server (DIR stays; delete it to start afresh)
# It uses Debian's postgresql package (apt-get install -y postgresql). As root it runs the server as the postgres user,
# since initdb refuses root; DIR is then made the postgres user's. Anyone on the machine may connect without a password
# (trust): only for throwaway data. Starting a running server does nothing.
set -euo pipefail

usage() {
  echo "usage: bash scripts/postgres.sh start|stop|url DIR PORT" >&2
  exit 2
}
[ $# -eq 3 ] || usage
command=$1
dir=$(realpath -m "$2")
port=$3
database=searchservice
case "$port" in ''|*[!0-9]*) usage ;; esac

url() {
  echo "Host=127.0.0.1;Port=${port};Username=postgres;Database=${database}"
}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ "$command" != url ] && [ ! -x "${bin}/initdb" ]; then
  echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql" >&2
  exit 1
fi

# The server's own commands run as the postgres user when we are root, as ourselves otherwise.
as_server() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  [ -f "${dir}/data/PG_VERSION" ] && as_server "${bin}/pg_ctl" status -D "${dir}/data" >/dev/null 2>&1
}

case "$command" in
  start)
    if ! running; then
      mkdir -p "$dir"
      if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
          echo "The postgres user cannot reach ${dir} (a parent folder is closed to it): choose a folder under /tmp." >&2
          exit 1
        fi
      fi
      if [ ! -f "${dir}/data/PG_VERSION" ]; then
        as_server "${bin}/initdb" -D "${dir}/data" -U postgres --auth=trust -E UTF8 >"${dir}/initdb.log" 2>&1 \
          || { cat "${dir}/initdb.log" >&2; exit 1; }
      fi
      as_server "${bin}/pg_ctl" -D "${dir}/data" -l "${dir}/server.log" \
        -o "-p ${port} -k /tmp -c listen_addresses=127.0.0.1" -w start >/dev/null \
        || { tail -n 20 "${dir}/server.log" >&2; exit 1; }
    fi
    if ! as_server "${bin}/psql" -h /tmp -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '${database}'" | grep -q 1; then
      as_server "${bin}/createdb" -h /tmp -p "$port" -U postgres "$database"
    fi
    echo "PostgreSQL is running on 127.0.0.1:${port}, data in ${dir}/data; SEARCHSERVICE_TEST_POSTGRES='$(url)'" >&2
    ;;
  stop)
    if running; then
      as_server "${bin}/pg_ctl" -D "${dir}/data" -m fast -w stop >/dev/null
    fi
    ;;
  url)
    url
    ;;
  *)
    usage
    ;;
esac
