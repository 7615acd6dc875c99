package dev.detwasm.modelcheck;

/**
 * What a strategy may be configured with.
 *
 * @param seed seeds the random and pct strategies ({@code --seed})
 * @param pctDepth the bug depth pct aims at ({@code --pct-depth}): d-1 priority change points
 */
public record StrategySettings(long seed, int pctDepth) {
    public static final int DEFAULT_PCT_DEPTH = 3;

    public StrategySettings {
        if (pctDepth < 1) {
            throw new IllegalArgumentException("the pct depth must be at least 1, got " + pctDepth);
        }
    }
}
