# A throwaway PostgreSQL cluster for the test run, reached over a private unix socket.
# `lodestar_test_db_start` exports LODESTAR_TEST_DATABASE_URL and LODESTAR_TEST_PGBIN (whose
# psql the tests use); `lodestar_test_db_stop` removes it. PostgreSQL refuses to run as root,
# so as root the server runs as the `postgres` user that Debian's package creates.
lodestar_test_db_start() {
  local bin dir
  bin=$(lodestar_pg_bin)
  dir=$(mktemp -d /tmp/lodestar-test-XXXXXX)
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$dir"; fi
  chmod 700 "$dir"
  as_owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; return 1; }
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
max_connections = 500
shared_buffers = 128MB
fsync = on
synchronous_commit = on
CONF
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start >/dev/null ||
    { tail -20 "$dir/postgres.log" >&2; return 1; }
  export LODESTAR_TEST_PGBIN="$bin"
  export LODESTAR_TEST_DATABASE_URL="host=$dir user=postgres dbname=postgres"
  LODESTAR_TEST_DB_DIR=$dir LODESTAR_TEST_PGDATA="$dir/data"
}

lodestar_test_db_stop() {
  [[ -n ${LODESTAR_TEST_DB_DIR:-} && -d $LODESTAR_TEST_DB_DIR ]] || return 0
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$LODESTAR_TEST_PGBIN/pg_ctl" -D "$LODESTAR_TEST_PGDATA" -m immediate stop >/dev/null 2>&1 || true
  else
    "$LODESTAR_TEST_PGBIN/pg_ctl" -D "$LODESTAR_TEST_PGDATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$LODESTAR_TEST_DB_DIR"
}
