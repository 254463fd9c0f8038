#!/usr/bin/env bash
# Database benchmark (issue #3): pipelined parameterised SELECT throughput on one connection,
# and group-commit inserts per second at 32 concurrent callers into the row shape that
# pgbench's "one event, one transaction" baseline writes, run against that baseline in the
# same go on the same throwaway cluster (default durability: synchronous_commit on).
#   ops/bench/db.sh            (DURATION=15 s per measurement; SELECT_DEPTH=256; WRITERS=32)
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/lib/deps.sh
lodestar_install_deps
DURATION=${DURATION:-15}
SELECT_DEPTH=${SELECT_DEPTH:-256}
WRITERS=${WRITERS:-32}
BENCH=${BENCH_DIR:-../shared/bench}
[[ -d $BENCH ]] || { echo "db.sh: baseline scripts not found at $BENCH (set BENCH_DIR)" >&2; exit 1; }
PG_DIR=${BENCH_PG_DIR:-/tmp/lodestar-db-bench-pg}
export BENCH_PG_PORT=${BENCH_PG_PORT:-55433}

swift build -c release --product lodestar-bench 2>&1 | { grep -Ev '^\[[0-9]+/[0-9]+\] ' || true; }
bin="$(swift build -c release --show-bin-path)/lodestar-bench"

"$BENCH/pg-local.sh" start "$PG_DIR" >/dev/null
trap '"$BENCH/pg-local.sh" stop "$PG_DIR" >/dev/null' EXIT
eval "$("$BENCH/pg-local.sh" env "$PG_DIR")"
conninfo="host=127.0.0.1 port=$BENCH_PG_PORT user=postgres dbname=postgres"
psql -q -v ON_ERROR_STOP=1 -f "$BENCH/schema.sql" 2>/dev/null

echo "# db benchmark $(date -u '+%Y-%m-%d %H:%M UTC') host=$(hostname) cores=$(nproc) duration=${DURATION}s"
echo "## pgbench baseline (one event = one transaction, $WRITERS clients)"
baseline=$(DURATION=$DURATION BENCH_PG_DIR=$PG_DIR FSYNC_TEST=0 "$BENCH/pgbench-ingest.sh" "$WRITERS" | grep -E '^(clients|[0-9]+ )')
echo "$baseline"
pgbench_tps=$(awk -v c="$WRITERS" '$1==c{print $2}' <<<"$baseline")

# Same starting point as pgbench had: empty tables, a fresh checkpoint.
psql -q -c 'TRUNCATE bench_events, bench_contacts' -c 'CHECKPOINT'
echo "## lodestar-bench"
select=$("$bin" select --conninfo "$conninfo" --seconds "$DURATION" --depth "$SELECT_DEPTH")
echo "$select"
group=$("$bin" group-commit --conninfo "$conninfo" --seconds "$DURATION" --writers "$WRITERS")
echo "$group"
echo "## rows: $(psql -Atc "select count(*) from bench_events where source = 'lodestar'") events, $(psql -Atc 'select count(*) from bench_contacts') contacts (warm-up included)"

field() { tr ' ' '\n' <<<"$2" | awk -F= -v k="$1" '$1==k{print $2}'; }
group_rate=$(field per_second "$group")
echo "## summary"
printf '| date | machine | pgbench tx/s (%s clients) | group commit writes/s (%s writers) | ÷ pgbench | transactions/s | mean batch | p50 / p99 ms | SELECT queries/s (depth %s) | round trip p50 / p99 ms |\n' \
  "$WRITERS" "$WRITERS" "$SELECT_DEPTH"
printf '|---|---|---|---|---|---|---|---|---|---|\n'
printf '| %s | %s cores | %.0f | %s | %.1f× | %.0f | %s | %s / %s | %s | %s / %s |\n' \
  "$(date -u +%Y-%m-%d)" "$(nproc)" "$pgbench_tps" "$group_rate" \
  "$(awk -v g="$group_rate" -v p="$pgbench_tps" 'BEGIN{print g/p}')" \
  "$(awk -v t="$(field transactions "$group")" -v s="$(field seconds "$group")" 'BEGIN{print t/s}')" \
  "$(field mean_batch "$group")" "$(field p50_ms "$group")" "$(field p99_ms "$group")" \
  "$(field per_second "$select")" "$(field p50_ms "$select")" "$(field p99_ms "$select")"
