package dev.detwasm.modelcheck;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How an exploration went, besides its runs.
 *
 * @param runs how many runs were made and reported, in exploration order
 * @param bounds what kept it from covering the tree; empty when it was exhaustive
 * @param frontier how many runs the strategy knew were left unexplored when it stopped (each
 *     one it had planned but not made), or {@link Strategy#UNKNOWN} when it cannot tell
 * @param elapsed the wall-clock time it took
 * @param cutOff whether a run was still going when the time limit passed and was stopped; it
 *     is not among the runs
 */
public record Exploration(
        long runs, Set<Bound> bounds, long frontier, Duration elapsed, boolean cutOff) {

    public Exploration {
        EnumSet<Bound> copy = EnumSet.noneOf(Bound.class);
        copy.addAll(bounds);
        bounds = Collections.unmodifiableSet(copy);
    }

    /** Whether every run of the tree of decisions was made. */
    public boolean exhaustive() {
        return bounds.isEmpty();
    }
}
