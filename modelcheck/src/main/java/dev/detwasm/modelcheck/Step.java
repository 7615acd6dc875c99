package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.DecisionKind;

/**
 * A branching decision of an explored run: where it was, what could have been chosen within the
 * bounds, and what was.
 *
 * @param index its position in the run's trace
 * @param kind the decision's kind
 * @param allowed the options within the bounds, ascending, starting with 0
 * @param choice the option taken
 * @param preemptionsBefore how many preemptions the run made before this decision
 * @param preemptive whether every option but 0 is a preemption (a schedule decision whose
 *     running thread could go on)
 */
public record Step(
        int index,
        DecisionKind kind,
        int[] allowed,
        int choice,
        int preemptionsBefore,
        boolean preemptive) {

    /** How many preemptions the run has made after this decision, had it chosen {@code option}. */
    int preemptionsWith(int option) {
        return preemptionsBefore + (preemptive && option != 0 ? 1 : 0);
    }
}
