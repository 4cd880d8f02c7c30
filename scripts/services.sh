#!/usr/bin/env bash
# Start/stop the services the tests need: a throw-away PostgreSQL 15 (+PostGIS when the Debian package
# is installed) on 127.0.0.1:${NEWSEVENTS_PG_PORT:-55432}, trust auth, database `newsevents_test`.
# Idempotent: `start` on a running server only checks it. Runs the server as the `postgres` user when
# called as root (initdb refuses root). Tests find it through NEWSEVENTS_PG_URL (printed by `url`).
set -euo pipefail
PORT=${NEWSEVENTS_PG_PORT:-55432}
DATA=${NEWSEVENTS_PG_DATA:-/tmp/newsevents-pg-$PORT}
DB=newsevents_test
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
URL="postgresql://postgres@127.0.0.1:$PORT/$DB"

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
    echo "services: PostgreSQL server binaries not found (install the Debian package 'postgresql')" >&2
    return 1
  fi
  if [ ! -s "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
    chmod 700 "$DATA"
    as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
      -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DATA -c fsync=off" start >/dev/null
  fi
  if ! as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" postgres | grep -q 1; then
    as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE $DB" postgres
  fi
  as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE EXTENSION IF NOT EXISTS postgis" "$DB" >/dev/null 2>&1 \
    && echo "services: PostgreSQL + PostGIS at $URL" \
    || echo "services: PostgreSQL (no PostGIS) at $URL"
}

stop() {
  if [ -n "$BIN" ] && [ -s "$DATA/PG_VERSION" ]; then
    as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  echo "services: stopped"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 start|stop|restart|url" >&2; exit 2 ;;
esac
