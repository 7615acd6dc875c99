package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.TreeMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte: "A
 * Randomized Scheduler with Probabilistic Guarantees of Finding Bugs", ASPLOS 2010). Each run
 * gives the threads distinct random priorities (a thread gets its place in the order when it
 * first shows up in a decision, uniformly among the places, which makes the order a uniform
 * permutation) and picks d-1 change points uniformly among the first k scheduling steps; the
 * i-th change point lowers the running thread below every initial priority, to priority i. At
 * each schedule decision the highest-priority allowed candidate runs. A bug of depth d is then
 * found by one run with probability at least 1/(n k^(d-1)) for n threads.
 *
 * <p>k, the length of a run in schedule decisions, is estimated from the runs already made
 * ({@link RunLengths}: the longest, or with access points the median or fifo run). Run 0 takes option 0
 * everywhere (the fifo run, which lets each thread go on as long as it can, so it sees the
 * scheduling points of whole threads). Select and wake decisions are drawn uniformly from the
 * same seeded stream, which run k derives from the seed and k.
 */
public final class PctStrategy implements Strategy {
    private final ExplorationFacts facts;
    private final PctSettings settings;
    private final RunNumbers numbers;
    private final long seed;
    private final int depth;
    private final Deque<RunPlan> planned = new ArrayDeque<>();
    private final CoverageTree coverage = new CoverageTree();
    private final RunLengths lengths;
    private long nextRun;

    public PctStrategy(ExplorationFacts facts, PctSettings settings) {
        this(facts, settings, RunNumbers.ALL);
    }

    private PctStrategy(ExplorationFacts facts, PctSettings settings, RunNumbers numbers) {
        this.facts = facts;
        this.settings = settings;
        this.numbers = numbers;
        this.seed = facts.seed();
        this.depth = settings.depth();
        this.lengths = new RunLengths(facts.accessPoints());
    }

    /** The same runs, making only those {@code numbers} names. */
    PctStrategy only(RunNumbers numbers) {
        return new PctStrategy(facts, settings, numbers);
    }

    /** The first runs, whose lengths fix the estimate of every later run. */
    long learningRuns() {
        return RunLengths.LEARNING_RUNS;
    }

    @Override
    public List<RunPlan> upcoming(int limit) {
        if (coverage.complete()) {
            return List.of();
        }
        long batchEnd = lengths.batchEnd();
        while (planned.size() < limit) {
            long run = numbers.next(nextRun);
            if (run < 0 || run >= batchEnd) {
                break;
            }
            nextRun = run + 1;
            int k = lengths.estimate();
            planned.add(new NumberedPlan(run,
                    run == 0
                            ? () -> point -> 0
                            : () -> new Priorities(RunSeed.random(seed, run), depth, k)));
        }
        return RunPlan.first(planned, limit);
    }

    @Override
    public void completed(ExploredRun run) {
        planned.remove();
        coverage.add(run.steps());
        lengths.add(run.steps());
    }

    @Override
    public String origin() {
        return "pct depth " + depth;
    }

    /**
     * The chooser of one pct run. Its cost per decision is the decision's candidates and O(1)
     * more, whatever the number of threads: a thread's place in the order is drawn once, when
     * it first shows up, and the places are then read from an array.
     */
    private static final class Priorities implements Chooser {
        private final SplittableRandom random;
        /**
         * Schedule step (from 1) to the priority the running thread drops to there; a change
         * point leaves once it is applied.
         */
        private final TreeMap<Integer, Integer> changePoints = new TreeMap<>();
        /** Threads by initial priority, highest first. */
        private final List<Integer> ranking = new ArrayList<>();
        /** Each thread's index in {@link #ranking}, by thread id; -1 before it shows up. */
        private int[] place = new int[0];
        /**
         * By thread id, the priority a thread was lowered to at a change point (1, 2, ...), or 0
         * while it keeps its initial one: an array, as {@link #place}, so that comparing two
         * candidates costs no lookup.
         */
        private int[] lowered = new int[0];
        private int scheduleSteps;

        Priorities(SplittableRandom random, int depth, int estimate) {
            this.random = random;
            int points = Math.min(depth - 1, estimate);
            for (int i = 1; i <= points; i++) {
                int step;
                do {
                    step = 1 + random.nextInt(estimate);
                } while (changePoints.containsKey(step));
                changePoints.put(step, i);
            }
        }

        @Override
        public int choose(ChoicePoint point) {
            Decision decision = point.decision();
            int[] allowed = point.allowed();
            if (decision.kind() != DecisionKind.SCHEDULE) {
                return allowed[random.nextInt(allowed.length)];
            }
            scheduleSteps++;
            meet(decision.thread());
            for (int thread : decision.candidates()) {
                meet(thread);
            }
            // Change points that access points passed without asking apply at the next decision.
            var due = changePoints.headMap(scheduleSteps, true);
            for (int drop : due.values()) {
                lowered[decision.thread()] = drop;
            }
            due.clear();
            int best = allowed[0];
            for (int option : allowed) {
                if (higher(decision.candidates()[option], decision.candidates()[best])) {
                    best = option;
                }
            }
            return best;
        }

        /**
         * Between change points the highest-priority thread keeps running, so the access points
         * before the next change point need not ask.
         */
        @Override
        public int pointsUntilDecision(int thread) {
            return changePoints.isEmpty()
                    ? Integer.MAX_VALUE
                    : Math.max(1, changePoints.firstKey() - scheduleSteps);
        }

        @Override
        public void passed(long count) {
            scheduleSteps += (int) count;
        }

        /**
         * Gives {@code thread} its place in the order the first time it shows up: uniformly
         * among the places, which makes the order a uniform permutation.
         */
        private void meet(int thread) {
            if (thread < place.length && place[thread] >= 0) {
                return;
            }
            if (thread >= place.length) {
                int old = place.length;
                place = Arrays.copyOf(place, Math.max(thread + 1, 2 * old));
                Arrays.fill(place, old, place.length, -1);
                lowered = Arrays.copyOf(lowered, place.length);
            }
            int at = random.nextInt(ranking.size() + 1);
            ranking.add(at, thread);
            for (int i = at; i < ranking.size(); i++) {
                place[ranking.get(i)] = i;
            }
        }

        private boolean higher(int a, int b) {
            int lowA = lowered[a];
            int lowB = lowered[b];
            if (lowA == 0 && lowB == 0) {
                return place[a] < place[b];
            }
            if (lowA == 0 || lowB == 0) {
                return lowA == 0;
            }
            return lowA > lowB;
        }
    }
}
