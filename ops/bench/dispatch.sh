#!/usr/bin/env bash
# Dispatch reads under load (issue #9): the nearest available teams (`GET /v1/teams?near=`) and
# the dispatch board (`GET /v1/dispatches`, default page), each with wrk at 32 connections, on
# a database seeded with TEAMS teams and DISPATCHES open dispatches, beside `GET /healthz` on the
# same server in the same round as the baseline. RUNS rounds of the three, DURATION seconds
# each; prints every figure, then the medians (requests/s, p50, p99, and requests/s as a share
# of /healthz's in the same round) and the load average before and after.
#   ops/bench/dispatch.sh      (TEAMS=2000 DISPATCHES=5000 DURATION=10 RUNS=3 NEAR_LIMIT=10 by default)
# Release build; a throwaway cluster (the baseline's pg-local.sh; BENCH_PG_PORT, default 55433).
# The seed is written with SQL: half the teams (at most a fifth of the dispatches) hold an open
# dispatch, the other dispatches are queued needing a capability no free team has, so the seed
# is a state Lodestar itself could be in. Nothing writes while wrk runs, so the board shows the
# page it rendered (its cost when a change makes it read the page again is in the README).
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/lib/deps.sh
lodestar_install_deps wrk
TEAMS=${TEAMS:-2000}
DISPATCHES=${DISPATCHES:-5000}
DURATION=${DURATION:-10}
RUNS=${RUNS:-3}
NEAR_LIMIT=${NEAR_LIMIT:-10}
source ops/lib/bench-db.sh
lodestar_bench_setup lodestar_dispatch_bench
trap 'kill "${server:-0}" 2>/dev/null || true; lodestar_bench_stop' EXIT

"$bin" migrate >/dev/null
token=$("$bin" token create --role dispatcher --name "bench-$(date +%s)")
busy=$(( TEAMS / 2 < DISPATCHES / 5 ? TEAMS / 2 : DISPATCHES / 5 ))
psql -q -v ON_ERROR_STOP=1 -v teams="$TEAMS" -v dispatches="$DISPATCHES" -v busy="$busy" lodestar_dispatch_bench <<'SQL'
INSERT INTO regions (code, name, type, timezone, response_target_minutes)
SELECT 'r' || i, 'Region ' || i, (ARRAY['urban', 'rural', 'frontier'])[1 + i % 3], 'America/Chicago', 60 + 30 * (i % 3)
FROM generate_series(0, 9) AS i;

-- Teams over a 4° × 6° area around (42, -89); the first :busy hold a dispatch.
INSERT INTO teams (team_id, name, capabilities, regions, base_lat, base_lon, status, status_at, available_since)
SELECT 'team-' || i, 'Team ' || i,
       CASE WHEN i <= :busy THEN ARRAY['clinician', 'medical'] WHEN i % 3 = 0 THEN ARRAY['clinician', 'peer']
            WHEN i % 3 = 1 THEN ARRAY['clinician', 'youth'] ELSE ARRAY['peer', 'spanish'] END,
       ARRAY['r' || (i % 10)], 40 + 4 * random(), -92 + 6 * random(),
       CASE WHEN i <= :busy THEN 'busy' WHEN i % 10 = 0 THEN 'off_duty' ELSE 'available' END,
       now() - interval '2 hours',
       CASE WHEN i > :busy AND i % 10 <> 0 THEN now() - (i % 120) * interval '1 minute' END
FROM generate_series(1, :teams) AS i;

INSERT INTO contacts (contact_id, region, location_lat, location_lon, received_at, channel)
SELECT 'contact-' || i, 'r' || (i % 10), 40 + 4 * random(), -92 + 6 * random(), now() - (i % 240) * interval '1 minute', 'call'
FROM generate_series(1, :dispatches) AS i;

INSERT INTO dispatches (contact_id, status, priority, requires, team_id, eta_minutes, requested_at, assigned_at, auto_assign)
SELECT 'contact-' || i,
       CASE WHEN i <= :busy THEN (ARRAY['assigned', 'en_route', 'on_scene'])[1 + i % 3] ELSE 'requested' END,
       (ARRAY['emergent', 'urgent', 'urgent', 'routine'])[1 + i % 4],
       CASE WHEN i <= :busy THEN ARRAY['clinician'] ELSE ARRAY['medical'] END,
       CASE WHEN i <= :busy THEN 'team-' || i END,
       CASE WHEN i <= :busy THEN 20 + i % 40 END,
       now() - (i % 240) * interval '1 minute',
       CASE WHEN i <= :busy THEN now() - (i % 240) * interval '1 minute' END,
       true
FROM generate_series(1, :dispatches) AS i;
VACUUM ANALYZE;
SQL
lodestar_bench_serve "${PORT:-18094}"

echo "# dispatch benchmark $(date -u '+%Y-%m-%d %H:%M UTC') host=$(hostname) cores=$(nproc) duration=${DURATION}s runs=$RUNS"
echo "## seed: $(psql -Atc 'select count(*) from teams' lodestar_dispatch_bench) teams ($(psql -Atc "select count(*) from teams where status = 'available'" lodestar_dispatch_bench) available), $(psql -Atc "select count(*) from dispatches where status not in ('completed', 'cancelled')" lodestar_dispatch_bench) open dispatches"
echo "## load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
results=$(mktemp)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -f "$results"; lodestar_bench_stop' EXIT
# One wrk run: appends "name round requests/s p50_ms p99_ms" to $results and prints the line.
run() {
  local name=$1 round=$2 path=$3 out rps p50 p99 bad
  out=$(wrk -t2 -c32 -d"${DURATION}s" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path")
  rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out"); p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  bad=$(awk '/Non-2xx|Socket errors/' <<<"$out")
  [[ -z $bad ]] || { echo "bench: $name: $bad" >&2; exit 1; }
  echo "$name $round $rps $(ms "$p50") $(ms "$p99")" >>"$results"
  printf '%-8s round %s  requests/s %9s  p50 %8s  p99 %8s\n' "$name" "$round" "$rps" "$p50" "$p99"
}
# wrk's latency (`812.00us`, `1.20ms`, `1.02s`) in milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[^m]s$/) n *= 1000; printf "%.2f", n }'; }
# A second of each first, unmeasured: the pool's connections prepare their statements.
for path in /healthz "/v1/teams?near=42.1,-88.9&status=available&limit=$NEAR_LIMIT" /v1/dispatches; do
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path" || { echo "bench: $path did not answer" >&2; exit 1; }
  wrk -t2 -c32 -d1s -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path" >/dev/null
done
for round in $(seq 1 "$RUNS"); do
  run healthz "$round" /healthz
  run near "$round" "/v1/teams?near=42.1,-88.9&status=available&limit=$NEAR_LIMIT"
  run board "$round" /v1/dispatches
done
echo "## load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| route | requests/s | share of /healthz | p50 | p99 |"
echo "|---|---|---|---|---|"
# Medians over the rounds; the share is the median of each round's ratio to /healthz.
for name in healthz near board; do
  awk -v name="$name" '
    { rps[$1, $2] = $3 }
    $1 == name { n++; r[n] = $3; a[n] = $4; b[n] = $5; k[n] = $2 }
    function median(x, m,   i, j, t) { for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
                                       return m % 2 ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2 }
    END { for (i = 1; i <= n; i++) s[i] = r[i] / rps["healthz", k[i]]
          printf "| %s | %.0f | %.2f | %.2f ms | %.2f ms |\n", name, median(r, n), median(s, n), median(a, n), median(b, n) }' "$results"
done
kill -TERM "$server"; wait "$server" 2>/dev/null || true
