#!/usr/bin/env bash
# Routing rules benchmark (issue #11): decisions per second for a generated 50-rule table,
# in process on one thread (no HTTP, no database), release build. Each decision encodes a
# contact's facts and tries rules in order until one fires. A CPU figure: on a shared machine
# other work lowers it, so run it while the machine is otherwise quiet.
#   ops/bench/rules.sh          (DURATION=5 s; RULES=50; CONTACTS=4096)
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/lib/deps.sh
lodestar_install_deps
DURATION=${DURATION:-5}
RULES=${RULES:-50}
CONTACTS=${CONTACTS:-4096}

swift build -c release --product lodestar-bench 2>&1 | { grep -Ev '^\[[0-9]+/[0-9]+\] ' >&2 || true; }
bin="$(swift build -c release --show-bin-path)/lodestar-bench"

echo "# rules benchmark $(date -u '+%Y-%m-%d %H:%M UTC') host=$(hostname) cores=$(nproc) duration=${DURATION}s"
result=$("$bin" rules --seconds "$DURATION" --rules "$RULES" --contacts "$CONTACTS")
echo "$result"
field() { tr ' ' '\n' <<<"$result" | awk -F= -v k="$1" '$1==k{print $2}'; }
echo "decisions/s: $(field per_second) ($(field ns_per_decision) ns each, $(field rules_tried_mean) rules tried on average, $RULES rules)"
