# A release build and a fresh database on the baseline's throwaway cluster (pg-local.sh, port
# 55433), for the benchmarks. `lodestar_bench_setup NAME` sets `bin` (the release binary),
# `BENCH` (the baseline's scripts) and `PG_DIR`, exports the cluster's PG* variables and
# `LODESTAR_DATABASE_URL` for database NAME (dropped and created anew). Stop the cluster with
# `lodestar_bench_stop`.
lodestar_bench_setup() {
  local name=$1
  BENCH=${BENCH_DIR:-../shared/bench}
  [[ -d $BENCH ]] || { echo "bench: baseline scripts not found at $BENCH (set BENCH_DIR)" >&2; return 1; }
  PG_DIR=${BENCH_PG_DIR:-/tmp/lodestar-bench-pg}
  export BENCH_PG_PORT=${BENCH_PG_PORT:-55433}
  swift build -c release --product lodestar 2>&1 | { grep -Ev '^\[[0-9]+/[0-9]+\] ' || true; }
  bin="$(swift build -c release --show-bin-path)/lodestar"
  "$BENCH/pg-local.sh" start "$PG_DIR" >/dev/null
  eval "$("$BENCH/pg-local.sh" env "$PG_DIR")"
  psql -q -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" 2>/dev/null
  export LODESTAR_DATABASE_URL="host=127.0.0.1 port=$BENCH_PG_PORT user=postgres dbname=$name"
  LODESTAR_BENCH_DB=$name
}

# Drops the benchmark's database, then stops the cluster: a database left behind would be
# vacuumed by autovacuum during the next benchmark on the cluster, whatever its name (seen:
# four thousand full-page writes of a leftover database in one ten-second round).
lodestar_bench_stop() {
  psql -q -c "DROP DATABASE IF EXISTS ${LODESTAR_BENCH_DB:?} WITH (FORCE)" 2>/dev/null || true
  "$BENCH/pg-local.sh" stop "$PG_DIR" >/dev/null
}

# Starts `$bin serve` on port $1 (log level warning; other LODESTAR_* settings from the
# environment) in the background, sets `server` to its pid and `port`, and waits until it is
# ready.
lodestar_bench_serve() {
  port=$1
  LODESTAR_PORT=$port LODESTAR_LOG_LEVEL=warning "$bin" serve &
  server=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
}
