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
//   node check-oracle.mjs chain random|pct SEED MAX_RUNS THREADS LENGTHS
//       The runs `check --strategy random|pct --seed SEED --decisions schedule
//       --preemption-bound 1` makes on a program of two threads. The fifo run's schedule
//       decisions are each between the running thread, which could go on, and the other one;
//       THREADS lists the running thread of each (e.g. 0,0,0,1,1). Choosing the other thread is
//       the one preemption allowed, after which nothing is left to choose, so the leaves are the
//       fifo run and one run per decision. LENGTHS gives the number of schedule decisions of the
//       fifo run, then of the run that preempts at each decision (pct estimates a run's length
//       from them; `detwasm run --trace 0*I,1 --print-trace` shows each).
//       Pct (Burckhardt et al., as dev.detwasm.modelcheck.PctStrategy documents it): run 0 takes
//       option 0 everywhere; run k draws from SplittableRandom(mix(mix(SEED) + k)): depth - 1 = 2
//       change points among steps 1..E (E: the longest run of the batches of 32 runs before),
//       each a distinct 1 + nextInt(E); a thread's place in the priority order, when it first
//       shows up in a decision (the running thread, then the candidates), at nextInt(size + 1);
//       at the i-th change point the running thread drops below all, to priority i; the
//       highest-priority candidate runs.
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

// The leaf a pct run reaches on a chain: the decision it preempts at, or -1 for none.
function pctChainLeaf(random, threads, estimate) {
  const changePoints = new Map();
  for (let i = 1; i <= Math.min(2, estimate); i++) {
    let step;
    do {
      step = 1 + random.nextInt(estimate);
    } while (changePoints.has(step));
    changePoints.set(step, i);
  }
  const ranking = [];
  const lowered = new Map();
  const meet = (t) => {
    if (!ranking.includes(t)) {
      ranking.splice(random.nextInt(ranking.length + 1), 0, t);
    }
  };
  const higher = (a, b) => {
    const la = lowered.get(a);
    const lb = lowered.get(b);
    if (la === undefined && lb === undefined) return ranking.indexOf(a) < ranking.indexOf(b);
    if (la === undefined || lb === undefined) return la === undefined;
    return la > lb;
  };
  for (let j = 0; j < threads.length; j++) {
    const running = threads[j];
    const other = 1 - running;
    meet(running);
    meet(other);
    const drop = changePoints.get(j + 1);
    if (drop !== undefined) {
      lowered.set(running, drop);
    }
    if (higher(other, running)) {
      return j;
    }
  }
  return -1;
}

function exploreChain(strategy, seed, maxRuns, threads, lengths) {
  const name = (leaf) => (leaf < 0 ? "fifo run" : `preempt at decision ${leaf}: ${"0,".repeat(leaf)}1`);
  const seen = new Map();
  let runs = 0;
  let longest = 0;
  let estimate = 0;
  let batchEnd = 0;
  while (seen.size < threads.length + 1 && runs < maxRuns) {
    const k = runs;
    if (strategy === "pct" && k === batchEnd) {
      estimate = longest;
      batchEnd = batchEnd === 0 ? 1 : batchEnd + 32;
    }
    const random = runRandom(seed, k);
    let leaf;
    if (strategy === "pct") {
      leaf = k === 0 ? -1 : pctChainLeaf(random, threads, estimate);
    } else {
      leaf = threads.findIndex(() => random.nextInt(2) === 1);
    }
    if (!seen.has(leaf)) {
      seen.set(leaf, { runs: 0, first: k });
    }
    seen.get(leaf).runs++;
    longest = Math.max(longest, lengths[leaf + 1]);
    runs++;
  }
  console.log(`runs: ${runs} (${seen.size} distinct)`);
  for (let leaf = -1; leaf < threads.length; leaf++) {
    const s = seen.get(leaf);
    console.log(s ? `  ${name(leaf)}: ${s.runs} runs, first run #${s.first}` : `  ${name(leaf)}: not made`);
  }
}

function usage() {
  console.error("usage: node check-oracle.mjs policy SEED N...");
  console.error("       node check-oracle.mjs tree random|pct SEED TREE [MAX_RUNS]");
  console.error("       node check-oracle.mjs chain random|pct SEED MAX_RUNS THREADS LENGTHS");
  process.exit(2);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "policy" && args.length >= 1) {
  const random = new SplittableRandom(BigInt(args[0]));
  console.log(args.slice(1).map((n) => random.nextInt(Number(n))).join(","));
} else if (mode === "tree" && (args[0] === "random" || args[0] === "pct") && args.length >= 3) {
  explore(args[0], args[1], JSON.parse(args[2]), args[3] === undefined ? 10000 : Number(args[3]));
} else if (mode === "chain" && (args[0] === "random" || args[0] === "pct") && args.length === 5) {
  const numbers = (list) => list.split(",").map(Number);
  exploreChain(args[0], args[1], Number(args[2]), numbers(args[3]), numbers(args[4]));
} else {
  usage();
}
