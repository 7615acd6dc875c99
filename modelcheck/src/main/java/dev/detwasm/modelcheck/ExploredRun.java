package dev.detwasm.modelcheck;

import java.util.List;

/**
 * A run of the exploration, once it takes its place in the exploration order.
 *
 * @param index its position in the order the strategy explores runs (from 0); the same for
 *     every number of workers
 * @param outcome what the run produced
 * @param steps its branching decisions
 * @param cut whether it had more branching decisions than {@code --max-decisions} allows
 * @param pruned whether the preemption bound kept some of its options from being explored
 * @param preemptions how many preemptions it made
 * @param origin the strategy that planned it, as reports name it ({@link Strategy#origin})
 */
public record ExploredRun(
        long index,
        RunOutcome outcome,
        List<Step> steps,
        boolean cut,
        boolean pruned,
        int preemptions,
        String origin) {

    public ExploredRun {
        steps = List.copyOf(steps);
    }
}
