package dev.detwasm.modelcheck;

/**
 * The plan of run {@code number} of a sampling strategy's sequence, which the run's own seed
 * decides: the same run whichever runs before it were made.
 */
record NumberedPlan(long number, RunPlan plan) implements RunPlan {
    @Override
    public Chooser chooser() {
        return plan.chooser();
    }
}
