package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.detwasm.host.Engine;
import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunDeadline;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.scheduler.SchedulerModule;
import dev.detwasm.wasi.WasiPreview1Module;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The model checker on real wasm programs: WAT run by host-core, the scheduler and WASI. */
class RealProgramsTest {
    private final Injector injector =
            Guice.createInjector(new HostCoreModule(), new SchedulerModule(),
                    new WasiPreview1Module(), new ModelCheckModule());
    private final ModelChecker checker = injector.getInstance(ModelChecker.class);
    private final Runner runner = injector.getInstance(Runner.class);

    private static Program program(String name) throws Exception {
        try (InputStream in = RealProgramsTest.class.getResourceAsStream(name)) {
            return new ProgramLoader().load(name, in.readAllBytes());
        }
    }

    private CheckReport check(Program program, RunConfig config, CheckSettings settings)
            throws Exception {
        return checker.check(program, config, settings,
                new ReproductionCommand(program.name(), config, null), ProgressListener.NONE);
    }

    /** Replays {@code failure}'s trace as {@code detwasm run --trace} does. */
    private RunResult replay(Program program, RunConfig config, FailingRun failure)
            throws Exception {
        return runner.run(program, config.toBuilder().trace(failure.trace()).build(),
                GuestOutput.captured(), new PrintStream(OutputStream.nullOutputStream()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dfsExploresEverySelectAndReportsTheFailureAndTheSitesReached(Engine engine)
            throws Exception {
        CheckReport report =
                check(program("choices.wat"), RunConfig.builder().engine(engine).build(),
                        CheckSettings.builder().strategy("dfs").mustReach(List.of("choice.c:12"))
                                .build());
        String reproduce = engine == Engine.AOT
                ? "detwasm run --trace 1,2 choices.wat"
                : "detwasm run --engine interpreter --trace 1,2 choices.wat";
        assertEquals(
                """
                check choices.wat: strategy dfs, decisions schedule,select,wake, preemption bound 2
                runs: 6 (6 distinct), outcomes: 6, failing runs: 1 (1 distinct)
                exploration: exhaustive

                outcomes:
                  1. exit 0, 1 run, first run #0 (trace 0,0), stdout "00\\n"
                  2. exit 0, 1 run, first run #1 (trace 0,1), stdout "01\\n"
                  3. exit 0, 1 run, first run #2 (trace 0,2), stdout "02\\n"
                  4. exit 0, 1 run, first run #3 (trace 1,0), stdout "10\\n"
                  5. exit 0, 1 run, first run #4 (trace 1,1), stdout "11\\n"
                  6. exit 3, 1 run, first run #5 (trace 1,2), stdout "12\\n"

                failure 1: exit 3 in thread 0
                  1 run, first run #5 (found by dfs); simplest: run #5, 0 preemptions, 2 decisions
                  trace: 1,2
                  reproduce: %s
                  stdout:
                    | 12
                  stderr: (empty)

                must_reach: 2 sites reached, 0 of 1 declared not reached
                  reached /src/choice.c:10:3 in 6 runs (first run #0)
                  reached /src/choice.c:12:5 in 3 runs (first run #3)
                """.formatted(reproduce),
                TextReport.summary(report));
        assertEquals(73, report.exitCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dfs", "bfs", "random", "pct"})
    void everyStrategyCoversTheSelectsAndFindsTheSameFailure(String strategy) throws Exception {
        Program program = program("choices.wat");
        RunConfig config = RunConfig.builder().seed(1).build();
        CheckReport report =
                check(program, config, CheckSettings.builder().strategy(strategy).build());
        assertEquals(6, report.distinctRuns());
        assertEquals(6, report.outcomes().size());
        assertTrue(report.exhaustive());
        assertEquals(1, report.failures().size());
        FailingRun failure = report.failures().get(0);
        assertEquals(List.of(1, 2), failure.trace());
        assertEquals(Termination.exit(0, 3), failure.termination());
        assertEquals("detwasm run --seed 1 --trace 1,2 choices.wat", failure.command());
        RunResult replayed = replay(program, config, failure);
        assertEquals(failure.termination(), replayed.termination());
        assertArrayEquals(failure.stdout(), replayed.stdout());
        assertArrayEquals(failure.stderr(), replayed.stderr());
    }

    @Test
    void anUnreachedDeclaredSiteFailsTheCheck() throws Exception {
        CheckReport report =
                check(program("choices.wat"), RunConfig.builder().build(),
                        CheckSettings.builder().decisions(EnumSet.of(DecisionKind.SCHEDULE))
                                .mustReach(List.of("choice.c:12:5")).build());
        assertEquals(1, report.runs(), "selects do not branch");
        assertEquals(List.of(), report.failures());
        assertEquals(List.of(SiteDeclaration.parse("choice.c:12:5")),
                report.unreachedDeclarations());
        assertEquals(73, report.exitCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dfs", "bfs", "random", "pct"})
    void scheduleDecisionsFindTheLostUpdateAndItsTraceReproducesIt(String strategy)
            throws Exception {
        Program program = program("racy-counter.wat");
        RunConfig config = RunConfig.builder().build();
        CheckReport report =
                check(program, config,
                        CheckSettings.builder().strategy(strategy).maxRuns(2000).build());
        assertEquals(2, report.outcomes().size());
        assertEquals("2\n", new String(report.outcomes().get(0).stdout(), StandardCharsets.UTF_8));
        assertEquals(1, report.outcomes().get(1).exitCode());
        assertEquals("1\n", new String(report.outcomes().get(1).stdout(), StandardCharsets.UTF_8));
        assertTrue(report.failures().size() > 0);
        for (FailingRun failure : report.failures()) {
            RunResult replayed = replay(program, config, failure);
            assertEquals(Termination.exit(0, 1), replayed.termination());
            assertArrayEquals(failure.stdout(), replayed.stdout());
            assertEquals(failure.trace(), replayed.trace());
        }
    }

    @Test
    void dfsAndBfsMakeTheSameInterleavings() throws Exception {
        Program program = program("racy-counter.wat");
        ProgramExecutor executor = new ProgramExecutor(
                runner, program, RunConfig.builder().build(), RunDeadline.none());
        Branching branching = CheckSettings.builder().build().branching();
        Explorations dfs = Explorations.of(executor, new DfsStrategy(), branching, Limits.none());
        Explorations bfs = Explorations.of(executor, new BfsStrategy(), branching, Limits.none());
        Set<List<Integer>> traces = new HashSet<>(dfs.traces());
        assertEquals(dfs.runs.size(), traces.size());
        assertEquals(traces, new HashSet<>(bfs.traces()));
        assertEquals(dfs.exploration.bounds(), bfs.exploration.bounds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dfs", "pct"})
    void twoJobsReportWhatOneJobReports(String strategy) throws Exception {
        Program program = program("racy-counter.wat");
        CheckSettings.Builder settings = CheckSettings.builder().strategy(strategy).maxRuns(300);
        CheckReport one = check(program, RunConfig.builder().build(), settings.jobs(1).build());
        CheckReport two = check(program, RunConfig.builder().build(), settings.jobs(2).build());
        assertEquals(TextReport.summary(one), TextReport.summary(two));
    }

    @Test
    void onlySelectsBranchingLeavesTheThreadsToFifo() throws Exception {
        CheckReport report =
                check(program("racy-counter.wat"), RunConfig.builder().build(),
                        CheckSettings.builder().strategy("bfs")
                                .decisions(EnumSet.of(DecisionKind.SELECT)).build());
        assertEquals(1, report.runs());
        assertTrue(report.exhaustive());
        assertEquals(0, report.exitCode());
        assertTrue(TextReport.summary(report).startsWith(
                "check racy-counter.wat: strategy bfs, decisions select\n"));
    }

    @Test
    void wakeDecisionsChooseWhichWaiterANotifyWakes() throws Exception {
        CheckReport report =
                check(program("wake-order.wat"), RunConfig.builder().build(),
                        CheckSettings.builder().strategy("bfs")
                                .decisions(EnumSet.of(DecisionKind.WAKE)).build());
        assertEquals(2, report.runs());
        assertTrue(report.exhaustive());
        assertEquals(List.of("12", "21"),
                report.outcomes().stream()
                        .map(o -> new String(o.stdout(), StandardCharsets.UTF_8)).toList());
        assertEquals(0, report.exitCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dfs", "bfs", "random", "pct"})
    void aDeadlockOnOneInterleavingIsFoundAndReplays(String strategy) throws Exception {
        Program program = program("lost-wakeup.wat");
        RunConfig config = RunConfig.builder().build();
        CheckReport bounded =
                check(program, config, CheckSettings.builder().strategy(strategy).build());
        assertEquals(Set.of(Bound.PREEMPTION_BOUND), bounded.bounds());
        assertEquals(1, bounded.failures().size());
        CheckReport report =
                check(program, config, CheckSettings.builder().strategy(strategy)
                        .preemptionBound(CheckSettings.UNLIMITED).build());
        // pct runs the highest-priority thread with at most d-1 changes of priority, so it
        // need not reach every interleaving: it samples until --max-runs.
        assertEquals(strategy.equals("pct") ? Set.of(Bound.MAX_RUNS) : Set.of(),
                report.bounds());
        assertEquals(2, report.outcomes().size());
        assertEquals(1, report.failures().size(), "one deadlock, however many interleavings");
        FailingRun deadlock = report.failures().get(0);
        assertTrue(deadlock.occurrences() > 1, "several interleavings deadlock");
        assertEquals(report.failingRuns(), deadlock.occurrences());
        assertEquals("deadlock", deadlock.kind());
        assertEquals("deadlock: thread 0 waits on memory.atomic.wait32 @0x4",
                deadlock.description());
        RunResult replayed = replay(program, config, deadlock);
        assertEquals(deadlock.termination(), replayed.termination());
    }
}
