package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Explained runs of modules the run rewrote keep their source lines: the rewrite's offset map
 * takes the rewritten code back to the original's DWARF. Under {@code --max-steps} (the
 * {@code fuel} pass) the account is byte for byte that of the run without it; under {@code
 * --preempt-at memory} (the {@code shared-access} pass) it names the lines of both threads'
 * racy operations and of each deadlocked lock call; a module without names keeps its
 * function numbers (the builtins the passes import shift them in the rewritten module); {@code check} explains a step-budget
 * failure (replayed rewritten) with lines. Each twice under each engine, the same bytes every
 * time.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RewrittenExplainTest {
    private static final Path TESTDATA = Testdata.dir();
    private static final String BUDGET = "100000000";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("counter_debug", "c/counter_debug.wasm", "0*4,1", 1),
                Arguments.of("bank_debug", "c/bank_debug.wasm", "0*17,1", 71),
                Arguments.of("racy_counter", "c/racy_counter.wasm", "0*4,1", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aStepBudgetLeavesTheAccountAsItIs(String name, String module, String trace, int exit)
            throws IOException {
        byte[] expected = Files.readAllBytes(TESTDATA.resolve("explain/" + name + ".txt"));
        List<Runnable> checks = new ArrayList<>();
        for (CliRun run : twiceUnderEachEngine(module, "--trace", trace, "--max-steps", BUDGET)) {
            checks.add(() -> assertEquals(exit, run.exitCode(), run.summary()));
            checks.add(() -> GoldenAssert.assertSameBytes(
                    "explain/" + name + ".txt", expected, "stderr under --max-steps",
                    run.stderr(), run.summary()));
        }
        assertAll(checks.stream().map(c -> c::run));
    }

    @Test
    void accessPointsKeepTheRacyLinesOfBothThreads() {
        String text = sameEveryTime("c/counter_debug.wasm", "--trace", "0*14,1", "--preempt-at", "memory");
        for (String column : List.of("__original_main", "worker")) {
            assertTrue(text.contains(column + " (counter_debug.c:13)"), text);
            assertTrue(text.contains(column + " (counter_debug.c:14)"), text);
        }
    }

    @Test
    void accessPointsKeepTheLinesOfEachDeadlockedLockCall() {
        String text = sameEveryTime("c/bank_debug.wasm", "--trace", "0*120,1", "--preempt-at", "memory");
        assertEquals(2, text.lines()
                .filter(l -> l.contains(" waits on memory.atomic.wait32 @0x")
                        && l.endsWith(" in __pthread_mutex_lock called from transfer (bank_debug.c:24)"))
                .count(), text);
        for (String teller : List.of("alice_pays_bob (bank_debug.c:33)", "bob_pays_alice (bank_debug.c:39)")) {
            assertTrue(text.lines().anyMatch(l -> l.strip().equals(teller)), text);
        }
    }

    /** Without a name section, frames are numbered as in the module given, builtins aside. */
    @Test
    void aModuleWithoutNamesKeepsItsFunctionNumbers() {
        String plain = sameEveryTime("wat/deadlock.wasm");
        assertTrue(plain.contains("in function 4"), plain);
        assertEquals(plain, sameEveryTime("wat/deadlock.wasm", "--max-steps", BUDGET));
    }

    /** A run that hits the budget replays rewritten: its account still has lines. */
    @Test
    void checkExplainsAStepBudgetFailureWithLines() {
        List<String> summaries = new ArrayList<>();
        for (String engine : List.of("aot", "interpreter")) {
            for (int i = 0; i < 2; i++) {
                CliRun check = CliRun.of(List.of(
                        "check", "--engine", engine, "--max-steps", "3000", "--max-runs", "1",
                        TESTDATA.resolve("c/counter_debug.wasm").toString()));
                assertEquals(73, check.exitCode(), check.summary());
                // The reproduction command names the engine when it is not the default.
                summaries.add(CheckSummary.of(check.stdoutText()).summary()
                        .replace("run --engine interpreter ", "run "));
            }
        }
        String report = summaries.get(0);
        assertTrue(report.contains("end: step-budget 72 after 3002 steps"), report);
        assertTrue(report.contains("__original_main (counter_debug.c:28)"), report);
        assertTrue(report.contains("worker (counter_debug.c:14)"), report);
        summaries.forEach(s -> assertEquals(report, s));
    }

    /** The account's text, after checking that all four runs printed the same bytes. */
    private static String sameEveryTime(String module, String... options) {
        List<CliRun> runs = twiceUnderEachEngine(module, options);
        for (CliRun run : runs) {
            assertTrue(run.sameAs(runs.get(0)), run.summary() + "\nfirst: " + runs.get(0).summary());
        }
        return runs.get(0).stderrText();
    }

    private static List<CliRun> twiceUnderEachEngine(String module, String... options) {
        List<CliRun> runs = new ArrayList<>();
        for (String engine : List.of("aot", "interpreter")) {
            for (int i = 0; i < 2; i++) {
                List<String> args = new ArrayList<>(List.of("run", "--explain", "--engine", engine));
                args.addAll(List.of(options));
                args.add(TESTDATA.resolve(module).toString());
                runs.add(CliRun.of(args));
            }
        }
        return runs;
    }
}
