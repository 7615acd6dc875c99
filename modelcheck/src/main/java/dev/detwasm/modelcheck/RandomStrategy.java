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
    private final RunNumbers numbers;
    private final Deque<RunPlan> planned = new ArrayDeque<>();
    private final CoverageTree coverage = new CoverageTree();
    private long nextRun;

    public RandomStrategy(StrategySettings settings) {
        this(settings.seed(), RunNumbers.ALL);
    }

    private RandomStrategy(long seed, RunNumbers numbers) {
        this.seed = seed;
        this.numbers = numbers;
    }

    /** The same walks, making only the runs {@code numbers} names. */
    RandomStrategy only(RunNumbers numbers) {
        return new RandomStrategy(seed, numbers);
    }

    @Override
    public List<RunPlan> upcoming(int limit) {
        if (coverage.complete()) {
            return List.of();
        }
        while (planned.size() < limit) {
            long run = numbers.next(nextRun);
            if (run < 0) {
                break;
            }
            nextRun = run + 1;
            planned.add(new NumberedPlan(run, () -> walk(RunSeed.random(seed, run))));
        }
        return RunPlan.first(planned, limit);
    }

    private static Chooser walk(SplittableRandom random) {
        return new Walk(random);
    }

    /**
     * One random walk. At plain-access points it asks only every so many points, a random
     * number from 1 to twice a gap the run draws log-uniformly from 1 to {@value #MAX_GAP}:
     * asking at every point would spend a preemption bound on the first few accesses, while
     * gaps of every scale spread the switches over runs short and long.
     */
    private static final class Walk implements Chooser {
        private static final int MAX_GAP = 4096;

        private final SplittableRandom random;
        private int gap;

        Walk(SplittableRandom random) {
            this.random = random;
        }

        @Override
        public int choose(ChoicePoint point) {
            return point.allowed()[random.nextInt(point.allowed().length)];
        }

        @Override
        public int pointsUntilDecision(int thread) {
            if (gap == 0) {
                gap = 1 << random.nextInt(Integer.numberOfTrailingZeros(MAX_GAP) + 1);
            }
            return 1 + random.nextInt(2 * gap);
        }
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
