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
 */
public record Step(int index, DecisionKind kind, int[] allowed, int choice) {}
