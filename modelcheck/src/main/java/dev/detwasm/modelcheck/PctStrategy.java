package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.Decision;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte: "A
 * Randomized Scheduler with Probabilistic Guarantees of Finding Bugs", ASPLOS 2010). Each run
 * gives the threads distinct random priorities (a thread gets its place in the order when it
 * first shows up in a decision, uniformly among the places, which makes the order a uniform
 * permutation) and picks d-1 change points uniformly among the first k scheduling steps; the
 * i-th change point lowers the running thread below every initial priority, to priority i. At
 * each schedule or timer decision the highest-priority allowed candidate runs. A bug of depth d is then
 * found by one run with probability at least 1/(n k^(d-1)) for n threads.
 *
 * <p>k, the length of a run in schedule and timer decisions, is estimated from the runs already made
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
     * The chooser of one pct run. Its cost per decision is O(1) when the decision has the same
     * candidates and ranks as the one before (the running thread goes on), else two passes over
     * the candidates reading a long or two each, whatever the number of threads: a thread's
     * place in the order is drawn once, when it first shows up, and its rank is then read from
     * an array; the change points are a sorted array read from a cursor.
     */
    private static final class Priorities implements Chooser {
        /**
         * The rank of a thread lowered to priority i at a change point: below every place's key
         * (they are under {@link #KEYS_END}), and higher for a later change point.
         */
        private static final long LOWERED = Long.MAX_VALUE / 2;
        /** Places' keys are in (0, KEYS_END). */
        private static final long KEYS_END = Long.MAX_VALUE / 4;

        private final SplittableRandom random;
        /** The schedule steps (from 1) of the change points, ascending. */
        private final int[] changeSteps;
        /** The priority the running thread drops to at each of {@link #changeSteps}. */
        private final int[] drops;
        /** How many change points have been applied. */
        private int applied;
        /** Thread ids by initial priority, highest first: the first {@link #met} entries. */
        private int[] ranking = new int[8];
        private int met;
        /**
         * By thread id, 0 before the thread shows up; then a key ordered as the thread's place in
         * {@link #ranking}, so that a thread is placed without renumbering the places after it
         * (the keys are spread anew only when two neighbours' keys have nothing between them).
         */
        private long[] placeKey = new long[0];
        /**
         * By thread id: its {@link #placeKey} while it keeps its initial priority, or {@link
         * #LOWERED} minus the priority it was lowered to at a change point (1, 2, ...). The
         * lower the rank, the higher the priority.
         */
        private long[] rank = new long[0];
        private int scheduleSteps;
        /** How many times a rank was set: a thread showed up or was lowered. */
        private int ranksChanged;
        /**
         * The last schedule decision's candidates, how many were allowed, {@link #ranksChanged}
         * then, and the option chosen. A scheduler hands the same candidates to a thread's
         * decisions while nobody else becomes runnable (a {@link Decision}'s candidates never
         * change), so while neither they nor the ranks change the same option is the best: a
         * thread that goes on costs O(1) per decision.
         */
        private int[] lastCandidates;
        private int lastAllowed;
        private int lastRanksChanged;
        private int lastBest;

        Priorities(SplittableRandom random, int depth, int estimate) {
            this.random = random;
            int points = Math.max(0, Math.min(depth - 1, estimate));
            int[] steps = new int[points];
            for (int i = 0; i < points; i++) {
                int step;
                do {
                    step = 1 + random.nextInt(estimate);
                } while (contains(steps, i, step));
                steps[i] = step;
            }
            Integer[] order = new Integer[points];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Integer.compare(steps[a], steps[b]));
            changeSteps = new int[points];
            drops = new int[points];
            for (int i = 0; i < points; i++) {
                changeSteps[i] = steps[order[i]];
                drops[i] = order[i] + 1;
            }
        }

        private static boolean contains(int[] values, int count, int value) {
            for (int i = 0; i < count; i++) {
                if (values[i] == value) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int choose(ChoicePoint point) {
            Decision decision = point.decision();
            int[] allowed = point.allowed();
            if (!decision.kind().picksThread()) {
                return allowed[random.nextInt(allowed.length)];
            }
            scheduleSteps++;
            int running = decision.thread();
            meet(running);
            // Change points that access points passed without asking apply at the next decision.
            while (applied < changeSteps.length && changeSteps[applied] <= scheduleSteps) {
                rank[running] = LOWERED - drops[applied++];
                ranksChanged++;
            }
            int[] candidates = decision.candidates();
            if (candidates == lastCandidates && allowed.length == lastAllowed
                    && ranksChanged == lastRanksChanged) {
                return lastBest;
            }
            // One pass: meets each candidate in order (which draws places) and keeps the best of
            // the allowed ones, the first options (RunDriver: option 0 alone, or all of them).
            // The best's rank is read anew each time: a meet may respread the keys, in order.
            int best = 0;
            for (int option = 0; option < candidates.length; option++) {
                int thread = candidates[option];
                meet(thread);
                if (option < allowed.length && rank[thread] < rank[candidates[best]]) {
                    best = option;
                }
            }
            lastCandidates = candidates;
            lastAllowed = allowed.length;
            lastRanksChanged = ranksChanged;
            lastBest = best;
            return best;
        }

        /**
         * Between change points the highest-priority thread keeps running, so the access points
         * before the next change point need not ask.
         */
        @Override
        public int pointsUntilDecision(int thread) {
            return applied == changeSteps.length
                    ? Integer.MAX_VALUE
                    : Math.max(1, changeSteps[applied] - scheduleSteps);
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
            if (thread < placeKey.length && placeKey[thread] != 0) {
                return;
            }
            if (thread >= placeKey.length) {
                int size = Math.max(thread + 1, 2 * placeKey.length);
                placeKey = Arrays.copyOf(placeKey, size);
                rank = Arrays.copyOf(rank, size);
            }
            ranksChanged++;
            int at = random.nextInt(met + 1);
            if (met == ranking.length) {
                ranking = Arrays.copyOf(ranking, 2 * met);
            }
            System.arraycopy(ranking, at, ranking, at + 1, met - at);
            ranking[at] = thread;
            met++;
            long below = at == 0 ? 0 : placeKey[ranking[at - 1]];
            long above = at == met - 1 ? KEYS_END : placeKey[ranking[at + 1]];
            long key = below + (above - below) / 2;
            if (key == below) {
                spreadKeys();
            } else {
                placeKey[thread] = key;
                rank[thread] = key;
            }
        }

        /** Gives the places evenly spaced keys again; lowered threads keep their rank. */
        private void spreadKeys() {
            long step = KEYS_END / (met + 1);
            for (int i = 0; i < met; i++) {
                int t = ranking[i];
                boolean lowered = placeKey[t] != 0 && rank[t] != placeKey[t];
                placeKey[t] = step * (i + 1);
                if (!lowered) {
                    rank[t] = placeKey[t];
                }
            }
        }
    }
}
