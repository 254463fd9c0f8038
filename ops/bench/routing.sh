#!/usr/bin/env bash
# Routing benchmarks (issue #11):
# 1. decisions per second in process, 50 rules (ops/bench/rules.sh);
# 2. single-event ingest with one event in five an assessment, interleaved (ROUNDS=5 of
#    DURATION=10 s each, every other round in the reverse order, so that no mode always runs
#    on tables and vacuum debt the same other mode left), medians and ratios, in three modes:
#    - routed: the default ruleset active;
#    - unrouted: the same events with no ruleset active (the bench database's ruleset switched
#      off by SQL), so assessments are stored but not decided: the cost of routing is the
#      difference (the read that finds no active ruleset is still made);
#    - plain: that fifth event a `contact.answered` instead, with the ruleset active (an
#      assessment's own state costs a little more to store than an answered event's).
#   Two more modes say where routing's cost lies (MODES="... no-dispatch decide-only"): the
#   default ruleset with its dispatches made phone resolutions (version 2 in the bench
#   database), and with its follow-ups dropped too (version 3: deciding and recording only).
#   LAG=n assesses the contact received n requests earlier on the same wrk thread (default 1,
#   the one just before, whose post is often still in flight; n must not be a multiple of 5).
#   ops/bench/routing.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/lib/deps.sh
lodestar_install_deps wrk
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-5}
MODES=${MODES:-plain unrouted routed}
LAG=${LAG:-1}
source ops/lib/bench-db.sh
lodestar_bench_setup lodestar_routing_bench
trap 'kill "${server:-0}" 2>/dev/null || true; lodestar_bench_stop' EXIT

echo "# routing benchmark $(date -u '+%Y-%m-%d %H:%M UTC') host=$(hostname) cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
token=$("$bin" token create --role ingest --name "bench-$(date +%s)")
lodestar_bench_serve "${PORT:-18091}"
# The default ruleset without dispatches (2) and without dispatches or follow-ups (3).
no_dispatch=$(sed -e 's/"dispatch_mobile_team"/"resolve_by_phone"/' -e 's/, "requires": \[[^]]*\]//' rules/default.json)
decide_only=$(sed -e 's/, "follow_up": "PT[0-9]*H"//' <<<"$no_dispatch")
psql -q -v a="$no_dispatch" -v b="$decide_only" lodestar_routing_bench <<'SQL'
INSERT INTO rulesets (version, document) VALUES (2, :'a'::jsonb), (3, :'b'::jsonb);
SQL

# CPU time (user + system, clock ticks) of Lodestar and of every PostgreSQL process of the
# cluster: on a shared machine the CPU each event costs is steadier than the events per second.
postmaster=$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null || head -1 "$PG_DIR/postmaster.pid")
cpu_ticks() {
  local pids total=0
  pids=${1:-"$server $postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"}
  for pid in $pids; do
    [[ -r /proc/$pid/stat ]] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
ticks_per_second=$(getconf CLK_TCK)

declare -A results cpu
version_of() { case $1 in unrouted) echo 0 ;; no-dispatch) echo 2 ;; decide-only) echo 3 ;; *) echo 1 ;; esac; }
for round in $(seq "$ROUNDS"); do
  order=$MODES
  (( round % 2 == 0 )) && order=$(tr ' ' '\n' <<<"$MODES" | tac | tr '\n' ' ')
  for mode in $order; do
    psql -q -c "BEGIN" -c "UPDATE rulesets SET active = false WHERE active" \
      -c "UPDATE rulesets SET active = true WHERE version = $(version_of "$mode")" -c "COMMIT" lodestar_routing_bench
    psql -q -c CHECKPOINT
    before=$(cpu_ticks); before_lodestar=$(cpu_ticks "$server")
    events=routed; [[ $mode == plain ]] && events=plain
    out=$(wrk -t2 -c32 -d"${DURATION}s" --latency -s ops/bench/wrk-routing.lua "http://127.0.0.1:$port" -- "$token" "$events" "r$round-$mode-$$" "$LAG")
    after=$(cpu_ticks); after_lodestar=$(cpu_ticks "$server")
    rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
    total=$(awk '/requests in/{print $1}' <<<"$out")
    p99=$(awk '$1=="99%"{print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/{print $NF}' <<<"$out")
    us=$(awk -v t=$((after - before)) -v n="$total" -v hz="$ticks_per_second" 'BEGIN{printf "%.0f", t / hz * 1e6 / n}')
    lodestar_us=$(awk -v t=$((after_lodestar - before_lodestar)) -v n="$total" -v hz="$ticks_per_second" 'BEGIN{printf "%.0f", t / hz * 1e6 / n}')
    echo "round $round $mode: events/s $rps p99 $p99 non-2xx ${non2xx:-0} cpu/event ${us} us (of which lodestar ${lodestar_us} us)"
    results[$mode]+="$rps "
    cpu[$mode]+="$us "
  done
done
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", a/b}'; }
for mode in $MODES; do
  echo "## median $mode: $(median "${results[$mode]}") events/s, $(median "${cpu[$mode]}") us CPU/event"
done
if [[ -n ${results[unrouted]:-} ]]; then
  for mode in $MODES; do
    [[ $mode == unrouted || $mode == plain ]] && continue
    echo "## $mode/unrouted: throughput $(ratio "$(median "${results[$mode]}")" "$(median "${results[unrouted]}")"), CPU per event $(ratio "$(median "${cpu[$mode]}")" "$(median "${cpu[unrouted]}")")"
  done
fi
if [[ -n ${results[plain]:-} && -n ${results[routed]:-} ]]; then
  echo "## routed/plain: throughput $(ratio "$(median "${results[routed]}")" "$(median "${results[plain]}")"), CPU per event $(ratio "$(median "${cpu[routed]}")" "$(median "${cpu[plain]}")")"
fi
echo "## decisions: $(psql -Atc 'select count(*) from decisions' lodestar_routing_bench), dispatches $(psql -Atc 'select count(*) from dispatches' lodestar_routing_bench), follow-ups $(psql -Atc 'select count(*) from follow_ups' lodestar_routing_bench)"
