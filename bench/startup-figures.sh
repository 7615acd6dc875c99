#!/usr/bin/env bash
# Reproduces the whole-process figures of issue 14 (bench/RESULTS.md, "Start-up, compile cache,
# CPU-bound guests"): each pair of commands runs alternately ROUNDS times (default 9) after one
# warm-up each (which also fills the compile cache and, on JDK 25+, leaves time for the JVM's
# AOT cache to be trained), and prints medians of wall and CPU (user + system) seconds, their
# ratio, and the load average. Run it from anywhere; node is needed for the node pairs.
#   bench/startup-figures.sh [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds="${1:-9}"
node_wasi=/work/shared/toolchain/smoke/run-node.mjs
cd "$root"

out="$(mktemp)"
trap 'rm -f "$out" "$out.time"' EXIT

# Prints "WALL CPU" (seconds) of one run of the command.
measure() {
  local wall user sys
  /usr/bin/time -f '%e %U %S' -o "$out.time" "$@" >/dev/null 2>&1 || true
  read -r wall user sys < <(tail -1 "$out.time")  # after "Command exited with ..." if any
  echo "$wall $(echo "$user + $sys" | bc)"
}

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# pair LABEL -- COMMAND A -- COMMAND B: alternates A and B; prints medians and A/B.
pair() {
  local label="$1" a=() b=() side=a wa=() ca=() wb=() cb=() i w c
  shift 2
  for arg in "$@"; do
    if [ "$arg" = -- ]; then side=b; elif [ "$side" = a ]; then a+=("$arg"); else b+=("$arg"); fi
  done
  measure "${a[@]}" >/dev/null
  measure "${b[@]}" >/dev/null
  for ((i = 0; i < rounds; i++)); do
    read -r w c <<<"$(measure "${a[@]}")"; wa+=("$w"); ca+=("$c")
    read -r w c <<<"$(measure "${b[@]}")"; wb+=("$w"); cb+=("$c")
  done
  local mwa mca mwb mcb
  mwa="$(printf '%s\n' "${wa[@]}" | median)"; mca="$(printf '%s\n' "${ca[@]}" | median)"
  mwb="$(printf '%s\n' "${wb[@]}" | median)"; mcb="$(printf '%s\n' "${cb[@]}" | median)"
  printf '%s\n  A: %s\n  B: %s\n  A wall %s s, cpu %s s | B wall %s s, cpu %s s | A/B wall %.2f, cpu %.2f | load %s\n' \
    "$label" "${a[*]}" "${b[*]}" "$mwa" "$mca" "$mwb" "$mcb" \
    "$(echo "$mwa / $mwb" | bc -l)" "$(echo "$mca / $mcb" | bc -l)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}

sieve=bench/src/main/resources/dev/detwasm/bench/sieve.wasm
echo "$(date -u '+%F %H:%M UTC'), $(nproc) cores, JDK $("$root/bin/find-jdk")"
pair "hello world (target: A at most 0.5 s wall)" \
  -- ./detwasm run testdata/c/hello.wasm -- node "$node_wasi" testdata/c/hello.wasm
pair "Go threads program, second run (target: A at most 1.5 s wall)" \
  -- ./detwasm run testdata/go/goroutines.wasm -- ./detwasm run --no-cache testdata/go/goroutines.wasm
pair "sieve (target: A/B at most 2.0)" \
  -- ./detwasm run "$sieve" -- node "$node_wasi" "$sieve"
# The same from the distribution archive, unpacked as README's install does: no source checkout,
# so no check for a stale build. Its first run trains its own AOT cache in the background.
if archive="$(ls cli/target/detwasm-*.tar.gz 2>/dev/null)" && [ -n "$archive" ]; then
  rm -rf cli/target/installed && mkdir cli/target/installed
  tar xzf "$archive" -C cli/target/installed
  installed="$(echo "$root"/cli/target/installed/detwasm-*/detwasm)"
  "$installed" run testdata/c/hello.wasm >/dev/null
  sleep 1
  for ((i = 0; i < 300; i++)); do pgrep -f 'AOTMode=(record|create)' >/dev/null || break; sleep 1; done
  pair "sieve, installed from the archive (target: A/B at most 2.0)" \
    -- "$installed" run "$sieve" -- node "$node_wasi" "$sieve"
fi
# check prints its own rate ("time: S s, J job(s), R runs/s", start-up excluded) and the run
# count ("... of N"); whole-process runs/s is N over the process's wall time. random, because
# the default portfolio covers the racy counter's bounded tree in about 1,500 runs and stops.
for ((i = 0; i < 3; i++)); do
  for jobs in 1 2; do
    /usr/bin/time -f 'process %e s wall, %U user, %S sys' -o "$out.time" \
      ./detwasm check --jobs "$jobs" --strategy random --max-runs 50000 testdata/c/racy_counter.wasm >"$out" 2>&1 || true
    runs="$(sed -n 's/.* of \([0-9]*\)[,;].*/\1/p' "$out" | tail -1)"
    wall="$(tail -1 "$out.time" | cut -d' ' -f2)"
    printf 'check racy counter --jobs %s: %s; %s runs, %s; whole process %.0f runs/s | load %s\n' \
      "$jobs" "$(grep '^time:' "$out")" "$runs" "$(tail -1 "$out.time")" \
      "$(echo "$runs / $wall" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
echo "(targets: 12,000 runs/s with 1 job; --jobs 2 at least 1.7x --jobs 1, whole process)"

# What a second core gives on this machine: the same CPU-bound loop (awk, one process each) alone,
# then two at once. 2.0x is two real cores; virtual CPUs that share a physical core, or a host
# that throttles the second, give less, and no program's --jobs 2 beats this ratio.
spin() { /usr/bin/time -f '%e' -o "$1" awk 'BEGIN { for (i = 0; i < 3e7; i++) x += i * i }'; }
for ((i = 0; i < 3; i++)); do
  spin "$out.time"; one="$(tail -1 "$out.time")"
  spin "$out.a" & spin "$out.time"; wait
  both="$(sort -n "$out.a" "$out.time" | tail -1)"
  printf 'machine: one loop %s s, two at once %s s: parallel capacity %.2fx | load %s\n' \
    "$one" "$both" "$(echo "2 * $one / $both" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -f "$out.a"
