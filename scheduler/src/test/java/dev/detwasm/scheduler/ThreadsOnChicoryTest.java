package dev.detwasm.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.Engine;
import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.PreemptAt;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunDeadline;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.SchedulePolicy;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionSource;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.Termination;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real guest threads: WAT programs on shared memory, run by host-core on this scheduler. */
class ThreadsOnChicoryTest {
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private final RecordingHost host = new RecordingHost();
    private final Harness.CarrierThreads carriers = new Harness.CarrierThreads();
    private final Runner runner =
            new Runner(
                    Set.of(host),
                    new CooperativeSchedulerFactory(new VirtualThreadCarriers(carriers)));

    private static Program program(String name) throws LoadException {
        try (InputStream in = ThreadsOnChicoryTest.class.getResourceAsStream(name)) {
            return new ProgramLoader().load(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RunResult run(Program program, RunConfig config) throws LoadException {
        return runner.run(program, config, GuestOutput.captured(), SILENT);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void fifoRunsEachThreadUntilItBlocksOrExits(Engine engine) throws LoadException {
        RunResult result = run(program("counters.wat"), RunConfig.builder().engine(engine).build());

        assertEquals(Termination.exit(0, 0), result.termination());
        assertEquals(List.of(100, 10, 11, 12, 20, 21, 22, 6), host.records());
        assertTrue(result.events().contains("t0 spawn t1"), result.events().toString());
        assertTrue(result.events().contains("t0 wait 0x4"), result.events().toString());
        assertTrue(result.events().contains("t1 wake 0x4 -> t0"), result.events().toString());
        assertTrue(result.trace().stream().allMatch(choice -> choice == 0));
        assertEquals(0, carriers.alive());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void randomSchedulesInterleaveReproduciblyAndReplay(Engine engine) throws LoadException {
        Program program = program("counters.wat");
        Set<List<Integer>> interleavings = new HashSet<>();
        for (long seed = 0; seed < 8; seed++) {
            RunConfig config =
                    RunConfig.builder()
                            .engine(engine)
                            .schedule(SchedulePolicy.RANDOM)
                            .seed(seed)
                            .build();
            RunResult first = run(program, config);
            List<Integer> records = host.records();
            RunResult again = run(program, config);
            RunResult replayed =
                    run(program, RunConfig.builder().engine(engine).trace(first.trace()).build());

            assertEquals(
                    Termination.exit(0, 0),
                    first.termination(),
                    () -> String.join("\n", first.events()));
            assertEquals(6, records.getLast());
            assertEquals(records, host.records());
            assertEquals(first.events(), again.events());
            assertEquals(first.events(), replayed.events());
            assertEquals(first.trace(), replayed.trace());
            interleavings.add(records);
        }
        assertTrue(interleavings.size() > 1, interleavings.toString());
        assertEquals(0, carriers.alive());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void randomSchedulesFindALostWakeUpThatFifoMissesAndItsTraceReplaysIt(Engine engine)
            throws LoadException {
        Program program = program("lost-wakeup.wat");
        RunConfig fifo = RunConfig.builder().engine(engine).build();
        assertEquals(Termination.exit(0, 0), run(program, fifo).termination());

        RunResult deadlocked = null;
        for (long seed = 0; deadlocked == null && seed < 50; seed++) {
            RunConfig random = fifo.toBuilder().schedule(SchedulePolicy.RANDOM).seed(seed).build();
            RunResult result = run(program, random);
            if (result.termination().kind() == Termination.Kind.DEADLOCK) {
                deadlocked = result;
            }
        }
        assertNotNull(deadlocked, "no seed below 50 deadlocks");
        RunResult replayed = run(program, fifo.toBuilder().trace(deadlocked.trace()).build());

        assertEquals(
                Termination.deadlock("deadlock: thread 0 waits on memory.atomic.wait32 @0x4"),
                replayed.termination());
        assertEquals(deadlocked.events(), replayed.events());
        assertEquals(0, carriers.alive());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void enginesAgreeOnEveryEvent(Engine engine) throws LoadException {
        Program program = program("counters.wat");
        RunConfig config = RunConfig.builder().schedule(SchedulePolicy.RANDOM).seed(3).build();
        RunResult aot = run(program, config.toBuilder().engine(Engine.AOT).build());
        List<Integer> aotRecords = host.records();
        RunResult other = run(program, config.toBuilder().engine(engine).build());

        assertEquals(aot.events(), other.events());
        assertEquals(aotRecords, host.records());
        assertNotEquals(List.of(), aot.trace());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void timedWaitsJumpTheClockAndAWaitNobodyEndsIsADeadlock(Engine engine)
            throws LoadException {
        RunResult result =
                run(program("sleepy-timeout.wat"), RunConfig.builder().engine(engine).build());

        assertEquals(List.of(2), host.records());
        assertEquals(
                Termination.deadlock("deadlock: thread 0 waits on memory.atomic.wait32 @0x20"),
                result.termination());
        assertTrue(result.events().contains("t0 clock 0 -> 5000000"), result.events().toString());
        assertEquals(0, carriers.alive());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTrapInAWorkerEndsTheProgramAndUnwindsMain(Engine engine) throws LoadException {
        RunResult result =
                run(program("worker-traps.wat"), RunConfig.builder().engine(engine).build());

        assertEquals(List.of(1, 7), host.records());
        assertEquals(Termination.Kind.TRAP, result.termination().kind());
        assertEquals(ExitCodes.TRAP, result.exitCode());
        assertEquals(1, result.termination().thread());
        assertEquals(0, carriers.alive());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void preemptEveryMakesSchedulingPointsInsideASpinLoop(Engine engine) throws LoadException {
        Program program = program("fueled-handshake.wat");
        RunConfig fifo =
                RunConfig.builder().engine(engine).maxSteps(10_000).preemptEvery(50).build();
        RunResult spinning = run(program, fifo);
        // fifo keeps the spinner at every point: the budget ends it, in thread 0.
        assertEquals(Termination.Kind.STEP_BUDGET, spinning.termination().kind());
        assertEquals(0, spinning.termination().thread());
        assertTrue(spinning.trace().size() > 100, spinning.trace().toString());
        assertTrue(spinning.trace().stream().allMatch(choice -> choice == 0));

        RunConfig random = fifo.toBuilder().schedule(SchedulePolicy.RANDOM).seed(3).build();
        RunResult handshake = run(program, random);
        assertEquals(
                Termination.exit(0, 0), handshake.termination(),
                () -> String.join("\n", handshake.events()));
        assertEquals(List.of(2, 1), host.records());
        assertEquals(handshake.events(), run(program, random).events());
        RunResult replayed = run(program, fifo.toBuilder().trace(handshake.trace()).build());
        assertEquals(handshake.events(), replayed.events());
        assertEquals(0, carriers.alive());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void accessPointsInterleavePlainLoadsAndStoresAndReplay(Engine engine)
            throws LoadException {
        Program program = program("access-race.wat");
        RunConfig fifo = RunConfig.builder().engine(engine).preemptAt(PreemptAt.MEMORY).build();
        assertEquals(Termination.exit(0, 0), run(program, fifo).termination());
        assertEquals(List.of(2), host.records());

        RunResult lost = null;
        for (long seed = 0; lost == null && seed < 50; seed++) {
            RunConfig random = fifo.toBuilder().schedule(SchedulePolicy.RANDOM).seed(seed).build();
            RunResult result = run(program, random);
            if (host.records().equals(List.of(1))) {
                lost = result;
                assertEquals(result.events(), run(program, random).events());
            }
        }
        assertNotNull(lost, "no seed of 50 lost the update");
        RunResult lostRun = lost;
        assertTrue(
                lostRun.events().contains(
                        "t0 decision schedule [0, 1] -> 1 at store 0x10 (4 bytes) in function 5"),
                () -> String.join("\n", lostRun.events()));
        RunResult replayed = run(program, fifo.toBuilder().trace(lost.trace()).build());
        assertEquals(List.of(1), host.records());
        assertEquals(lost.events(), replayed.events());
        assertEquals(0, carriers.alive());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void accessPointsPassedWithoutAskingAreDecisionsOfTheTraceAndReplay(Engine engine)
            throws LoadException {
        Program program = program("access-race.wat");
        RunConfig config = RunConfig.builder().engine(engine).preemptAt(PreemptAt.MEMORY).build();
        // Asks at main's second access only (its store), and switches there.
        DecisionSource secondPoint =
                new DecisionSource() {
                    @Override
                    public int choose(Decision decision) {
                        return decision.at().startsWith("store") ? 1 : 0;
                    }

                    @Override
                    public int pointsUntilDecision(int thread) {
                        return thread == 0 ? 2 : Integer.MAX_VALUE;
                    }
                };
        RunResult skipping =
                runner.run(
                        program, config, GuestOutput.captured(), SILENT, secondPoint, true,
                        RunDeadline.none());
        assertEquals(List.of(1), host.records());
        // main's load passed without asking: a decision taken 0, then the store's switch.
        assertEquals(List.of(0, 1), skipping.trace().subList(0, 2));
        assertEquals(4, skipping.accessPoints());
        RunResult replayed = run(program, config.toBuilder().trace(skipping.trace()).build());
        assertEquals(List.of(1), host.records());
        assertEquals(skipping.trace(), replayed.trace());
        assertEquals(0, carriers.alive());
    }
}
