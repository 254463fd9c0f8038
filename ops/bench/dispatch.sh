#!/usr/bin/env bash
# Dispatch reads under load (issue #9): the nearest available teams (`GET /v1/teams?near=`) and
# the dispatch board (`GET /v1/dispatches`, default page), each with wrk at 32 connections, on
# a database seeded with TEAMS teams and DISPATCHES open dispatches. Prints requests/s and p99.
#   ops/bench/dispatch.sh      (TEAMS=2000 DISPATCHES=5000 DURATION=15 NEAR_LIMIT=10 by default)
# Release build; a throwaway cluster (the baseline's pg-local.sh; BENCH_PG_PORT, default 55433).
# The seed is written with SQL: half the teams (at most a fifth of the dispatches) hold an open
# dispatch, the other dispatches are queued needing a capability no free team has, so the seed
# is a state Lodestar itself could be in.
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/lib/deps.sh
lodestar_install_deps wrk
TEAMS=${TEAMS:-2000}
DISPATCHES=${DISPATCHES:-5000}
DURATION=${DURATION:-15}
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

echo "# dispatch benchmark $(date -u '+%Y-%m-%d %H:%M UTC') host=$(hostname) cores=$(nproc) duration=${DURATION}s"
echo "## seed: $(psql -Atc 'select count(*) from teams' lodestar_dispatch_bench) teams ($(psql -Atc "select count(*) from teams where status = 'available'" lodestar_dispatch_bench) available), $(psql -Atc "select count(*) from dispatches where status not in ('completed', 'cancelled')" lodestar_dispatch_bench) open dispatches"
run() {
  local name=$1 path=$2 out rps p50 p99 bad
  out=$(wrk -t2 -c32 -d"${DURATION}s" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path")
  rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out"); p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/{print $NF}' <<<"$out")
  printf '%-40s requests/s %s  p50 %s  p99 %s  non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "${bad:-0}"
}
curl -fsS -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/dispatches" || { echo "bench: the board did not answer" >&2; exit 1; }
run "GET /v1/teams?near (limit $NEAR_LIMIT)" "/v1/teams?near=42.1,-88.9&status=available&limit=$NEAR_LIMIT"
run "GET /v1/dispatches (board, first page)" "/v1/dispatches"
kill -TERM "$server"; wait "$server" 2>/dev/null || true
