package dev.detwasm.modelcheck;

/**
 * Makes the branching decisions of one run for a strategy: replays a prefix, walks at random,
 * or follows priorities. Decisions that do not branch never reach it.
 */
@FunctionalInterface
public interface Chooser {

    /** @return one of {@code point.allowed()} */
    int choose(ChoicePoint point);

    /**
     * How many plain-access points until the next one this chooser wants to decide (see
     * {@link dev.detwasm.host.spi.DecisionSource#pointsUntilDecision}); 1 by default, so
     * systematic strategies see every point.
     */
    default int pointsUntilDecision(int thread) {
        return 1;
    }

    /** {@code count} schedule decisions were decided 0 without asking (access points passed). */
    default void passed(long count) {}
}
