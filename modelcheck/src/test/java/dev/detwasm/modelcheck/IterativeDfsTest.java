package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.spi.DecisionKind;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** dfs makes every run with k preemptions before any run with more, as CHESS does. */
class IterativeDfsTest {
    private static final SyntheticThreads THREE_THREADS = new SyntheticThreads(new int[] {3, 2, 2}, -1);

    private static Branching bound(int preemptions) {
        return new Branching(EnumSet.allOf(DecisionKind.class), Integer.MAX_VALUE, preemptions);
    }

    @Test
    void runsComeInOrderOfTheirPreemptions() throws Exception {
        Explorations e = Explorations.of(THREE_THREADS, new DfsStrategy(), bound(3), Limits.none());
        int level = 0;
        for (ExploredRun run : e.runs) {
            assertTrue(run.preemptions() >= level,
                    "run #" + run.index() + " has " + run.preemptions() + " after " + level);
            level = run.preemptions();
        }
        assertEquals(3, level);
        assertEquals(0, e.runs.get(0).preemptions(), "the fifo run comes first");
    }

    @Test
    void eachLevelIsInLexicographicOrderAndEveryRunIsMadeOnce() throws Exception {
        Explorations e = Explorations.of(THREE_THREADS, new DfsStrategy(), bound(2), Limits.none());
        assertEquals(e.runs.size(), new HashSet<>(e.traces()).size());
        Set<List<Integer>> bfs = new HashSet<>(
                Explorations.of(THREE_THREADS, new BfsStrategy(), bound(2), Limits.none()).traces());
        assertEquals(bfs, new HashSet<>(e.traces()));
        for (int i = 1; i < e.runs.size(); i++) {
            ExploredRun a = e.runs.get(i - 1);
            ExploredRun b = e.runs.get(i);
            if (a.preemptions() == b.preemptions()) {
                assertTrue(compare(a.outcome().trace(), b.outcome().trace()) < 0,
                        a.outcome().trace() + " before " + b.outcome().trace());
            }
        }
    }

    @Test
    void aBugNeedingOnePreemptionIsFoundBeforeAnyRunWithTwo() throws Exception {
        SyntheticThreads bug = new SyntheticThreads(new int[] {4, 4}, 2);
        Explorations e = Explorations.of(bug, new DfsStrategy(), Branching.unbounded(),
                Limits.none());
        ExploredRun first = e.runs.stream().filter(r -> r.outcome().failed()).findFirst()
                .orElseThrow();
        assertEquals(1, first.preemptions());
        assertTrue(e.runs.subList(0, (int) first.index()).stream()
                .allMatch(r -> r.preemptions() <= 1));
    }

    @Test
    void theFrontierCountsThePendingPrefixesOfEveryLevel() throws Exception {
        Explorations e = Explorations.of(THREE_THREADS, new DfsStrategy(), bound(3),
                new Limits(1, Limits.NO_TIME_LIMIT, false, 1));
        long all = Explorations.of(THREE_THREADS, new DfsStrategy(), bound(3), Limits.none())
                .runs.size();
        assertTrue(e.exploration.frontier() > 0 && e.exploration.frontier() < all,
                "frontier " + e.exploration.frontier() + " of " + all);
        assertEquals(0, Explorations.of(THREE_THREADS, new DfsStrategy(), bound(3),
                Limits.none()).exploration.frontier());
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
