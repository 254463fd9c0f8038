#!/usr/bin/env bash
# Ingest benchmark (issue #4): wrk posting unique, SPEC-valid contact events with a bearer
# token, one event per request and 100 per request, at 32 connections; and pgbench's
# "one event, one transaction" figure for the same work on the same cluster, in the same run.
#   ops/bench/ingest.sh            (DURATION=15 by default)
# Release build; one throwaway cluster (the baseline's pg-local.sh, port 55433) serves both,
# so the figures compare like with like.
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/lib/deps.sh
lodestar_install_deps wrk
DURATION=${DURATION:-15}
source ops/lib/bench-db.sh
lodestar_bench_setup lodestar_bench
trap 'kill "${server:-0}" 2>/dev/null || true; lodestar_bench_stop' EXIT

echo "# ingest benchmark $(date -u '+%Y-%m-%d %H:%M UTC') host=$(hostname) cores=$(nproc) duration=${DURATION}s"
echo "## pgbench baseline (one event = one transaction, 32 clients)"
DURATION=$DURATION BENCH_PG_DIR=$PG_DIR FSYNC_TEST=0 "$BENCH/pgbench-ingest.sh" 32 | grep -E '^(clients|32 )'

# The baseline's tables would otherwise be vacuumed by autovacuum during our runs.
psql -q -c "VACUUM ANALYZE bench_events, bench_contacts"
token=$("$bin" token create --role ingest --name "bench-$(date +%s)")
lodestar_bench_serve "${PORT:-18090}"

for batch in 1 100; do
  # Same starting point as each pgbench run: no checkpoint debt from the run before.
  psql -q -c CHECKPOINT
  echo "## lodestar: $batch event(s) per request, 32 connections"
  out=$(wrk -t2 -c32 -d"${DURATION}s" --latency -s "$BENCH/wrk-events.lua" "http://127.0.0.1:$port" -- "$token" "$batch" "b$batch-$$")
  rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out"); p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/{print $NF}' <<<"$out")
  printf 'requests/s %s  events/s %.0f  p50 %s  p99 %s  non-2xx %s\n' "$rps" "$(awk -v r="$rps" -v b="$batch" 'BEGIN{print r*b}')" "$p50" "$p99" "${non2xx:-0}"
done
kill -TERM "$server"; wait "$server" 2>/dev/null || true
echo "## rows: $(psql -Atc 'select count(*) from contact_events' lodestar_bench) events, $(psql -Atc 'select count(*) from contacts' lodestar_bench) contacts"
