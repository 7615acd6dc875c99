package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.spi.DecisionKind;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplingStrategiesTest {
    /**
     * Thread 0 runs 40 steps, thread 1 one; the bug needs thread 1 right after step 20. A random
     * walk hits it with probability 2^-21; pct with depth 2 with probability 1/(2 k), k = 41.
     */
    private static final SyntheticThreads ATOMICITY_VIOLATION =
            new SyntheticThreads(new int[] {40, 1}, 20);

    private static final Branching ALL_KINDS = Branching.unbounded();

    private static RandomStrategy random(long seed) {
        return new RandomStrategy(new ExplorationFacts(seed, false));
    }

    private static RandomStrategy randomWithAccessPoints(long seed) {
        return new RandomStrategy(new ExplorationFacts(seed, true));
    }

    private static PctStrategy pct(long seed, int depth) {
        return new PctStrategy(new ExplorationFacts(seed, false), new PctSettings(depth));
    }

    private static Limits maxRuns(long n) {
        return new Limits(n, Limits.NO_TIME_LIMIT, false, 1);
    }

    private static long failures(Explorations e) {
        return e.runs.stream().filter(r -> r.outcome().failed()).count();
    }

    @Test
    void runKOfRandomIsReproducibleFromTheSeedAndKAlone() throws Exception {
        SyntheticTree tree = SyntheticTree.uniform(8, 2);
        Explorations all =
                Explorations.of(tree, random(42), ALL_KINDS,
                        maxRuns(20));
        // Plan 13 of a strategy that was never asked for more than 14 runs, made twice.
        RunPlan thirteenth =
                random(42).upcoming(14).get(13);
        for (int i = 0; i < 2; i++) {
            RunOutcome again = tree.execute(ALL_KINDS.driver(thirteenth.chooser()));
            assertEquals(all.traces().get(13), again.trace());
        }
    }

    @Test
    void randomRunsDependOnTheSeed() throws Exception {
        SyntheticTree tree = SyntheticTree.uniform(6, 2);
        List<List<Integer>> one =
                Explorations.of(tree, random(1), ALL_KINDS,
                        maxRuns(10)).traces();
        List<List<Integer>> oneAgain =
                Explorations.of(tree, random(1), ALL_KINDS,
                        maxRuns(10)).traces();
        List<List<Integer>> two =
                Explorations.of(tree, random(2), ALL_KINDS,
                        maxRuns(10)).traces();
        assertEquals(one, oneAgain);
        assertNotEquals(one, two);
    }

    @Test
    void randomStopsOnceItHasSeenEveryRun() throws Exception {
        SyntheticTree tree = SyntheticTree.uniform(3, 2);
        Explorations e =
                Explorations.of(tree, random(7), ALL_KINDS,
                        maxRuns(10_000));
        assertEquals(new HashSet<>(tree.allTraces()), new HashSet<>(e.traces()));
        assertTrue(e.exploration.exhaustive());
        assertTrue(e.runs.size() >= 8 && e.runs.size() < 10_000, "runs: " + e.runs.size());
    }

    @Test
    void randomThatHasNotSeenEveryRunIsBoundedByMaxRuns() throws Exception {
        Explorations e =
                Explorations.of(SyntheticTree.uniform(10, 2),
                        random(7), ALL_KINDS, maxRuns(50));
        assertEquals(50, e.runs.size());
        assertEquals(Set.of(Bound.MAX_RUNS), e.exploration.bounds());
    }

    @Test
    void randomWalksStayWithinThePreemptionBound() throws Exception {
        Branching bound1 = new Branching(EnumSet.allOf(DecisionKind.class), Integer.MAX_VALUE, 1);
        Explorations e =
                Explorations.of(new SyntheticThreads(new int[] {3, 2, 2}, -1),
                        random(5), bound1, maxRuns(10_000));
        Set<List<Integer>> bounded =
                new HashSet<>(Explorations.of(new SyntheticThreads(new int[] {3, 2, 2}, -1),
                        new DfsStrategy(), bound1, Limits.none()).traces());
        assertEquals(bounded, new HashSet<>(e.traces()));
        assertEquals(Set.of(Bound.PREEMPTION_BOUND), e.exploration.bounds());
    }

    @Test
    void pctFindsADepthTwoBugThatRandomWalksMiss() throws Exception {
        int pctFound = 0;
        int randomFound = 0;
        for (long seed = 0; seed < 10; seed++) {
            pctFound += failures(Explorations.of(ATOMICITY_VIOLATION,
                    pct(seed, 2), ALL_KINDS, maxRuns(500)))
                    > 0 ? 1 : 0;
            randomFound += failures(Explorations.of(ATOMICITY_VIOLATION,
                    random(seed), ALL_KINDS, maxRuns(500)))
                    > 0 ? 1 : 0;
        }
        // With 500 runs, pct misses with probability (1 - 1/82)^499, about 0.2%, per seed.
        assertEquals(10, pctFound);
        assertEquals(0, randomFound);
    }

    @Test
    void pctWithTheDefaultDepthFindsTheBugToo() throws Exception {
        Explorations e =
                Explorations.of(ATOMICITY_VIOLATION,
                        pct(1, PctSettings.DEFAULT_DEPTH),
                        ALL_KINDS, maxRuns(300));
        assertTrue(failures(e) > 0);
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
                e.runs.stream().filter(r -> r.outcome().failed()).findFirst().orElseThrow()
                        .outcome().trace());
    }

    @Test
    void pctsFirstRunIsTheFifoRun() throws Exception {
        Explorations e =
                Explorations.of(ATOMICITY_VIOLATION, pct(3, 3),
                        ALL_KINDS, maxRuns(1));
        assertTrue(e.runs.get(0).outcome().trace().stream().allMatch(c -> c == 0));
        assertEquals(40, e.runs.get(0).steps().size());
    }

    @Test
    void pctIsDeterministicForASeed() throws Exception {
        SyntheticThreads program = new SyntheticThreads(new int[] {4, 3, 3}, -1);
        List<List<Integer>> one =
                Explorations.of(program, pct(9, 3), ALL_KINDS,
                        maxRuns(100)).traces();
        List<List<Integer>> again =
                Explorations.of(program, pct(9, 3), ALL_KINDS,
                        maxRuns(100)).traces();
        List<List<Integer>> other =
                Explorations.of(program, pct(10, 3), ALL_KINDS,
                        maxRuns(100)).traces();
        assertEquals(one, again);
        assertNotEquals(one, other);
        assertTrue(new HashSet<>(one).size() > 10, "pct varies its runs");
    }

    @Test
    void pctDrawsSelectsAtRandomAndStopsOnceItHasSeenEveryRun() throws Exception {
        SyntheticTree selects = SyntheticTree.uniform(3, 3);
        Explorations e =
                Explorations.of(selects, pct(4, 3), ALL_KINDS,
                        maxRuns(10_000));
        assertEquals(new HashSet<>(selects.allTraces()), new HashSet<>(e.traces()));
        assertTrue(e.exploration.exhaustive());
    }

    @Test
    void pctGivesThreadsDistinctPrioritiesSoTheHighestRunsToTheEnd() throws Exception {
        // Depth 1: no change points, so each run is one thread order by priority: a thread
        // runs all its steps once chosen, and the interleavings are the 3! thread orders.
        SyntheticThreads program = new SyntheticThreads(new int[] {2, 2, 2}, -1);
        Explorations e =
                Explorations.of(program, pct(2, 1), ALL_KINDS,
                        maxRuns(200));
        Set<String> printed = new HashSet<>();
        for (ExploredRun run : e.runs) {
            printed.add(new String(run.outcome().stdout(), java.nio.charset.StandardCharsets.UTF_8)
                    .trim());
        }
        assertEquals(Set.of("001122", "002211", "110022", "112200", "220011", "221100"),
                printed);
    }

    /**
     * With access points, random walks are sparse: the first preemption falls on each of the
     * first k places with probability 1/k, so the bug after step 20 of 41 is found in 500 runs
     * (missed with probability (1 - 1/41)^468, about 0.00001%, per seed), where uniform walks
     * miss it (above).
     */
    @Test
    void sparseRandomWalksFindTheDepthTwoBug() throws Exception {
        for (long seed = 0; seed < 10; seed++) {
            Explorations e = Explorations.of(ATOMICITY_VIOLATION,
                    randomWithAccessPoints(seed), ALL_KINDS,
                    maxRuns(500));
            assertTrue(failures(e) > 0, "seed " + seed);
        }
    }

    @Test
    void sparseRandomWalksStartWithTheFifoRunAndStayDeterministic() throws Exception {
        SyntheticThreads program = new SyntheticThreads(new int[] {6, 4, 4}, -1);
        List<List<Integer>> one = Explorations.of(program,
                randomWithAccessPoints(3), ALL_KINDS, maxRuns(80))
                .traces();
        List<List<Integer>> again = Explorations.of(program,
                randomWithAccessPoints(3), ALL_KINDS, maxRuns(80))
                .traces();
        assertEquals(one, again);
        assertTrue(one.get(0).stream().allMatch(c -> c == 0), "run 0 is the fifo run");
        assertTrue(new HashSet<>(one).size() > 10, "the walks vary");
    }
}
