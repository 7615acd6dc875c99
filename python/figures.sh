#!/usr/bin/env bash
# The figures of bench/RESULTS.md's Python section: whole `detwasm run --python` processes
# timed with /usr/bin/time (wall s, user s, sys s, max RSS KB), each after a first run that
# fills the compile cache, with the load average at the time.
#   python/figures.sh [REPEATS]     (default 3; run it on a quiet machine)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
for script in hello loop stdlib; do
  ./detwasm run --python "python/bench/$script.py" >/dev/null
  for _ in $(seq "$repeats"); do
    t=$( { /usr/bin/time -f '%e %U %S %M' ./detwasm run --python "python/bench/$script.py" \
        >/dev/null; } 2>&1 | tail -1)
    echo "$script: wall/user/sys/RSS-KB $t  load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
