#!/usr/bin/env bash
# Rebuilds the benchmarks' C programs into src/main/resources/dev/detwasm/bench/*.wasm with the
# project's fixture toolchain (shared/toolchain: `. env.sh` puts wasm-cc on PATH). The .wasm
# files are committed, so building and running the benchmarks needs no toolchain.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/src/main/resources/dev/detwasm/bench"
cd "$here/src/main/c"
for src in *.c; do
  wasm-cc -o "$out/${src%.c}.wasm" "$src"
done
