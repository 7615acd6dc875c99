package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Explained failures: {@code detwasm run --explain} on failing runs of the debug-info fixtures
 * (and of one without debug info) prints the per-thread account in {@code explain/NAME.txt},
 * byte for byte, twice under each engine; and {@code check} minimizes the racy counter's
 * failure to one preemption.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExplainTest {
    private static final Path TESTDATA = Testdata.dir();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("counter_debug", "c/counter_debug.wasm", "0*4,1", 1),
                Arguments.of("bank_debug", "c/bank_debug.wasm", "0*17,1", 71),
                Arguments.of("racy_counter", "c/racy_counter.wasm", "0*4,1", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void accountIsTheGoldenOneUnderBothEnginesTwice(
            String name, String module, String trace, int exit) throws IOException {
        byte[] expected = Files.readAllBytes(TESTDATA.resolve("explain/" + name + ".txt"));
        List<Runnable> checks = new ArrayList<>();
        for (String engine : List.of("aot", "interpreter")) {
            for (int i = 1; i <= 2; i++) {
                CliRun run = explain(module, trace, engine);
                String context = engine + " run " + i + ": " + run.summary();
                checks.add(() -> assertEquals(exit, run.exitCode(), context));
                checks.add(() -> GoldenAssert.assertSameBytes(
                        "explain/" + name + ".txt", expected, "stderr", run.stderr(), context));
            }
        }
        assertAll(checks.stream().map(c -> c::run));
    }

    /** The racy load and store of both threads, with the source lines they are on. */
    @Test
    void racyCounterShowsBothThreadsLoadAndStoreWithLines() {
        String text = explain("c/counter_debug.wasm", "0*4,1", "aot").stderrText();
        for (String column : List.of("__original_main", "worker")) {
            assertTrue(text.contains(column + " (counter_debug.c:13)"), text);
            assertTrue(text.contains(column + " (counter_debug.c:14)"), text);
        }
        assertTrue(text.contains("i32.atomic.load @0x"), text);
        assertTrue(text.contains("i32.atomic.store @0x"), text);
    }

    /** Each teller waits in its lock call, made from transfer, with the caller's line. */
    @Test
    void deadlockNamesEachLockCallAndItsCaller() {
        String text = explain("c/bank_debug.wasm", "0*17,1", "aot").stderrText();
        for (String teller : List.of("alice_pays_bob", "bob_pays_alice")) {
            assertTrue(text.lines().anyMatch(l -> l.strip().startsWith(teller + " (bank_debug.c:")),
                    text);
        }
        assertEquals(2, text.lines()
                .filter(l -> l.contains(" waits on memory.atomic.wait32 @0x")
                        && l.endsWith(" in __pthread_mutex_lock called from transfer (bank_debug.c:24)"))
                .count(), text);
        assertTrue(text.contains("in __pthread_join called from __original_main (bank_debug.c:47)"),
                text);
    }

    @Test
    void minimizedRacyCounterHasExactlyOnePreemption(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("report.json");
        CliRun check = CliRun.of(List.of(
                "check", "--strategy", "random", "--seed", "4", "--decisions", "schedule",
                "--max-runs", "200", "--stop-on-first", "--report", json.toString(),
                TESTDATA.resolve("c/counter_debug.wasm").toString()));
        assertEquals(73, check.exitCode(), check.summary());
        JsonNode failure = new ObjectMapper().readTree(json.toFile()).get("failures").get(0);
        JsonNode minimized = failure.get("minimized");
        assertAll(
                () -> assertEquals(1, minimized.get("preemptions").asInt(), minimized.toString()),
                () -> assertTrue(minimized.get("original_preemptions").asInt() >= 1),
                () -> assertTrue(failure.get("trace").size() >= minimized.get("trace").size()),
                () -> assertTrue(failure.get("explanation").get("steps").size() > 0));
        assertTrue(check.stdoutText().contains("  minimized: 1 preemption, "), check.stdoutText());
    }

    private static CliRun explain(String module, String trace, String engine) {
        return CliRun.of(List.of(
                "run", "--explain", "--engine", engine, "--trace", trace,
                TESTDATA.resolve(module).toString()));
    }
}
