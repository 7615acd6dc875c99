"""Packs CPython's standard library into the zip that the bundled interpreter imports from.

    python3.13 stdlib_zip.py SRC/Lib OUT.zip

Run by build.sh with the native python of the same version, so the .pyc files match
python.wasm's bytecode. Pruned: what is only for developing CPython (tests, idlelib,
ensurepip, pydoc_data, turtledemo, venv scripts) and the packages whose C half python.wasm
lacks (tkinter, ctypes, curses, sqlite3). Each module is stored
as its source and as an unchecked hash-based .pyc (no timestamps, no compiling at import),
in a fixed order with fixed dates, so the zip is byte-identical from one build to the next.
"""
import importlib.util
import os
import sys
import zipfile

# The zip's path inside the guest: compiled code objects carry it, for tracebacks.
GUEST_ZIP = "/usr/local/lib/python313.zip"
PRUNED_DIRS = {"idlelib", "tkinter", "turtledemo", "ensurepip", "pydoc_data", "test", "tests",
               "idle_test", "__pycache__", "site-packages", "ctypes", "curses", "sqlite3"}
PRUNED_FILES = {"turtle.py"}
PRUNED_PATHS = {"venv/scripts"}
DATE = (1980, 1, 1, 0, 0, 0)


def kept_files(lib):
    for top, dirs, files in os.walk(lib):
        rel_top = os.path.relpath(top, lib).replace(os.sep, "/")
        rel_top = "" if rel_top == "." else rel_top + "/"
        dirs[:] = sorted(d for d in dirs
                         if d not in PRUNED_DIRS and rel_top + d not in PRUNED_PATHS)
        yield rel_top, None
        for name in sorted(files):
            if name.endswith(".py") and name not in PRUNED_FILES:
                yield rel_top, name


def entry(name, directory=False):
    info = zipfile.ZipInfo(name, date_time=DATE)
    info.create_system = 3
    info.external_attr = ((0o40755 if directory else 0o100644) << 16) | (0x10 if directory else 0)
    info.compress_type = zipfile.ZIP_STORED if directory else zipfile.ZIP_DEFLATED
    return info


def main(lib, out):
    with zipfile.ZipFile(out, "w", compresslevel=9) as z:
        for rel_top, name in kept_files(lib):
            if name is None:
                if rel_top:
                    z.writestr(entry(rel_top, directory=True), b"")
                continue
            with open(os.path.join(lib, rel_top, name), "rb") as f:
                source = f.read()
            path = rel_top + name
            code = compile(source, GUEST_ZIP + "/" + path, "exec", dont_inherit=True, optimize=0)
            pyc = importlib._bootstrap_external._code_to_hash_pyc(
                code, importlib.util.source_hash(source), checked=False)
            z.writestr(entry(path), source)
            z.writestr(entry(path + "c"), bytes(pyc))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
