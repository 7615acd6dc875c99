package dev.detwasm.modelcheck;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random walks. With synchronisation points only, every branching decision of run k picks
 * uniformly among its allowed options, drawing from a generator derived from the seed and k
 * alone ({@link RunSeed}), so run k is the same whether or not the runs before it were made.
 *
 * <p>With access points a run has hundreds to thousands of places to preempt, and picking
 * uniformly at each would spend the preemption bound on the first few. The walk is then sparse:
 * it preempts at places to preempt (decisions where the running thread could go on) drawn by
 * counting, the gap to the next one uniform from 1 to k, k the typical number of schedule
 * decisions of a run ({@link RunLengths}: run 0 is the fifo run, then batches). So the first
 * preemption is at each of the first k places with probability 1/k, which is what placing one
 * switch blindly can do best, and a run preempts about twice; where the running thread cannot
 * go on, and at select, wake and timer decisions, the walk picks uniformly. Between preemptions it
 * lets access points pass uncounted by the host and is asked only at the next one. Stops early
 * once every run of the bounded tree has been seen.
 */
public final class RandomStrategy implements Strategy {
    private final ExplorationFacts facts;
    private final RunNumbers numbers;
    private final long seed;
    private final Deque<RunPlan> planned = new ArrayDeque<>();
    private final CoverageTree coverage = new CoverageTree();
    private final RunLengths lengths;
    private long nextRun;

    public RandomStrategy(ExplorationFacts facts) {
        this(facts, RunNumbers.ALL);
    }

    private RandomStrategy(ExplorationFacts facts, RunNumbers numbers) {
        this.facts = facts;
        this.numbers = numbers;
        this.seed = facts.seed();
        this.lengths = facts.accessPoints() ? new RunLengths(true) : null;
    }

    /** The same walks, making only the runs {@code numbers} names. */
    RandomStrategy only(RunNumbers numbers) {
        return new RandomStrategy(facts, numbers);
    }

    /** The first runs, whose lengths fix the gaps of every later walk (with access points). */
    long learningRuns() {
        return lengths == null ? 0 : RunLengths.LEARNING_RUNS;
    }

    @Override
    public List<RunPlan> upcoming(int limit) {
        if (coverage.complete()) {
            return List.of();
        }
        long batchEnd = lengths == null ? Long.MAX_VALUE : lengths.batchEnd();
        while (planned.size() < limit) {
            long run = numbers.next(nextRun);
            if (run < 0 || run >= batchEnd) {
                break;
            }
            nextRun = run + 1;
            planned.add(new NumberedPlan(run, plan(run)));
        }
        return RunPlan.first(planned, limit);
    }

    private RunPlan plan(long run) {
        if (lengths == null) {
            return () -> new UniformWalk(RunSeed.random(seed, run));
        }
        if (run == 0) {
            return () -> point -> 0;
        }
        int k = Math.max(1, lengths.estimate());
        return () -> new SparseWalk(RunSeed.random(seed, run), k);
    }

    /** Every branching decision picks uniformly among its allowed options. */
    private record UniformWalk(SplittableRandom random) implements Chooser {
        @Override
        public int choose(ChoicePoint point) {
            return point.allowed()[random.nextInt(point.allowed().length)];
        }
    }

    /**
     * Counts the places to preempt (access points and schedule decisions alike) down to the next
     * preemption, each gap drawn uniformly from 1 to k.
     */
    private static final class SparseWalk implements Chooser {
        private final SplittableRandom random;
        private final int k;
        private long untilPreemption;

        SparseWalk(SplittableRandom random, int k) {
            this.random = random;
            this.k = k;
            this.untilPreemption = 1 + random.nextInt(k);
        }

        @Override
        public int choose(ChoicePoint point) {
            int[] allowed = point.allowed();
            if (!point.decision().isPreemption(1)) {
                return allowed[random.nextInt(allowed.length)];
            }
            if (--untilPreemption > 0 || allowed.length < 2) {
                return 0;
            }
            untilPreemption = 1 + random.nextInt(k);
            return allowed[1 + random.nextInt(allowed.length - 1)];
        }

        @Override
        public int pointsUntilDecision(int thread) {
            return (int) Math.max(1, untilPreemption);
        }

        @Override
        public void passed(long count) {
            untilPreemption -= count;
        }
    }

    @Override
    public void completed(ExploredRun run) {
        planned.remove();
        coverage.add(run.steps());
        if (lengths != null) {
            lengths.add(run.steps());
        }
    }

    @Override
    public String origin() {
        return "random";
    }
}
