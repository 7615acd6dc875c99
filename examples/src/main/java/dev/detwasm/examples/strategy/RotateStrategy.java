package dev.detwasm.examples.strategy;

import dev.detwasm.modelcheck.ChoicePoint;
import dev.detwasm.modelcheck.ExploredRun;
import dev.detwasm.modelcheck.RunPlan;
import dev.detwasm.modelcheck.Step;
import dev.detwasm.modelcheck.Strategy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Rotation: run k takes, at the decision with trace index i, option {@code (k + S i) mod n} of
 * its n allowed options, S the stride of its {@link RotateSettings} (1 unless {@code
 * --strategy-option rotate.stride=S} says otherwise). It makes as many runs as the widest
 * decision seen so far has options, so each decision position sees each of its options in some
 * run: a cheap sweep whose runs, unlike random walks, are easy to reason about.
 */
public final class RotateStrategy implements Strategy {
    private final Deque<RunPlan> planned = new ArrayDeque<>();
    private final long stride;
    private long nextRun;
    private long widest = 1;

    public RotateStrategy(RotateSettings settings) {
        this.stride = settings.stride();
    }

    @Override
    public List<RunPlan> upcoming(int limit) {
        while (planned.size() < limit && nextRun < widest) {
            long k = nextRun++;
            planned.add(() -> point -> rotate(point, k, stride));
        }
        return RunPlan.first(planned, limit);
    }

    /** The name reports give this strategy: its {@code --strategy} name. */
    public String origin() {
        return RotateStrategyModule.NAME;
    }

    private static int rotate(ChoicePoint point, long k, long stride) {
        int[] allowed = point.allowed();
        return allowed[(int) ((k + stride * point.index()) % allowed.length)];
    }

    @Override
    public void completed(ExploredRun run) {
        planned.remove();
        for (Step step : run.steps()) {
            widest = Math.max(widest, step.allowed().length);
        }
    }
}
