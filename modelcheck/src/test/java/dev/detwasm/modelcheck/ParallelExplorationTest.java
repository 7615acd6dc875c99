package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.RunConfig;
import dev.detwasm.scheduler.SchedulerModule;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --jobs N} must report exactly what {@code --jobs 1} reports. */
class ParallelExplorationTest {
    private final ModelChecker checker =
            Guice.createInjector(new HostCoreModule(), new SchedulerModule(),
                    new ModelCheckModule()).getInstance(ModelChecker.class);
    private final ReproductionCommand reproduction =
            new ReproductionCommand("p.wasm", RunConfig.builder().build(), null);

    /** Makes runs finish in an order unrelated to the order they started in. */
    private static RunExecutor jittery(RunExecutor executor) {
        return source -> {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
            return executor.execute(source);
        };
    }

    private String report(RunExecutor executor, CheckSettings settings) throws Exception {
        CheckReport report =
                checker.explore("p.wasm", jittery(executor), 11, settings, reproduction,
                        ProgressListener.NONE);
        ObjectNode json = new JsonReport().toJson(report, 0);
        json.remove("timing");
        return TextReport.summary(report) + json;
    }

    private void assertSameForAnyJobs(RunExecutor executor, CheckSettings.Builder settings)
            throws Exception {
        String sequential = report(executor, settings.jobs(1).build());
        for (int jobs : new int[] {2, 3, 8}) {
            assertEquals(sequential, report(executor, settings.jobs(jobs).build()),
                    "jobs " + jobs);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dfs", "bfs", "random", "pct"})
    void irregularTreesGiveTheSameReport(String strategy) throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            assertSameForAnyJobs(SyntheticTree.irregular(seed),
                    CheckSettings.builder().strategy(strategy).maxRuns(200));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dfs", "bfs", "random", "pct"})
    void interleavingsCutByMaxRunsGiveTheSameReport(String strategy) throws Exception {
        SyntheticThreads program = new SyntheticThreads(new int[] {4, 3, 2}, 2);
        assertSameForAnyJobs(program,
                CheckSettings.builder().strategy(strategy).maxRuns(57).preemptionBound(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dfs", "bfs", "random", "pct"})
    void stopOnFirstStopsAtTheSameRun(String strategy) throws Exception {
        SyntheticThreads program = new SyntheticThreads(new int[] {6, 1}, 4);
        CheckSettings.Builder settings =
                CheckSettings.builder().strategy(strategy).stopOnFirst(true).maxRuns(2000)
                        .preemptionBound(CheckSettings.UNLIMITED);
        assertSameForAnyJobs(program, settings);
        CheckReport report =
                checker.explore("p.wasm", program, 11, settings.jobs(4).build(), reproduction,
                        ProgressListener.NONE);
        assertEquals(1, report.failingRuns());
        assertEquals(report.runs() - 1, report.failures().get(0).run());
    }

    @Test
    void workersMakeRunsAtTheSameTime() throws Exception {
        SyntheticTree tree = SyntheticTree.uniform(4, 3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        RunExecutor slow =
                source -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    LockSupport.parkNanos(2_000_000);
                    running.decrementAndGet();
                    return tree.execute(source);
                };
        CheckReport report =
                checker.explore("p.wasm", slow, 0,
                        CheckSettings.builder().strategy("dfs").jobs(4).build(),
                        reproduction, ProgressListener.NONE);
        assertEquals(81, report.runs());
        assertTrue(most.get() > 1, "at most " + most.get() + " run at once");
    }

    /**
     * Runs of microseconds are taken in batches; a stop that arrives while workers hold theirs
     * still ends the exploration, after a prefix of its runs in order.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void aStopEndsWorkersThatHoldBatchesOfFastRuns(int jobs) throws Exception {
        SyntheticTree tree = SyntheticTree.uniform(16, 2);
        StopRequest stop = StopRequest.none();
        AtomicInteger made = new AtomicInteger();
        RunExecutor stopping =
                source -> {
                    if (made.incrementAndGet() == 3000) {
                        stop.request("test");
                    }
                    return tree.execute(source);
                };
        Explorations e =
                Explorations.of(stopping, new DfsStrategy(), Branching.unbounded(),
                        new Limits(Long.MAX_VALUE, Limits.NO_TIME_LIMIT, false, jobs,
                                System.nanoTime(), stop));
        assertEquals(Set.of(Bound.INTERRUPTED), e.exploration.bounds());
        assertTrue(e.runs.size() >= 1 && e.runs.size() <= made.get(), e.runs.size() + " runs");
        Explorations whole = Explorations.of(tree, new DfsStrategy());
        assertEquals(whole.traces().subList(0, e.runs.size()), e.traces());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dfs", "bfs"})
    void systematicStrategiesMakeEveryRunOnceWithManyJobs(String strategy) throws Exception {
        SyntheticThreads program = new SyntheticThreads(new int[] {3, 3, 2}, -1);
        CheckReport report =
                checker.explore("p.wasm", jittery(program), 0,
                        CheckSettings.builder().strategy(strategy).jobs(4)
                                .preemptionBound(CheckSettings.UNLIMITED).build(),
                        reproduction, ProgressListener.NONE);
        // 8! / (3! 3! 2!) interleavings.
        assertEquals(560, report.runs());
        assertEquals(560, report.distinctRuns());
        assertTrue(report.exhaustive());
        assertEquals(List.of(), report.failures());
    }
}
