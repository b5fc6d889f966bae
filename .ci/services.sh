#!/usr/bin/env bash
# Install (Debian packages) and start the servers the deployment tests use, idempotently:
#   PostgreSQL  -> PARTNERSHIPS_TEST_PG_URL     (Dagster run/event/schedule storage; dbt-postgres targets)
#   Redis       -> PARTNERSHIPS_TEST_REDIS_URL  (the Celery broker)
# Progress goes to stderr; stdout is only `export NAME=value` lines, so both CI and a developer can do
#   eval "$(bash .ci/services.sh)"
# Needs root (or sudo) for apt-get and to start the servers. Safe to run again: an installed package
# is not reinstalled and a running server is left as it is.
set -euo pipefail

PG_PORT=${PARTNERSHIPS_PG_PORT:-5432}
PG_PASSWORD=${PARTNERSHIPS_PG_PASSWORD:-postgres}
REDIS_PORT=${PARTNERSHIPS_REDIS_PORT:-6379}

log() { echo "services: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  # other processes may hold the dpkg lock for a while: wait for it rather than fail
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# --- PostgreSQL: Debian's cluster tools (pg_ctlcluster), no systemd needed ---
cluster=$(pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port {print $1 " " $2; exit}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  log "creating PostgreSQL $version cluster 'main' on port $PG_PORT"
  as_root pg_createcluster --port "$PG_PORT" "$version" main >&2
  cluster="$version main"
fi
# shellcheck disable=SC2086
set -- $cluster
if ! pg_lsclusters -h | awk -v v="$1" -v c="$2" '$1 == v && $2 == c && $4 == "online" {found=1} END {exit !found}'; then
  log "starting PostgreSQL $1/$2"
  as_root pg_ctlcluster "$1" "$2" start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$PG_PORT" >&2
# a password for TCP logins (pg_hba's default for 127.0.0.1 is scram-sha-256)
(cd / && as_root su postgres -c "psql -q -p $PG_PORT -c \"ALTER USER postgres PASSWORD '$PG_PASSWORD'\"") >&2

# --- Redis: loopback only, no persistence ---
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save '' --appendonly no \
    --logfile /tmp/partnerships-redis-$REDIS_PORT.log >&2
  for _ in $(seq 1 30); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.5
  done
fi
redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >&2

echo "export PARTNERSHIPS_TEST_PG_URL=postgresql://postgres:$PG_PASSWORD@127.0.0.1:$PG_PORT/postgres"
echo "export PARTNERSHIPS_TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"
