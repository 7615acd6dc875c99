package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.spi.DecisionKind;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SystematicStrategiesTest {

    @Test
    void dfsVisitsAUniformTreeInLexicographicOrder() throws Exception {
        Explorations e = Explorations.of(SyntheticTree.uniform(2, 3), new DfsStrategy());
        assertEquals(
                List.of(List.of(0, 0), List.of(0, 1), List.of(0, 2), List.of(1, 0),
                        List.of(1, 1), List.of(1, 2), List.of(2, 0), List.of(2, 1),
                        List.of(2, 2)),
                e.traces());
        assertTrue(e.exploration.exhaustive());
        assertEquals(9, e.exploration.runs());
    }

    @Test
    void bfsVisitsEarlyDeviationsFirst() throws Exception {
        Explorations e = Explorations.of(SyntheticTree.uniform(2, 3), new BfsStrategy());
        assertEquals(
                List.of(List.of(0, 0), List.of(1, 0), List.of(2, 0), List.of(0, 1),
                        List.of(0, 2), List.of(1, 1), List.of(1, 2), List.of(2, 1),
                        List.of(2, 2)),
                e.traces());
        assertTrue(e.exploration.exhaustive());
    }

    @Test
    void aUniformTreeHasOptionsToTheDepthRuns() throws Exception {
        SyntheticTree tree = SyntheticTree.uniform(5, 2);
        assertEquals(32, Explorations.of(tree, new DfsStrategy()).runs.size());
        assertEquals(32, Explorations.of(tree, new BfsStrategy()).runs.size());
    }

    @Test
    void runsIndexesFollowTheExplorationOrder() throws Exception {
        Explorations e = Explorations.of(SyntheticTree.uniform(3, 2), new BfsStrategy());
        for (int i = 0; i < e.runs.size(); i++) {
            assertEquals(i, e.runs.get(i).index());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void dfsAndBfsVisitExactlyEveryLeafOfAnIrregularTree(long seed) throws Exception {
        SyntheticTree tree = SyntheticTree.irregular(seed);
        List<List<Integer>> dfs = Explorations.of(tree, new DfsStrategy()).traces();
        List<List<Integer>> bfs = Explorations.of(tree, new BfsStrategy()).traces();
        Set<List<Integer>> leaves = new HashSet<>(tree.allTraces());
        assertEquals(tree.allTraces().size(), leaves.size(), "leaves are distinct");
        assertEquals(leaves.size(), dfs.size(), "dfs makes each leaf once");
        assertEquals(leaves.size(), bfs.size(), "bfs makes each leaf once");
        assertEquals(leaves, new HashSet<>(dfs));
        assertEquals(leaves, new HashSet<>(bfs));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void dfsAndBfsVisitTheSameRunsUnderBounds(int bound) throws Exception {
        Branching branching =
                new Branching(EnumSet.of(DecisionKind.SCHEDULE, DecisionKind.WAKE), 3, bound);
        for (long seed = 1; seed <= 8; seed++) {
            SyntheticTree tree = SyntheticTree.irregular(seed);
            Explorations dfs = Explorations.of(tree, new DfsStrategy(), branching, Limits.none());
            Explorations bfs = Explorations.of(tree, new BfsStrategy(), branching, Limits.none());
            assertEquals(new HashSet<>(dfs.traces()), new HashSet<>(bfs.traces()));
            assertEquals(dfs.runs.size(), new HashSet<>(dfs.traces()).size());
            assertEquals(dfs.exploration.bounds(), bfs.exploration.bounds());
        }
    }

    @Test
    void dfsAndBfsVisitTheSameInterleavings() throws Exception {
        SyntheticThreads program = new SyntheticThreads(new int[] {3, 2, 2}, -1);
        Set<List<Integer>> dfs = new HashSet<>(
                Explorations.of(program, new DfsStrategy()).traces());
        Set<List<Integer>> bfs = new HashSet<>(
                Explorations.of(program, new BfsStrategy()).traces());
        // 7! / (3! 2! 2!) interleavings of three threads' steps.
        assertEquals(210, dfs.size());
        assertEquals(dfs, bfs);
    }
}
