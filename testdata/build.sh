#!/usr/bin/env bash
# build.sh - rebuild the fixture binaries from their sources, reproducibly.
#
#   testdata/build.sh                  build every fixture listed in fixtures.txt
#   testdata/build.sh c/hello go/clock build only these (<lang>/<name>)
#   testdata/build.sh --check          rebuild everything into a temporary directory and fail,
#                                      listing the files, if any byte differs from the
#                                      committed binaries
#
# Needs the toolchain in ../shared/toolchain (relative to the repository root): install it with
# its setup.sh. Tests do not need it: they use the committed .wasm files.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
TOOLCHAIN="$(cd "$ROOT/.." && pwd)/shared/toolchain"
MANIFEST="$HERE/fixtures.txt"
VERSIONS_FILE="$HERE/TOOLCHAIN.txt"

die() { printf 'build.sh: %s\n' "$*" >&2; exit 2; }

find_toolchain() {
  if ! command -v wasm-build >/dev/null 2>&1; then
    if [ -f "$TOOLCHAIN/env.sh" ]; then
      # shellcheck disable=SC1091
      . "$TOOLCHAIN/env.sh" 2>/dev/null
    fi
  fi
  if ! command -v wasm-build >/dev/null 2>&1 || ! wasm-build env >/dev/null 2>&1; then
    die "the wasm toolchain is missing. Install it with: bash $TOOLCHAIN/setup.sh
(see $TOOLCHAIN/README.md), or put its bin/ on PATH; DETWASM_TOOLCHAIN names its prefix."
  fi
  command -v wasm-validate >/dev/null 2>&1 || die "wasm-validate (wabt) is missing; run $TOOLCHAIN/setup.sh"
}

# The toolchain versions, without local paths: recorded in TOOLCHAIN.txt by a full build, so
# that --check can tell when a difference may come from another compiler version.
toolchain_versions() {
  wasm-build env | grep -v -e '^prefix=' -e '^DETWASM_'
}

# The fixture modules named in the manifest, one <lang>/<name> per line, each once. Every line
# names a module, whatever its kind: a run ("single", "threads") or a model check ("check").
manifest_modules() {
  local id kind rest
  while read -r id kind rest; do
    case "$id" in '' | '#'*) continue ;; esac
    case "$kind" in
      single | threads | check) ;;
      *) die "fixtures.txt: '$id' has kind '$kind'; expected single, threads or check" ;;
    esac
    printf '%s\n' "${id%%@*}"
  done <"$MANIFEST" | awk '!seen[$0]++'
}

source_of() { # <lang>/<name> -> path of its source, relative to testdata/
  local lang="${1%%/*}" name="${1#*/}"
  case "$lang" in
    c) echo "c/$name.c" ;;
    cpp) echo "cpp/$name.cpp" ;;
    go) echo "go/$name.go" ;;
    wat) echo "wat/$name.wat" ;;
    *) die "fixtures.txt: unknown language '$lang' in '$1'" ;;
  esac
}

# Every source file must be listed in the manifest, and every module listed must have a source.
check_manifest() {
  local module src listed
  listed="$(manifest_modules)"
  while read -r module; do
    src="$(source_of "$module")"
    [ -f "$HERE/$src" ] || die "fixtures.txt lists $module but $src does not exist"
  done <<<"$listed"
  for src in "$HERE"/c/*.c "$HERE"/cpp/*.cpp "$HERE"/go/*.go "$HERE"/wat/*.wat; do
    [ -e "$src" ] || continue
    module="${src#"$HERE"/}"
    module="${module%.*}"
    grep -qxF "$module" <<<"$listed" || die "${src#"$HERE"/} is not listed in fixtures.txt"
  done
}

# build <lang>/<name> <output .wasm>: compiles from inside the language directory, so that no
# absolute path of this checkout reaches the binary (the toolchain maps the directory to "."
# in debug info too). A C or C++ source whose first line starts with "/* build: -g..." (-g,
# -gdwarf-4, -gdwarf-5) keeps its DWARF, built with that flag; the others are stripped.
build() {
  local module="$1" out="$2" lang="${1%%/*}" name="${1#*/}"
  local src debug=(-Wl,--strip-debug)
  src="$(basename "$(source_of "$module")")"
  local flag
  flag="$(sed -n '1s|^/\* build: \(-g[a-z0-9-]*\).*|\1|p' "$HERE/$lang/$src")"
  if [ -n "$flag" ]; then
    debug=("$flag")
  fi
  (
    cd "$HERE/$lang"
    case "$lang" in
      c) wasm-cc "${debug[@]}" -o "$out" "$src" ;;
      cpp) wasm-c++ "${debug[@]}" -o "$out" "$src" ;;
      go) wasm-go -o "$out" "$src" ;;
      wat) wasm-wat -o "$out" "$src" ;;
    esac
  ) || die "building $module failed"
  wasm-validate --enable-threads "$out" || die "$module: the built binary does not validate"
  printf '  %-24s %8d bytes\n' "$module" "$(stat -c %s "$out")"
}

main() {
  local check=0 modules=() module
  for arg in "$@"; do
    case "$arg" in
      --check) check=1 ;;
      -h | --help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
      -*) die "unknown option '$arg' (see --help)" ;;
      *) modules+=("$arg") ;;
    esac
  done
  [ -f "$MANIFEST" ] || die "$MANIFEST is missing"
  find_toolchain
  check_manifest
  if [ ${#modules[@]} -eq 0 ]; then
    mapfile -t modules < <(manifest_modules)
  else
    for module in "${modules[@]}"; do
      manifest_modules | grep -qxF "$module" || die "$module is not in fixtures.txt"
    done
  fi

  if [ $check = 0 ]; then
    echo "building ${#modules[@]} fixtures"
    for module in "${modules[@]}"; do
      build "$module" "$HERE/$module.wasm"
    done
    if [ $# -eq 0 ]; then
      toolchain_versions >"$VERSIONS_FILE"
    fi
    return 0
  fi

  local tmp differ=()
  tmp="$(mktemp -d)"
  # shellcheck disable=SC2064 # expand now: $tmp is local
  trap "rm -rf '$tmp'" EXIT
  echo "rebuilding ${#modules[@]} fixtures in $tmp"
  for module in "${modules[@]}"; do
    mkdir -p "$tmp/${module%%/*}"
    build "$module" "$tmp/$module.wasm"
    if [ ! -f "$HERE/$module.wasm" ]; then
      differ+=("$module.wasm (not committed)")
    elif ! cmp -s "$tmp/$module.wasm" "$HERE/$module.wasm"; then
      differ+=("$module.wasm")
    fi
  done
  if [ ${#differ[@]} -gt 0 ]; then
    echo "build.sh --check: FAILED, ${#differ[@]} binaries differ from the committed ones:"
    printf '  testdata/%s\n' "${differ[@]}"
    if [ -f "$VERSIONS_FILE" ] && ! toolchain_versions | cmp -s - "$VERSIONS_FILE"; then
      echo "note: this toolchain differs from the one recorded in testdata/TOOLCHAIN.txt:"
      toolchain_versions | diff "$VERSIONS_FILE" - || true
    fi
    exit 1
  fi
  echo "build.sh --check: ok, all ${#modules[@]} binaries are byte-identical"
}

main "$@"
