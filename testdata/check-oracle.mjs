// check-oracle.mjs - what detwasm's seeded choices must be, computed without detwasm, for the
// expected files of the random-schedule and model-checking fixtures (see README.md).
//
//   node check-oracle.mjs policy SEED N1 N2 ...
//       The choices `run --schedule random --seed SEED` makes at decisions of N1, N2, ...
//       options: java.util.SplittableRandom(SEED).nextInt(N) for each, in order. Compare with the
//       "decision ... -> CHOICE" lines of the run's --events log.
//
//   node check-oracle.mjs tree random|pct SEED TREE [MAX_RUNS]
//       The runs `check --strategy random|pct --seed SEED` makes on a tree of select decisions
//       only (no branching schedule or wake decision), until every leaf has been seen or
//       MAX_RUNS. TREE is JSON: a decision is an array with one entry per option, a leaf is
//       null; e.g. [null,[null,null]] is a select(2) whose option 1 leads to another select(2).
//       Random run k draws SplittableRandom(mix(mix(SEED) + k)).nextInt(options) at each
//       decision (mix: Stafford's variant 13). Pct makes run 0 take option 0 everywhere; its
//       later runs draw select choices exactly as random does (with no schedule decision there
//       is no priority or change point to draw).
//
// Prints the number of runs, then each leaf's choices, how many runs made it and the first.

const MASK = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

// java.util.SplittableRandom, for the methods detwasm uses.
class SplittableRandom {
  constructor(seed) {
    this.seed = BigInt.asUintN(64, BigInt(seed));
  }

  nextSeed() {
    this.seed = (this.seed + GOLDEN_GAMMA) & MASK;
    return this.seed;
  }

  static mix32(z) {
    z = ((z ^ (z >> 33n)) * 0x62a9d9ed799705f5n) & MASK;
    z = ((z ^ (z >> 28n)) * 0xcb24d0a5c88c35b3n) & MASK;
    return BigInt.asIntN(32, z >> 32n);
  }

  nextInt(bound) {
    const b = BigInt(bound);
    let r = SplittableRandom.mix32(this.nextSeed());
    const m = b - 1n;
    if ((b & m) === 0n) {
      return Number(r & m);
    }
    // Java: for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = mix32(nextSeed()) >>> 1);
    // with int overflow in u + m - r.
    let u = BigInt.asUintN(32, r) >> 1n;
    for (;;) {
      r = u % b;
      if (BigInt.asIntN(32, u + m - r) >= 0n) {
        return Number(r);
      }
      u = BigInt.asUintN(32, SplittableRandom.mix32(this.nextSeed())) >> 1n;
    }
  }
}

function mix(z) {
  z = BigInt.asUintN(64, z);
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}

function runRandom(seed, run) {
  return new SplittableRandom(mix((mix(BigInt(seed)) + BigInt(run)) & MASK));
}

function leaves(tree, prefix = [], out = []) {
  if (tree === null) {
    out.push(prefix.join(","));
  } else {
    tree.forEach((child, option) => leaves(child, [...prefix, option], out));
  }
  return out;
}

function walk(tree, choose) {
  const choices = [];
  for (let node = tree; node !== null; ) {
    const c = choose(node.length);
    choices.push(c);
    node = node[c];
  }
  return choices.join(",");
}

function explore(strategy, seed, tree, maxRuns) {
  const all = leaves(tree);
  const seen = new Map();
  let runs = 0;
  while (seen.size < all.length && runs < maxRuns) {
    const k = runs;
    let leaf;
    if (strategy === "pct" && k === 0) {
      leaf = walk(tree, () => 0);
    } else {
      const random = runRandom(seed, k);
      leaf = walk(tree, (n) => random.nextInt(n));
    }
    if (!seen.has(leaf)) {
      seen.set(leaf, { runs: 0, first: k });
    }
    seen.get(leaf).runs++;
    runs++;
  }
  console.log(`runs: ${runs}`);
  for (const leaf of all) {
    const s = seen.get(leaf);
    console.log(s ? `  ${leaf}: ${s.runs} runs, first run #${s.first}` : `  ${leaf}: not made`);
  }
}

function usage() {
  console.error("usage: node check-oracle.mjs policy SEED N...");
  console.error("       node check-oracle.mjs tree random|pct SEED TREE [MAX_RUNS]");
  process.exit(2);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "policy" && args.length >= 1) {
  const random = new SplittableRandom(BigInt(args[0]));
  console.log(args.slice(1).map((n) => random.nextInt(Number(n))).join(","));
} else if (mode === "tree" && (args[0] === "random" || args[0] === "pct") && args.length >= 3) {
  explore(args[0], args[1], JSON.parse(args[2]), args[3] === undefined ? 10000 : Number(args[3]));
} else {
  usage();
}
