#!/usr/bin/env bash
# Memory under heavy mixed load (issue #8): the server's resident set while wrk posts batches,
# single events over many connections and reads a large contact's view, its peak, and what is
# left after a minute of idling.
#   ops/bench/memory.sh            (PHASE=10 seconds per load phase, IDLE=60 seconds)
# Release build; a throwaway cluster (the baseline's pg-local.sh, port 55433).
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/lib/deps.sh
lodestar_install_deps wrk
PHASE=${PHASE:-10}
IDLE=${IDLE:-60}
source ops/lib/bench-db.sh
lodestar_bench_setup lodestar_memory
trap 'kill "${server:-0}" "${sampler:-0}" 2>/dev/null || true; lodestar_bench_stop' EXIT

ingest=$("$bin" token create --role ingest --name "mem-ingest")
reader=$("$bin" token create --role manager --name "mem-reader")
lodestar_bench_serve "${PORT:-18091}"
rss() { awk '/^VmRSS/{print $2}' "/proc/$server/status"; }
echo "# memory benchmark $(date -u '+%Y-%m-%d %H:%M UTC') host=$(hostname) cores=$(nproc)"
echo "rss at start: $(( $(rss) / 1024 )) MB"

# One contact with 2,000 events, whose view (a 500-event page) the readers fetch.
for part in 0 1 2 3; do
  python3 - "$part" >/tmp/lodestar-memory-batch.json <<'PY'
import json, sys
part = int(sys.argv[1])
events = [{"event_id": f"big-{part}-{i}", "type": "contact.answered", "contact_id": "big-contact",
           "occurred_at": f"2026-11-26T16:{i // 60 % 60:02d}:{i % 60:02d}Z", "data": {"counselor_id": f"k{part}-{i}"}}
          for i in range(500)]
print(json.dumps({"events": events}))
PY
  curl -fs -o /dev/null -H "Authorization: Bearer $ingest" -H "Content-Type: application/json" \
    --data-binary @/tmp/lodestar-memory-batch.json "http://127.0.0.1:$port/v1/events"
done

peak=0
( while kill -0 "$server" 2>/dev/null; do rss; sleep 0.5; done ) >/tmp/lodestar-memory-rss.txt &
sampler=$!
wrk -t2 -c32 -d"${PHASE}s" -s "$BENCH/wrk-events.lua" "http://127.0.0.1:$port" -- "$ingest" 100 "m100-$$" | grep -E 'Requests/sec'
wrk -t2 -c512 -d"${PHASE}s" -s "$BENCH/wrk-events.lua" "http://127.0.0.1:$port" -- "$ingest" 1 "m1-$$" | grep -E 'Requests/sec'
wrk -t2 -c64 -d"${PHASE}s" -H "Authorization: Bearer $reader" "http://127.0.0.1:$port/v1/contacts/big-contact" | grep -E 'Requests/sec'
peak=$(sort -n /tmp/lodestar-memory-rss.txt | tail -1)
echo "peak rss under load: $(( peak / 1024 )) MB"
sleep "$IDLE"
echo "rss after ${IDLE}s idle: $(( $(rss) / 1024 )) MB"
kill -TERM "$server"; wait "$server" 2>/dev/null || true
