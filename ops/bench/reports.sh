#!/usr/bin/env bash
# Indicator reports on a large county's year (issue #12): CONTACTS contacts (a million by
# default) over the year before today, with their events, dispatches and follow-ups, written
# with SQL (ops/bench/reports-seed.sql); then, through the real HTTP API, the last whole
# calendar quarter's report grouped by region and by region × ISO week (America/Chicago), and
# the weekly SPC series of the answer rate over the year, each the median of RUNS requests
# after one to warm up, beside the naive query that derives the same figures from the raw
# contact_events (ops/bench/reports-naive.sql) in the same run.
#   ops/bench/reports.sh          (CONTACTS=1000000 RUNS=5 NAIVE_RUNS=3)
# Release build; a throwaway cluster of its own (the baseline's pg-local.sh on BENCH_PG_PORT,
# default 55434, in /tmp/lodestar-reports-bench-pg), so other benchmarks' clusters are left alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/lib/deps.sh
lodestar_install_deps
CONTACTS=${CONTACTS:-1000000}
RUNS=${RUNS:-5}
NAIVE_RUNS=${NAIVE_RUNS:-3}
export BENCH_PG_DIR=${BENCH_PG_DIR:-/tmp/lodestar-reports-bench-pg} BENCH_PG_PORT=${BENCH_PG_PORT:-55434}
source ops/lib/bench-db.sh
lodestar_bench_setup lodestar_reports_bench
trap 'kill "${server:-0}" 2>/dev/null || true; lodestar_bench_stop' EXIT

"$bin" migrate >/dev/null
today=$(date -u +%F)
start=$(date -u -d "$today -365 days" +%Y-%m-%dT00:00:00Z)
seed_started=$(date +%s)
psql -q -v contacts="$CONTACTS" -v start="$start" -f ops/bench/reports-seed.sql lodestar_reports_bench
seed_seconds=$(( $(date +%s) - seed_started ))
# The seed leaves gigabytes of dirty pages; flush them now rather than during the timings.
psql -q -c CHECKPOINT lodestar_reports_bench
token=$("$bin" token create --role manager --name "bench-$(date +%s)")
# Sweeping for live signals reads the same tables; once an hour keeps it out of the timings.
LODESTAR_SIGNAL_SWEEP_SECONDS=3600 lodestar_bench_serve "${PORT:-18198}"

# The last whole calendar quarter.
month=$(date -u +%-m)
quarter_start=$(date -u -d "$(date -u +%Y)-$(printf %02d $(( (month - 1) / 3 * 3 + 1 )))-01" +%F)
from=$(date -u -d "$quarter_start -3 months" +%Y-%m-%dT00:00:00Z)
to=${quarter_start}T00:00:00Z
year_to=${today}T00:00:00Z

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
api() {
  local path=$1 i
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path"
  for i in $(seq 1 "$RUNS"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path"
  done | awk '{printf "%.0f\n", $1 * 1000}' | median
}
naive() {
  local i
  for i in $(seq 1 "$NAIVE_RUNS"); do
    psql -X -v from="$1" -v to="$2" -v mode="$3" -f ops/bench/reports-naive.sql lodestar_reports_bench | awk '/^Time:/ {t = $2} END {printf "%.0f\n", t}'
  done | median
}

counts=$(psql -Atc "SELECT (SELECT count(*) FROM contacts) || ' contacts, ' || (SELECT count(*) FROM contact_events) || ' events, '
                  || (SELECT count(*) FROM dispatches) || ' dispatches, ' || (SELECT count(*) FROM follow_ups) || ' follow-ups; quarter '
                  || (SELECT count(*) FROM contacts WHERE received_at >= '$from' AND received_at < '$to') || ' contacts'" lodestar_reports_bench)
echo "# reports benchmark $(date -u '+%Y-%m-%d %H:%M UTC') host=$(hostname) cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "## seed: $counts, written in ${seed_seconds}s; quarter [$from, $to); medians of $RUNS requests / $NAIVE_RUNS naive runs"
printf '%-52s %10s %12s\n' "figure" "API ms" "naive ms"
printf '%-52s %10s %12s\n' "quarter by region" \
  "$(api "/v1/reports/indicators?from=$from&to=$to&group_by=region")" "$(naive "$from" "$to" region)"
printf '%-52s %10s %12s\n' "quarter by region x week (America/Chicago)" \
  "$(api "/v1/reports/indicators?from=$from&to=$to&group_by=region,week&tz=America/Chicago")" "$(naive "$from" "$to" week)"
printf '%-52s %10s %12s\n' "weekly SPC of answer_rate over the year" \
  "$(api "/v1/reports/spc?indicator=answer_rate&period=week&from=$start&to=$year_to")" "$(naive "$start" "$year_to" spc)"
printf '%-52s %10s %12s\n' "weekly SPC of dispatch_response_minutes, by region" \
  "$(api "/v1/reports/spc?indicator=dispatch_response_minutes&period=week&from=$start&to=$year_to&group_by=region")" "-"
kill -TERM "$server"; wait "$server" 2>/dev/null || true
