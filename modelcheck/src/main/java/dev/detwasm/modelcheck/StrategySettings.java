package dev.detwasm.modelcheck;

/**
 * What a strategy may be configured with.
 *
 * @param seed seeds the random and pct strategies ({@code --seed})
 * @param pctDepth the bug depth pct aims at ({@code --pct-depth}): d-1 priority change points
 * @param accessPoints whether runs have plain-access points ({@code --preempt-at memory}):
 *     hundreds to thousands of places to preempt per run instead of tens, which random and pct
 *     sample differently (see {@link RunLengths} and {@link RandomStrategy})
 */
public record StrategySettings(long seed, int pctDepth, boolean accessPoints) {
    public static final int DEFAULT_PCT_DEPTH = 3;

    public StrategySettings {
        if (pctDepth < 1) {
            throw new IllegalArgumentException("the pct depth must be at least 1, got " + pctDepth);
        }
    }

    /** Settings for runs with synchronisation points only. */
    public StrategySettings(long seed, int pctDepth) {
        this(seed, pctDepth, false);
    }

    /** The same kind of runs, another seed and depth (a portfolio's members). */
    StrategySettings with(long otherSeed, int otherDepth) {
        return new StrategySettings(otherSeed, otherDepth, accessPoints);
    }
}
