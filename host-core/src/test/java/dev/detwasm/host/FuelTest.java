package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.Termination;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The host side of the fuel pass, on a module written as the pass would rewrite it: the step
 * budget stops it at the same check on every engine and repetition, and a deadline cuts it off.
 */
class FuelTest {
    /** How many turns the loop makes; 0 for about 2^32. */
    private static volatile int turns;

    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());
    private static final HostModule PRINT =
            run -> List.of(
                    TestPrint.function(run),
                    new HostFunction(
                            "test",
                            "turns",
                            FunctionType.of(List.of(), List.of(ValType.I32)),
                            (instance, args) -> new long[] {turns}));

    private final Runner runner = new Runner(Set.of(PRINT), (d, e) -> new OneThread());

    private static Program spin() {
        try (InputStream in = FuelTest.class.getResourceAsStream("fueled-spin.wat")) {
            return new ProgramLoader().load("fueled-spin.wat", in.readAllBytes());
        } catch (IOException | LoadException e) {
            throw new IllegalStateException(e);
        }
    }

    private RunResult run(RunConfig config, RunDeadline deadline) throws LoadException {
        return runner.run(
                spin(), config, GuestOutput.captured(), SILENT, runner.decisionsFor(config), true,
                deadline);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theBudgetStopsTheLoopAtTheFirstCheckPastIt(Engine engine) throws LoadException {
        RunConfig config = RunConfig.builder().engine(engine).maxSteps(100).build();
        // 2 steps at entry, 3 per turn: the check after turn 33 sees 2 + 99 = 101 > 100.
        String message = "after 101 steps (--max-steps 100), in function 2";
        for (int repetition = 0; repetition < 2; repetition++) {
            RunResult result = run(config, RunDeadline.none());
            assertEquals(Termination.stepBudget(0, message), result.termination());
            assertEquals(ExitCodes.STEP_BUDGET, result.exitCode());
            assertEquals(List.of("t0 end step-budget 72 " + message), result.events());
            assertEquals(101, result.steps());
            assertEquals(0, result.stdout().length);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLargerBudgetCountsEveryStepOfEveryGrant(Engine engine) throws LoadException {
        RunConfig config = RunConfig.builder().engine(engine).maxSteps(3_000_000).build();
        RunResult result = run(config, RunDeadline.at(System.nanoTime() + 60_000_000_000L));
        // Grants of at most DEADLINE_CHUNK steps add up to the same count as one grant.
        assertEquals(Termination.Kind.STEP_BUDGET, result.termination().kind());
        assertEquals(3_000_002, result.steps());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDeadlineCutsTheRunOff(Engine engine) throws LoadException {
        long start = System.nanoTime();
        RunResult result =
                run(
                        RunConfig.builder().engine(engine).build(),
                        RunDeadline.at(start + 200_000_000L));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Termination.cutOff(0), result.termination());
        assertTrue(result.steps() > 0);
        assertTrue(tookMillis < 20_000, "cut off after " + tookMillis + " ms");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withoutBudgetNorDeadlineTheChecksChangeNothing(Engine engine) throws LoadException {
        turns = 1000;
        try {
            RunResult result =
                    run(RunConfig.builder().engine(engine).build(), RunDeadline.none());
            assertEquals(Termination.exit(0, 0), result.termination());
            assertEquals("1000\n", new String(result.stdout(), StandardCharsets.UTF_8));
            assertEquals(0, result.steps());
        } finally {
            turns = 0;
        }
    }
}
