#!/usr/bin/env bash
# What one contact's history costs a new event (issue #8): single-event posts, one at a time,
# to fresh contacts and to a contact that already holds 20,000 events, in the same run.
#   ops/bench/contact-growth.sh        (DURATION=10 seconds per figure, HISTORY=20000 events)
# Release build; a throwaway cluster (the baseline's pg-local.sh, port 55433).
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/lib/deps.sh
lodestar_install_deps wrk
DURATION=${DURATION:-10}
HISTORY=${HISTORY:-20000}
source ops/lib/bench-db.sh
lodestar_bench_setup lodestar_growth
trap 'kill "${server:-0}" 2>/dev/null || true; lodestar_bench_stop' EXIT

token=$("$bin" token create --role ingest --name "growth")
export LODESTAR_MAX_EVENTS_PER_CONTACT=$((HISTORY + 1000000))  # room for every post of the run
lodestar_bench_serve "${PORT:-18092}"
echo "# contact growth benchmark $(date -u '+%Y-%m-%d %H:%M UTC') host=$(hostname) cores=$(nproc) duration=${DURATION}s"

for start in $(seq 0 1000 $((HISTORY - 1))); do
  python3 - "$start" >/tmp/lodestar-growth-batch.json <<'PY'
import json, sys
start = int(sys.argv[1])
events = [{"event_id": f"h-{i}", "type": "contact.answered", "contact_id": "grown",
           "occurred_at": f"2026-{1 + i // 40000 % 12:02d}-{1 + i // 1440 % 28:02d}T{i // 60 % 24:02d}:{i % 60:02d}:00Z"}
          for i in range(start, start + 1000)]
print(json.dumps({"events": events}))
PY
  curl -fs -o /dev/null -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
    --data-binary @/tmp/lodestar-growth-batch.json "http://127.0.0.1:$port/v1/events"
done
psql -q -c "VACUUM ANALYZE" lodestar_growth
echo "history: $(psql -Atc "select event_count from contacts where contact_id = 'grown'" lodestar_growth) events on one contact"

run() {
  local out rps p50 p99
  out=$(wrk -t1 -c1 -d"${DURATION}s" --latency "$@")
  rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out"); p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  printf 'requests/s %s  p50 %s  p99 %s  non-2xx %s\n' "$rps" "$p50" "$p99" "$(awk '/Non-2xx/{print $NF}' <<<"$out" | grep . || echo 0)"
}
echo "## fresh contacts, one event per request, one connection"
run -s "$BENCH/wrk-events.lua" "http://127.0.0.1:$port" -- "$token" 1 "fresh-$$"
echo "## the $HISTORY-event contact, one event per request, one connection"
run -s ops/bench/wrk-contact.lua "http://127.0.0.1:$port" -- "$token" grown "grown-$$"
kill -TERM "$server"; wait "$server" 2>/dev/null || true
