package dev.detwasm.host.spi;

/**
 * Chooses among the options of a decision: a schedule policy, a replayed trace, or the model
 * checker's explorer. Only asked when there is more than one option.
 */
@FunctionalInterface
public interface DecisionSource {

    /** @return the chosen option, in {@code [0, decision.options())} */
    int choose(Decision decision);
}
