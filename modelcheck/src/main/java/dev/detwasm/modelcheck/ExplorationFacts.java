package dev.detwasm.modelcheck;

/**
 * What every strategy of one exploration is told, whatever its own options ({@link
 * StrategyOptions}).
 *
 * @param seed seeds the strategies that draw at random ({@code --seed})
 * @param accessPoints whether runs have plain-access points ({@code --preempt-at memory}):
 *     hundreds to thousands of places to preempt per run instead of tens, which random and pct
 *     sample differently (see {@link RunLengths} and {@link RandomStrategy})
 */
public record ExplorationFacts(long seed, boolean accessPoints) {

    /** The same kind of runs, drawn from another seed (a portfolio's members). */
    public ExplorationFacts withSeed(long otherSeed) {
        return new ExplorationFacts(otherSeed, accessPoints);
    }
}
