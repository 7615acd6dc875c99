#!/usr/bin/env bash
# build.sh - build the bundled Python interpreter and its standard library, reproducibly.
#
#   python/build.sh            build python.wasm (CPython, wasm32-wasi-threads) and
#                              python313.zip (the pruned standard library, compiled) into
#                              python/dist/ (python.wasm, lib/python313.zip): the files
#                              `detwasm run --python` uses
#   python/build.sh --check    build both again in a fresh directory and fail, listing the
#                              files, if any byte differs from the committed ones
#
# Sources: Debian's source packages python3.13 and zlib (the upstream orig tarballs, pinned by
# version and sha256 below, no Debian patches). Needs the toolchain in ../shared/toolchain
# (its wasm32-wasi-threads sysroot and Debian's clang-19); downloads and the native build
# python are cached in $DETWASM_PYTHON_CACHE (default ~/.cache/detwasm-python).
set -euo pipefail

PY_DEB_VERSION=3.13.5-2+deb13u5
PY_ORIG=python3.13_3.13.5.orig.tar.xz
PY_ORIG_SHA256=93e583f243454e6e9e4588ca2c2662206ad961659863277afcdb96801647d640
ZLIB_DEB_VERSION=1:1.3.dfsg+really1.3.1-1
ZLIB_ORIG=zlib_1.3.dfsg+really1.3.1.orig.tar.gz
ZLIB_ORIG_SHA256=60dd315c07f616887caa029408308a018ace66e3d142726a97db164b3b8f69fb
SOURCE_SUITE=trixie
# Guest memory: configure sets a 10 MiB maximum, below its own 20 MiB initial memory.
MAX_MEMORY=536870912
# Python/ceval.c only (see build_wasm)
CEVAL_CFLAGS="-fno-inline-functions -mllvm -ir-outliner"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
TOOLCHAIN="$(cd "$ROOT/.." && pwd)/shared/toolchain"
OUT="$HERE/dist"
CACHE="${DETWASM_PYTHON_CACHE:-$HOME/.cache/detwasm-python}"
JOBS="${JOBS:-$(nproc)}"

export SOURCE_DATE_EPOCH=0 LC_ALL=C TZ=UTC PYTHONHASHSEED=0

die() { printf 'build.sh: %s\n' "$*" >&2; exit 2; }
step() { printf '[python %4ss] %s\n' "$SECONDS" "$*"; }
# run_logged LOG CMD...: runs CMD with its output in LOG; on failure shows the log's tail
run_logged() {
  local log="$1"; shift
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    die "failed: $* (log: $log)"
  fi
}

find_toolchain() {
  # the prefix the toolchain's setup.sh installs into (see its README)
  export DETWASM_TOOLCHAIN="${DETWASM_TOOLCHAIN:-$HOME/.cache/detwasm-toolchain}"
  [ -f "$DETWASM_TOOLCHAIN/detwasm.env" ] ||
    die "the wasm toolchain is missing in $DETWASM_TOOLCHAIN. Install it with: bash $TOOLCHAIN/setup.sh"
  # shellcheck disable=SC1091
  . "$DETWASM_TOOLCHAIN/detwasm.env"   # DETWASM_LLVM_BIN, DETWASM_SYSROOT
  [ -f "$DETWASM_SYSROOT/lib/wasm32-wasi-threads/libc.a" ] || die "no wasm32-wasi-threads sysroot in $DETWASM_SYSROOT"
}

# The orig tarballs of Debian's source packages, from a private apt configuration (deb-src of
# $SOURCE_SUITE) under the cache; /etc/apt is not touched.
fetch_sources() {
  local apt="$CACHE/apt" dl="$CACHE/downloads"
  if [ -f "$dl/$PY_ORIG" ] && [ -f "$dl/$ZLIB_ORIG" ]; then
    step "sources: cached in $dl"
  else
    local mirror
    local codename
    codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
    # the URI this machine's apt already uses for its main suite
    mirror="$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Created-By: Packages' 2>/dev/null |
      awk -v c="$codename" '$2 == c { print $1; exit }')"
    [ -n "$mirror" ] || mirror=http://deb.debian.org/debian/
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/parts" "$dl"
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $SOURCE_SUITE main" >"$apt/sources.list"
    local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/parts"
      -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
      -o "Dir::Etc::Preferences=$apt/preferences" -o "Dir::Etc::PreferencesParts=$apt/parts"
      -o "Acquire::Languages=none" -o "APT::Sandbox::User=root" -q)
    step "sources: apt-get source python3.13=$PY_DEB_VERSION zlib=$ZLIB_DEB_VERSION ($SOURCE_SUITE)"
    run_logged "$CACHE/apt-update.log" apt-get "${opts[@]}" update
    (cd "$dl" && run_logged "$CACHE/apt-source.log" apt-get "${opts[@]}" source --download-only \
      "python3.13=$PY_DEB_VERSION" "zlib=$ZLIB_DEB_VERSION")
  fi
  echo "$PY_ORIG_SHA256  $dl/$PY_ORIG" | sha256sum -c --quiet || die "$PY_ORIG: sha256 mismatch"
  echo "$ZLIB_ORIG_SHA256  $dl/$ZLIB_ORIG" | sha256sum -c --quiet || die "$ZLIB_ORIG: sha256 mismatch"
}

# A native CPython of the same version: cross builds need it (freezing, the .pyc files).
native_python() {
  local dir="$CACHE/native-$PY_ORIG_SHA256"
  NATIVE="$dir/build/python"
  if [ -x "$NATIVE" ] && [ -f "$dir/done" ]; then
    step "native python: cached ($NATIVE)"
    return
  fi
  rm -rf "$dir"; mkdir -p "$dir/build"
  step "native python: configure and make (a few minutes)"
  tar -xf "$CACHE/downloads/$PY_ORIG" -C "$dir"
  mv "$dir"/Python-* "$dir/src"
  (cd "$dir/build" && run_logged "$dir/configure.log" ../src/configure -q --disable-test-modules &&
    run_logged "$dir/make.log" make -j"$JOBS")
  touch "$dir/done"
}

# zlib as a wasm static library, built from its sources with the sysroot's flags.
build_zlib() { # <work dir>
  local work="$1" src="$1/zlib" f
  mkdir -p "$src" "$work/zlib-install/include" "$work/zlib-install/lib"
  tar -xzf "$CACHE/downloads/$ZLIB_ORIG" -C "$src" --strip-components=1
  for f in adler32 compress crc32 deflate infback inffast inflate inftrees trees uncompr zutil; do
    "$DETWASM_LLVM_BIN/clang" "${WASM_CFLAGS[@]}" -c "$src/$f.c" -o "$src/$f.o"
  done
  (cd "$src" && "$DETWASM_LLVM_BIN/llvm-ar" rcsD "$work/zlib-install/lib/libz.a" adler32.o compress.o \
    crc32.o deflate.o infback.o inffast.o inflate.o inftrees.o trees.o uncompr.o zutil.o)
  cp "$src/zlib.h" "$src/zconf.h" "$work/zlib-install/include/"
}

build_wasm() { # <work dir>: leaves python.wasm and python313.zip in it
  local work="$1"
  WASM_CFLAGS=(--target=wasm32-wasi-threads -pthread --sysroot="$DETWASM_SYSROOT" -O2 -g0
    -ffile-prefix-map="$work"=/python -ffile-prefix-map="$DETWASM_TOOLCHAIN"=/detwasm)
  step "zlib: building"
  build_zlib "$work"
  step "python.wasm: configure"
  tar -xf "$CACHE/downloads/$PY_ORIG" -C "$work"
  mv "$work"/Python-* "$work/src"
  cp "$HERE/wasm/detwasmmodule.c" "$work/src/Modules/"
  mkdir -p "$work/build/Modules"
  cp "$HERE/wasm/Setup.local" "$work/build/Modules/Setup.local"
  local cc="$DETWASM_LLVM_BIN/clang --target=wasm32-wasi-threads --sysroot=$DETWASM_SYSROOT"
  (cd "$work/build" && run_logged "$work/configure.log" env \
    CONFIG_SITE="$work/src/Tools/wasm/config.site-wasm32-wasi" \
    CC="$cc" CPP="$cc -E" AR="$DETWASM_LLVM_BIN/llvm-ar" RANLIB="$DETWASM_LLVM_BIN/llvm-ranlib" \
    OPT="-DNDEBUG -fwrapv -O2 -g0" \
    CFLAGS="-ffile-prefix-map=$work=/python -ffile-prefix-map=$DETWASM_TOOLCHAIN=/detwasm" \
    ZLIB_CFLAGS="-I$work/zlib-install/include" ZLIB_LIBS="-L$work/zlib-install/lib -lz" \
    PKG_CONFIG_PATH="" PKG_CONFIG_LIBDIR=/nonexistent \
    ../src/configure -q --host=wasm32-wasi --build="$(../src/config.guess)" \
      --with-build-python="$NATIVE" --enable-wasm-pthreads --disable-test-modules \
      --disable-ipv6 --without-ensurepip)
  # The eval loop, _PyEval_EvalFrameDefault, is one wasm function of 65,132 bytes at -O2: too
  # large for Chicory's AOT compiler (a JVM method holds at most 64 KiB of bytecode), which
  # then interprets it, and Python spends most of its time there. Without inlining the helpers
  # not marked inline and with LLVM's IR outliner (it moves repeated instruction sequences into
  # functions of their own) it is 53,560 bytes, which compiles. Only ceval.c is built so.
  printf '\n# detwasm (python/build.sh): the eval loop small enough for the AOT engine\nPython/ceval.o: CFLAGS_NODIST += %s\n' \
    "$CEVAL_CFLAGS" >>"$work/build/Makefile"
  step "python.wasm: make (the long part)"
  # LDFLAGS_NODIST comes last on the link line: it overrides configure's --max-memory.
  (cd "$work/build" && run_logged "$work/make.log" make -j"$JOBS" \
    LDFLAGS_NODIST="-Wl,--max-memory=$MAX_MEMORY -Wl,--strip-debug" python.wasm)
  grep -q 'detwasm' "$work/build/Modules/config.c" || die "the detwasm module is not built in"
  cp "$work/build/python.wasm" "$work/python.wasm"
  step "python313.zip: pruning and compiling the standard library"
  "$NATIVE" -I -B "$HERE/wasm/stdlib_zip.py" "$work/src/Lib" "$work/python313.zip"
}

main() {
  local check=0
  for arg in "$@"; do
    case "$arg" in
      --check) check=1 ;;
      -h | --help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) die "unknown argument '$arg' (see --help)" ;;
    esac
  done
  find_toolchain
  mkdir -p "$CACHE"
  fetch_sources
  native_python
  local work
  work="$(mktemp -d "$CACHE/work.XXXXXX")"
  # shellcheck disable=SC2064 # expand now: $work is local
  trap "rm -rf '$work'" EXIT
  build_wasm "$work"
  local f differ=()
  for f in python.wasm python313.zip; do
    printf '  %-14s %9d bytes  sha256 %s\n' "$f" "$(stat -c %s "$work/$f")" "$(sha256sum <"$work/$f" | cut -c1-16)"
  done
  if [ $check = 0 ]; then
    mkdir -p "$OUT/lib"
    cp "$work/python.wasm" "$OUT/python.wasm"
    cp "$work/python313.zip" "$OUT/lib/python313.zip"
    # CPython finds its exec_prefix by this directory; a static build has nothing to put in it.
    mkdir -p "$OUT/lib/python3.13/lib-dynload"
    echo "python.wasm is static: no extension module is loaded from here." \
      >"$OUT/lib/python3.13/lib-dynload/README"
    step "done: $OUT"
    return 0
  fi
  cmp -s "$work/python.wasm" "$OUT/python.wasm" || differ+=(python.wasm)
  cmp -s "$work/python313.zip" "$OUT/lib/python313.zip" || differ+=(lib/python313.zip)
  if [ ${#differ[@]} -gt 0 ]; then
    # the differing build stays for a diff against the committed files
    trap - EXIT
    echo "build.sh --check: FAILED, these differ from the committed ones in ${OUT#"$ROOT"/}: ${differ[*]} (this build: $work)"
    exit 1
  fi
  echo "build.sh --check: ok, python.wasm and python313.zip are byte-identical"
}

main "$@"
