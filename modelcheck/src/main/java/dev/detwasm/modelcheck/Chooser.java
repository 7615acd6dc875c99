package dev.detwasm.modelcheck;

/**
 * Makes the branching decisions of one run for a strategy: replays a prefix, walks at random,
 * or follows priorities. Decisions that do not branch never reach it.
 */
@FunctionalInterface
public interface Chooser {

    /** @return one of {@code point.allowed()} */
    int choose(ChoicePoint point);
}
