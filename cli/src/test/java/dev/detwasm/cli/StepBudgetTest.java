package dev.detwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * --max-steps and the in-run --time-limit from the command line, on a module that carries the
 * fuel pass's rewrite already (so no pass is applied): exit 72 with one line, the same on both
 * engines and every repetition; under check a failure of its own kind; a time limit that cuts
 * the run off.
 */
class StepBudgetTest {
    private static final String LINE =
            "detwasm: step budget exhausted in thread 0: after 1001 steps (--max-steps 1000),"
                    + " in function 0\n";

    private static String module() throws URISyntaxException {
        return Path.of(StepBudgetTest.class.getResource("fueled-spin.wat").toURI()).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aot", "interpreter"})
    void runStopsARunawayGuestWithExit72(String engine) throws Exception {
        // 1 step at entry, 2 per turn: the check after turn 500 sees 1001 > 1000.
        for (int repetition = 0; repetition < 2; repetition++) {
            assertEquals(
                    new CliRun(72, "", LINE),
                    CliRun.of("run", "--engine", engine, "--max-steps", "1000", module()));
        }
    }

    @Test
    void verifyCoversTheStepBudget(@TempDir Path dir) throws Exception {
        Path events = dir.resolve("events.txt");
        CliRun run =
                CliRun.of(
                        "run", "--verify", "--max-steps", "1000", "--events", events.toString(),
                        module());
        assertEquals(72, run.exitCode());
        assertTrue(
                run.stderr().startsWith("detwasm: verify: 4 runs identical"), run.stderr());
        assertTrue(run.stderr().endsWith(LINE), run.stderr());
        assertEquals(
                List.of("t0 end step-budget 72 after 1001 steps (--max-steps 1000), in function"
                        + " 0"),
                Files.readAllLines(events));
    }

    @Test
    void checkReportsAStepBudgetFailureWithItsReproduction() throws Exception {
        CliRun check = CliRun.of("check", "--max-steps", "1000", module());
        assertEquals(73, check.exitCode(), check.stdout());
        assertTrue(
                check.stdout().contains(
                        "failure 1: step-budget in thread 0: after 1001 steps"
                                + " (--max-steps 1000), in function 0\n"),
                check.stdout());
        String reproduce = "detwasm run --max-steps 1000 " + module();
        assertTrue(check.stdout().contains("  reproduce: " + reproduce + "\n"), check.stdout());
        assertEquals(
                new CliRun(72, "", LINE),
                CliRun.of(reproduce.substring("detwasm ".length()).split(" ")));
    }

    @Test
    void theTimeLimitCutsOffARunThatNeverEnds() throws Exception {
        long start = System.nanoTime();
        CliRun check =
                CliRun.of("check", "--time-limit", "1s", "--max-steps", "none", module());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, check.exitCode(), check.stdout());
        assertTrue(
                check.stdout().contains(
                        "exploration: bounded by time-limit 1s (the run going then was cut off,"
                                + " not counted)\n"),
                check.stdout());
        assertTrue(check.stdout().startsWith("check fueled-spin.wat: "), check.stdout());
        assertTrue(check.stdout().contains("runs: 0 "), check.stdout());
        assertTrue(millis < 30_000, "took " + millis + " ms");
    }

    @Test
    void aStepCountMustBePositiveOrNone() throws Exception {
        CliRun run = CliRun.of("run", "--max-steps", "0", module());
        assertEquals(64, run.exitCode());
        assertTrue(
                run.stderr().startsWith(
                        "detwasm: Invalid value for option '--max-steps': expected a positive"
                                + " number of steps or 'none', got '0'"),
                run.stderr());
    }
}
