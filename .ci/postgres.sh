# Sourced by .ci/run: install PostgreSQL (Debian package) if missing, start a throwaway cluster on
# loopback and export GOVNEWS_TEST_POSTGRES_DSN for the batch tests (they skip without it).
start_test_postgres() {
  if [ "$(id -u)" != 0 ]; then
    echo "postgres: not root, PostgreSQL tests will be skipped"; return 0
  fi
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local bin port=54329
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  GOVNEWS_PGDATA=$(mktemp -d /tmp/govnews-pg.XXXXXX)
  chown postgres "$GOVNEWS_PGDATA"
  runuser -u postgres -- "$bin/initdb" -D "$GOVNEWS_PGDATA/data" -A trust -U postgres -E UTF8 >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$GOVNEWS_PGDATA/data" -l "$GOVNEWS_PGDATA/log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $GOVNEWS_PGDATA -c fsync=off" >/dev/null
  runuser -u postgres -- "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres \
    -c "CREATE USER govnews PASSWORD 'govnews'" -c "CREATE DATABASE govnews_test OWNER govnews"
  export GOVNEWS_TEST_POSTGRES_DSN="postgresql://govnews:govnews@127.0.0.1:$port/govnews_test"
  GOVNEWS_PGBIN=$bin
  trap 'runuser -u postgres -- "$GOVNEWS_PGBIN/pg_ctl" -D "$GOVNEWS_PGDATA/data" -m fast stop >/dev/null; rm -rf "$GOVNEWS_PGDATA"' EXIT
  echo "postgres: test server at 127.0.0.1:$port"
}
start_test_postgres
