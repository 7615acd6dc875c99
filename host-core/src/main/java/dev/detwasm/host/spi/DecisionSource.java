package dev.detwasm.host.spi;

/**
 * Chooses among the options of a decision: a schedule policy, a replayed trace, or the model
 * checker's explorer. Only asked when there is more than one option.
 */
@FunctionalInterface
public interface DecisionSource {

    /**
     * @param kind what is being decided
     * @param options the number of options, at least 2. For {@link DecisionKind#SCHEDULE},
     *     option 0 is the thread that would run under fifo (the current thread when it can go
     *     on), then the others in run-queue order.
     * @return the chosen option, in {@code [0, options)}
     */
    int choose(DecisionKind kind, int options);
}
