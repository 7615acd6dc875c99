package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundsTest {
    private static final Set<DecisionKind> ALL = EnumSet.allOf(DecisionKind.class);
    private static final int[] THREE_THREADS = {3, 2, 2};

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, Branching.UNBOUNDED})
    void thePreemptionBoundKeepsExactlyTheInterleavingsWithFewPreemptions(int bound)
            throws Exception {
        Set<String> expected = interleavings(THREE_THREADS, bound);
        Set<String> all = interleavings(THREE_THREADS, Branching.UNBOUNDED);
        for (Strategy strategy : List.of(new DfsStrategy(), new BfsStrategy())) {
            Explorations e =
                    Explorations.of(
                            new SyntheticThreads(THREE_THREADS, -1),
                            strategy,
                            new Branching(ALL, Integer.MAX_VALUE, bound),
                            Limits.none());
            Set<String> printed = new HashSet<>();
            for (ExploredRun run : e.runs) {
                printed.add(new String(run.outcome().stdout(), StandardCharsets.UTF_8).trim());
            }
            assertEquals(expected.size(), e.runs.size(), "each interleaving once");
            assertEquals(expected, printed);
            assertEquals(
                    expected.size() < all.size()
                            ? Set.of(Bound.PREEMPTION_BOUND)
                            : Set.of(),
                    e.exploration.bounds());
        }
    }

    @Test
    void withoutPreemptionsOnlySwitchesAtThreadExitsBranch() throws Exception {
        Explorations e =
                Explorations.of(
                        new SyntheticThreads(THREE_THREADS, -1),
                        new DfsStrategy(),
                        new Branching(ALL, Integer.MAX_VALUE, 0),
                        Limits.none());
        List<String> printed = new ArrayList<>();
        for (ExploredRun run : e.runs) {
            printed.add(new String(run.outcome().stdout(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of("0001122\n", "0002211\n"), printed);
        assertEquals(List.of(List.of(0, 0, 0, 0, 0), List.of(0, 0, 0, 1, 0)), e.traces());
        assertEquals(Set.of(Bound.PREEMPTION_BOUND), e.exploration.bounds());
    }

    /**
     * The oracle: every order of the threads' steps, kept when it makes at most {@code bound}
     * preemptions (a switch away from a thread with steps left; thread 0 runs first).
     */
    private static Set<String> interleavings(int[] steps, int bound) {
        Set<String> result = new HashSet<>();
        interleave(steps.clone(), new StringBuilder(), 0, 0, bound, result);
        return result;
    }

    private static void interleave(int[] left, StringBuilder order, int last, int preemptions,
            int bound, Set<String> out) {
        boolean any = false;
        for (int t = 0; t < left.length; t++) {
            if (left[t] == 0) {
                continue;
            }
            any = true;
            int p = preemptions + (t != last && left[last] > 0 ? 1 : 0);
            if (bound != Branching.UNBOUNDED && p > bound) {
                continue;
            }
            left[t]--;
            order.append(t);
            interleave(left, order, t, p, bound, out);
            order.setLength(order.length() - 1);
            left[t]++;
        }
        if (!any) {
            out.add(order.toString());
        }
    }

    @Test
    void maxDecisionsCutsRunsAndTheirLaterDecisionsTakeOptionZero() throws Exception {
        Explorations e =
                Explorations.of(
                        SyntheticTree.uniform(4, 2),
                        new DfsStrategy(),
                        new Branching(ALL, 2, Branching.UNBOUNDED),
                        Limits.none());
        assertEquals(
                List.of(List.of(0, 0, 0, 0), List.of(0, 1, 0, 0), List.of(1, 0, 0, 0),
                        List.of(1, 1, 0, 0)),
                e.traces());
        assertTrue(e.runs.stream().allMatch(ExploredRun::cut));
        assertEquals(Set.of(Bound.MAX_DECISIONS), e.exploration.bounds());
    }

    @Test
    void maxDecisionsThatNoRunReachesIsNoBound() throws Exception {
        Explorations e =
                Explorations.of(
                        SyntheticTree.uniform(3, 2),
                        new BfsStrategy(),
                        new Branching(ALL, 3, Branching.UNBOUNDED),
                        Limits.none());
        assertEquals(8, e.runs.size());
        assertTrue(e.exploration.exhaustive());
    }

    @Test
    void kindsThatDoNotBranchFollowFifoButStayInTheTrace() throws Exception {
        SyntheticTree tree =
                new SyntheticTree(
                        path -> switch (path.size()) {
                            case 0, 2 -> Decision.select(0, 2);
                            case 1 -> Decision.schedule(0, new int[] {0, 1, 2});
                            default -> null;
                        },
                        path -> false);
        Explorations e =
                Explorations.of(
                        tree,
                        new BfsStrategy(),
                        new Branching(EnumSet.of(DecisionKind.SELECT), Integer.MAX_VALUE, 0),
                        Limits.none());
        assertEquals(
                List.of(List.of(0, 0, 0), List.of(1, 0, 0), List.of(0, 0, 1), List.of(1, 0, 1)),
                e.traces());
        for (ExploredRun run : e.runs) {
            assertEquals(
                    List.of(DecisionKind.SELECT, DecisionKind.SCHEDULE, DecisionKind.SELECT),
                    run.outcome().decisionKinds());
            assertEquals(2, run.steps().size(), "only selects branch");
        }
        assertTrue(e.exploration.exhaustive(), "kinds left out are a choice, not a bound");
    }

    @Test
    void maxRunsStopsTheExplorationWhenRunsAreLeft() throws Exception {
        Explorations cut =
                Explorations.of(SyntheticTree.uniform(3, 2), new DfsStrategy(), Branching.unbounded(),
                        new Limits(5, Limits.NO_TIME_LIMIT, false, 1));
        assertEquals(5, cut.runs.size());
        assertEquals(Set.of(Bound.MAX_RUNS), cut.exploration.bounds());
        Explorations exact =
                Explorations.of(SyntheticTree.uniform(3, 2), new DfsStrategy(), Branching.unbounded(),
                        new Limits(8, Limits.NO_TIME_LIMIT, false, 1));
        assertEquals(8, exact.runs.size());
        assertTrue(exact.exploration.exhaustive());
    }

    @Test
    void stopOnFirstStopsAtTheFirstFailureInExplorationOrder() throws Exception {
        SyntheticTree tree =
                new SyntheticTree(
                        path -> path.size() < 3 ? Decision.select(0, 2) : null,
                        path -> path.get(0) == 1);
        Explorations e =
                Explorations.of(tree, new DfsStrategy(), Branching.unbounded(),
                        new Limits(Long.MAX_VALUE, Limits.NO_TIME_LIMIT, true, 1));
        assertEquals(5, e.runs.size());
        assertEquals(List.of(1, 0, 0), e.traces().get(4));
        assertEquals(Set.of(Bound.STOP_ON_FIRST), e.exploration.bounds());
    }

    @Test
    void stopOnFirstAtTheLastRunIsNoBound() throws Exception {
        SyntheticTree tree =
                new SyntheticTree(
                        path -> path.size() < 2 ? Decision.select(0, 2) : null,
                        path -> path.equals(List.of(1, 1)));
        Explorations e =
                Explorations.of(tree, new DfsStrategy(), Branching.unbounded(),
                        new Limits(Long.MAX_VALUE, Limits.NO_TIME_LIMIT, true, 1));
        assertEquals(4, e.runs.size());
        assertTrue(e.exploration.exhaustive());
    }

    @Test
    void theTimeLimitStopsTheExploration() throws Exception {
        SyntheticTree tree = SyntheticTree.uniform(10, 2);
        RunExecutor slow =
                source -> {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return tree.execute(source);
                };
        Explorations e =
                Explorations.of(slow, new DfsStrategy(), Branching.unbounded(),
                        new Limits(Long.MAX_VALUE, Duration.ofMillis(100), false, 1));
        assertTrue(e.runs.size() >= 1 && e.runs.size() < 1024, "runs: " + e.runs.size());
        assertEquals(Set.of(Bound.TIME_LIMIT), e.exploration.bounds());
    }

    /** The CLI counts the limit from the JVM's start: start-up spends it too. */
    @Test
    void theTimeLimitCountsFromTheGivenStart() throws Exception {
        CheckSettings settings =
                CheckSettings.builder()
                        .timeLimit(Duration.ofSeconds(5))
                        .timeLimitFrom(Instant.now().minusSeconds(6))
                        .build();
        Explorations late =
                Explorations.of(SyntheticTree.uniform(3, 2), new DfsStrategy(),
                        Branching.unbounded(), settings.limits());
        assertEquals(0, late.runs.size());
        assertEquals(Set.of(Bound.TIME_LIMIT), late.exploration.bounds());
        Explorations inTime =
                Explorations.of(SyntheticTree.uniform(3, 2), new DfsStrategy(),
                        Branching.unbounded(),
                        settings.toBuilder().timeLimitFrom(Instant.now().minusSeconds(1)).build()
                                .limits());
        assertTrue(inTime.exploration.exhaustive());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aProgramThatCannotRunEndsTheExploration(int jobs) {
        LoadException failure = new LoadException("m.wasm: unknown import env.f");
        RunExecutor broken =
                source -> {
                    throw failure;
                };
        LoadException thrown =
                assertThrows(
                        LoadException.class,
                        () -> Explorations.of(broken, new BfsStrategy(), Branching.unbounded(),
                                new Limits(Long.MAX_VALUE, Limits.NO_TIME_LIMIT, false, jobs)));
        assertSame(failure, thrown);
    }
}
