// random-oracle.mjs - runs a single-threaded fixture under node's WASI with random_get
// replaced by SplitMix64, written here from its definition (detwasm's documented generator:
// state = seed; per step state += 0x9E3779B97F4A7C15, mix, 8 bytes least significant first).
// It is an oracle independent of detwasm for the expected output of the random fixtures:
//
//   node testdata/random-oracle.mjs testdata/c/random.wasm 42 > testdata/c/random@seed42_c.stdout
//
// Only random_get is deterministic here: node's clock and file system are the host's.
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';

const [file, seedArg = '0', ...args] = process.argv.slice(2);
const MASK = (1n << 64n) - 1n;
let state = BigInt(seedArg) & MASK;
let word = 0n;
let bytesLeft = 0;

function nextByte() {
  if (bytesLeft === 0) {
    state = (state + 0x9E3779B97F4A7C15n) & MASK;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & MASK;
    word = z ^ (z >> 31n);
    bytesLeft = 8;
  }
  const b = Number(word & 0xffn);
  word >>= 8n;
  bytesLeft--;
  return b;
}

// The initial and maximum pages of an imported memory (C and C++ fixtures import a shared one).
function importedMemoryLimits(bytes) {
  let p = 8;
  const leb = () => { let r = 0, s = 0, b; do { b = bytes[p++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
  const skipName = () => { const n = leb(); p += n; };
  while (p < bytes.length) {
    const id = bytes[p++], size = leb(), end = p + size;
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        skipName(); skipName();
        const kind = bytes[p++];
        if (kind === 0) leb();
        else if (kind === 1) { p++; const f = leb(); leb(); if (f & 1) leb(); }
        else if (kind === 3) p += 2;
        else if (kind === 2) {
          const flags = leb(), initial = leb();
          return { initial, maximum: flags & 1 ? leb() : undefined, shared: (flags & 2) !== 0 };
        }
      }
    }
    p = end;
  }
  return undefined;
}

const bytes = readFileSync(file);
const module = new WebAssembly.Module(bytes);
const wasi = new WASI({ version: 'preview1', args: ['/main.wasm', ...args], env: {}, returnOnExit: true });
const limits = importedMemoryLimits(bytes);
let memory = limits ? new WebAssembly.Memory(limits) : undefined;
const imports = {
  wasi_snapshot_preview1: {
    ...wasi.wasiImport,
    random_get(ptr, len) {
      const view = new Uint8Array(memory.buffer);
      for (let i = 0; i < len; i++) view[ptr + i] = nextByte();
      return 0;
    },
  },
  wasi: { 'thread-spawn': () => -1 },
};
if (memory) imports.env = { memory };
const instance = new WebAssembly.Instance(module, imports);
memory ??= instance.exports.memory;
process.exit(wasi.start(instance) ?? 0);
