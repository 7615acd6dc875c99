package dev.detwasm.modelcheck;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random walks: every branching decision of run k picks uniformly among its allowed options,
 * drawing from a generator derived from the seed and k alone ({@link RunSeed}), so run k is the
 * same whether or not the runs before it were made. Stops early once every run of the bounded
 * tree has been seen.
 */
public final class RandomStrategy implements Strategy {
    private final long seed;
    private final Deque<RunPlan> planned = new ArrayDeque<>();
    private final CoverageTree coverage = new CoverageTree();
    private long nextRun;

    public RandomStrategy(StrategySettings settings) {
        this.seed = settings.seed();
    }

    @Override
    public List<RunPlan> upcoming(int limit) {
        if (coverage.complete()) {
            return List.of();
        }
        while (planned.size() < limit) {
            long run = nextRun++;
            planned.add(() -> walk(RunSeed.random(seed, run)));
        }
        return RunPlan.first(planned, limit);
    }

    private static Chooser walk(SplittableRandom random) {
        return point -> point.allowed()[random.nextInt(point.allowed().length)];
    }

    @Override
    public void completed(ExploredRun run) {
        planned.remove();
        coverage.add(run.steps());
    }

    @Override
    public String origin() {
        return "random";
    }
}
