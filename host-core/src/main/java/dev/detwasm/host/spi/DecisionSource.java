package dev.detwasm.host.spi;

/**
 * Chooses among the options of a decision: a schedule policy, a replayed trace, or the model
 * checker's explorer. Only asked when there is more than one option.
 */
@FunctionalInterface
public interface DecisionSource {

    /** @return the chosen option, in {@code [0, decision.options())} */
    int choose(Decision decision);

    /**
     * How many plain-access points (those of the {@code shared-access} pass) the running thread
     * makes until the one that asks {@link #choose}; 1 asks at the next. The points before it
     * are schedule decisions decided 0 (the thread goes on) without asking, and are recorded
     * all the same (see {@link #passed}), so a trace still lists every decision and replays
     * with any source. Asked whenever a thread's countdown is set: when the thread starts and
     * after each access point that asked. A strategy that only switches at some points (pct,
     * random walks) skips the others this way, so a run costs about what it does without
     * access points.
     *
     * @return at least 1; {@link Integer#MAX_VALUE} for never
     */
    default int pointsUntilDecision(int thread) {
        return 1;
    }

    /**
     * {@code count} decisions like {@code decision} (a schedule decision of the running thread)
     * were decided 0 without asking: access points passed within a countdown.
     */
    default void passed(Decision decision, long count) {}
}
