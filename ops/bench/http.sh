#!/usr/bin/env bash
# HTTP throughput and latency of `lodestar serve` (release build) on GET /healthz:
# wrk with 2 threads and 32 connections for 15 s. Prints requests/s, p50 and p99, with the
# machine's core count and the date, so figures from different runs can be compared honestly.
# The server and wrk share the machine: on a small one the figures are a floor, not a ceiling.
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/lib/deps.sh
lodestar_install_deps wrk

swift build -c release --product lodestar 2>&1 | { grep -Ev '^\[[0-9]+/[0-9]+\] ' >&2 || true; }
bin="$(swift build -c release --show-bin-path)/lodestar"

log=$(mktemp)
report=$(mktemp)
# The server's embedded PostgreSQL lives in a throwaway directory, stopped and removed at the
# end, rather than in the checkout's .lodestar/ where it would outlive the benchmark.
created_data_dir=""
if [[ -z ${LODESTAR_DATA_DIR:-} ]]; then created_data_dir=$(mktemp -d); export LODESTAR_DATA_DIR=$created_data_dir; fi
# At warning level: the per-request access log (info) is not what this measures, and the
# baseline writes none either.
port=${PORT:-18093}
"$bin" serve --host 127.0.0.1 --port "$port" --log-level warning 2>"$log" &
server=$!
cleanup() {
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -f "$log" "$report"
  if [[ -n $created_data_dir ]]; then
    "$bin" db stop >/dev/null 2>&1 || true
    rm -rf "$created_data_dir"
  fi
}
trap cleanup EXIT

for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { echo "bench: the server did not start" >&2; cat "$log" >&2; exit 1; }

wrk -t2 -c32 -d15s --latency "http://127.0.0.1:$port/healthz" | tee "$report" >&2

rps=$(awk '/^Requests\/sec:/ {print $2}' "$report")
p50=$(awk '$1 == "50%" {print $2}' "$report")
p99=$(awk '$1 == "99%" {print $2}' "$report")
errors=$(awk '/Non-2xx|Socket errors/' "$report")
echo "lodestar http bench: GET /healthz, wrk -t2 -c32 -d15s, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "requests/s: $rps  p50: $p50  p99: $p99"
[[ -z $errors ]] || echo "errors: $errors"

kill -TERM "$server"
wait "$server" && echo "server stopped cleanly" || { echo "bench: server exit status $?" >&2; exit 1; }

# The baseline in the same run: the same route written the ordinary Hummingbird 2 way
# (ops/bench/baseline-hummingbird, a package of its own). SKIP_BASELINE=1 skips it.
[[ ${SKIP_BASELINE:-0} == 1 ]] && exit 0
baseline=ops/bench/baseline-hummingbird
swift build -c release --package-path "$baseline" 2>&1 | { grep -Ev '^\[[0-9]+/[0-9]+\] ' >&2 || true; }
hb_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$(swift build -c release --package-path "$baseline" --show-bin-path)/HealthServer" "$hb_port" >/dev/null 2>&1 &
hb=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$hb_port/healthz" >/dev/null && break; sleep 0.1; done
wrk -t2 -c32 -d15s --latency "http://127.0.0.1:$hb_port/healthz" | tee "$report" >&2
kill -TERM "$hb"; wait "$hb" 2>/dev/null || true
hb_rps=$(awk '/^Requests\/sec:/ {print $2}' "$report")
hb_p50=$(awk '$1 == "50%" {print $2}' "$report")
hb_p99=$(awk '$1 == "99%" {print $2}' "$report")
echo
echo "| server | requests/s | p50 | p99 |"
echo "|---|---|---|---|"
echo "| Lodestar | $rps | $p50 | $p99 |"
echo "| Hummingbird 2 (baseline) | $hb_rps | $hb_p50 | $hb_p99 |"
echo "ratio Lodestar / Hummingbird: $(awk -v a="$rps" -v b="$hb_rps" 'BEGIN{printf "%.2f", a/b}')"
