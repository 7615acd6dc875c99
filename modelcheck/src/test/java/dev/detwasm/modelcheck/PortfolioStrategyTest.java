package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortfolioStrategyTest {
    private static final SyntheticThreads ATOMICITY_VIOLATION =
            new SyntheticThreads(new int[] {40, 1}, 20);

    private static Limits runs(int n, int jobs) {
        return new Limits(n, Limits.NO_TIME_LIMIT, false, jobs);
    }

    @Test
    void membersTakeTurnsAndEachMakesTheRunsItMakesAlone() throws Exception {
        ExplorationFacts facts = new ExplorationFacts(7, false);
        Explorations portfolio = Explorations.of(ATOMICITY_VIOLATION,
                PortfolioStrategy.standard(facts), Branching.unbounded(), runs(100, 1));
        List<String> origins = new ArrayList<>();
        for (ExploredRun run : portfolio.runs.subList(0, 10)) {
            origins.add(run.origin());
        }
        assertEquals(List.of("dfs", "random", "pct depth 3", "bfs", "pct depth 1",
                "dfs", "random", "pct depth 3", "bfs", "pct depth 2"), origins);
        List<List<Integer>> alone = Explorations.of(ATOMICITY_VIOLATION,
                new PctStrategy(facts, new PctSettings(3)), Branching.unbounded(), runs(20, 1)).traces();
        List<List<Integer>> random = Explorations.of(ATOMICITY_VIOLATION,
                new RandomStrategy(facts), Branching.unbounded(), runs(20, 1)).traces();
        List<List<Integer>> dfs = Explorations.of(ATOMICITY_VIOLATION, new DfsStrategy(),
                Branching.unbounded(), runs(20, 1)).traces();
        List<List<Integer>> bfs = Explorations.of(ATOMICITY_VIOLATION, new BfsStrategy(),
                Branching.unbounded(), runs(20, 1)).traces();
        for (int i = 0; i < 20; i++) {
            assertEquals(dfs.get(i), portfolio.traces().get(5 * i));
            assertEquals(random.get(i), portfolio.traces().get(5 * i + 1));
            assertEquals(alone.get(i), portfolio.traces().get(5 * i + 2));
            assertEquals(bfs.get(i), portfolio.traces().get(5 * i + 3));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void theSameRunsForAnyNumberOfWorkers(int jobs) throws Exception {
        ExplorationFacts facts = new ExplorationFacts(3, false);
        assertEquals(
                Explorations.of(ATOMICITY_VIOLATION, PortfolioStrategy.standard(facts),
                        Branching.unbounded(), runs(60, 1)).traces(),
                Explorations.of(ATOMICITY_VIOLATION, PortfolioStrategy.standard(facts),
                        Branching.unbounded(), runs(60, jobs)).traces());
    }

    @Test
    void itFindsADepthTwoBugWithinFiveTimesTheRunsOfItsBestMember() throws Exception {
        ExplorationFacts facts = new ExplorationFacts(1, false);
        long portfolio = firstFailure(PortfolioStrategy.standard(facts));
        long best = Math.min(Math.min(firstFailure(new DfsStrategy()),
                        firstFailure(new BfsStrategy())),
                Math.min(firstFailure(new PctStrategy(facts, new PctSettings(3))),
                        firstFailure(new RandomStrategy(facts))));
        assertTrue(portfolio + 1 <= 5 * (best + 1), portfolio + " vs best " + best);
    }

    @Test
    void itEndsOnceItsMembersTogetherMadeEveryRun() throws Exception {
        SyntheticTree tree = SyntheticTree.uniform(2, 3);
        Explorations e = Explorations.of(tree, PortfolioStrategy.standard(
                new ExplorationFacts(0, false)), Branching.unbounded(), Limits.none());
        assertTrue(e.exploration.exhaustive());
        assertTrue(e.runs.size() < 5 * 9, e.runs.size() + " runs");
        assertEquals(9, new java.util.HashSet<>(e.traces()).size());
    }

    /** The index of the first failing run, or a huge number when none of 5000 failed. */
    private static long firstFailure(Strategy strategy) throws Exception {
        return Explorations.of(ATOMICITY_VIOLATION, strategy, Branching.unbounded(), runs(5000, 1))
                .runs.stream().filter(r -> r.outcome().failed()).findFirst()
                .map(ExploredRun::index).orElse((long) Integer.MAX_VALUE);
    }
}
