package dev.detwasm.modelcheck;

import java.util.SplittableRandom;

/**
 * The random stream of run {@code k} of a seeded exploration: a function of the seed and k
 * alone, so any run can be made again without the runs before it, and parallel workers draw
 * exactly what a single worker would.
 */
final class RunSeed {
    private RunSeed() {}

    /** The generator for run {@code run} of the exploration seeded with {@code seed}. */
    static SplittableRandom random(long seed, long run) {
        return new SplittableRandom(mix(mix(seed) + run));
    }

    /** Stafford's variant 13 of the murmur3 finalizer: a bijection that scatters bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
