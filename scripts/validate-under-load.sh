#!/usr/bin/env bash
# `npm run validate` with CPU-bound jobs beside it (default: one busy loop per core minus one), to show the suite does
# not depend on the machine's speed: it must pass, only slower. Prints the wall-clock time and the result.
# Usage: scripts/validate-under-load.sh [BUSY_JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${1:-$(( $(nproc) > 1 ? $(nproc) - 1 : 1 ))}"
pids=()
for _ in $(seq 1 "$jobs"); do node -e 'for (;;) {}' & pids+=($!); done
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
start=$(date +%s)
status=0
npm run validate >/tmp/validate-under-load.log 2>&1 || status=$?
echo "validate with ${jobs} busy job(s) beside it: $(( $(date +%s) - start )) s, exit ${status} (log: /tmp/validate-under-load.log)"
exit "$status"
