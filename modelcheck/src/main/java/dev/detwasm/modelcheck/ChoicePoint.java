package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.Decision;

/**
 * A decision the explorer may branch on, as a {@link Chooser} sees it.
 *
 * @param decision the decision, with its kind, options and candidates
 * @param index its position in the run's trace (decisions that do not branch count too)
 * @param allowed the options within the bounds, ascending; always starts with option 0
 */
public record ChoicePoint(Decision decision, int index, int[] allowed) {}
