package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixtures whose bugs only the transform passes let {@code check} find: a spin-wait
 * handshake (only with {@code --preempt-every}), races on plain variables (only with {@code
 * --preempt-at memory}), and a runaway loop (a step-budget failure; the time limit cuts it off).
 * Each failure's printed command reproduces it under both engines, every time.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransformFixturesTest {
    private static final Path TESTDATA = Testdata.dir();
    private static final Pattern REPRODUCE = Pattern.compile("(?m)^  reproduce: detwasm (.*)$");
    private static final Pattern FAILURE = Pattern.compile("(?m)^  \\d+ runs?, first run #(\\d+) ");

    private static CliRun check(String module, String... flags) {
        List<String> line = new ArrayList<>(List.of("check"));
        line.addAll(List.of(flags));
        line.add(TESTDATA.resolve(module).toString());
        return CliRun.of(line);
    }

    /** Runs the report's first reproduction command under both engines, twice each. */
    private static void reproduces(CliRun report, int exitCode, String stdout) {
        Matcher command = REPRODUCE.matcher(report.stdoutText());
        assertTrue(command.find(), report.stdoutText());
        for (String engine : List.of("aot", "interpreter")) {
            for (int repetition = 0; repetition < 2; repetition++) {
                List<String> line = new ArrayList<>(List.of(command.group(1).split(" ")));
                line.addAll(1, List.of("--engine", engine));
                line.replaceAll(word -> word.replace("'", ""));
                CliRun again = CliRun.of(line);
                assertEquals(exitCode, again.exitCode(), again.summary());
                assertEquals(stdout, again.stdoutText(), engine);
            }
        }
    }

    @Test
    void theSpinWaitHandshakeFailsOnlyWithPreemptEvery() {
        CliRun sync = check("c/spin_handshake.wasm", "--decisions", "schedule");
        assertEquals(0, sync.exitCode(), sync.stdoutText());
        CliRun preempting =
                check("c/spin_handshake.wasm", "--decisions", "schedule", "--preempt-every", "50",
                        "--stop-on-first");
        assertEquals(73, preempting.exitCode(), preempting.stdoutText());
        assertTrue(preempting.stdoutText().contains("--preempt-every 50"));
        reproduces(preempting, 1, "worker took 0 (before it was set)\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "c/steal_queue.wasm, thief stole 0 (an empty slot)",
        "cpp/wrong_lock.wasm, counter=1 (lost update)",
        "c/store_order.wasm, reader saw x=0 y=1 (y before x)"
    })
    void racesOnPlainVariablesAreFoundOnlyAtMemoryPoints(String module, String failing) {
        CliRun sync = check(module, "--decisions", "schedule", "--preemption-bound", "1");
        assertEquals(0, sync.exitCode(), sync.stdoutText());
        assertTrue(sync.stdoutText().contains("failing runs: 0\n"), sync.stdoutText());
        CliRun memory =
                check(module, "--decisions", "schedule", "--preemption-bound", "1",
                        "--preempt-at", "memory", "--stop-on-first");
        assertEquals(73, memory.exitCode(), memory.stdoutText());
        reproduces(memory, 1, failing + "\n");
    }

    /**
     * With the default seed, each sampling strategy finds each race within 1,000 runs (the
     * goldens show seed 1, with both engines and two jobs).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "c/store_order.wasm, random",
        "c/store_order.wasm, pct",
        "c/steal_queue.wasm, random",
        "c/steal_queue.wasm, pct",
        "cpp/wrong_lock.wasm, random",
        "cpp/wrong_lock.wasm, pct"
    })
    void samplingStrategiesFindThemWithin1000Runs(String module, String strategy) {
        CliRun memory =
                check(module, "--strategy", strategy, "--max-runs", "1000",
                        "--preempt-at", "memory", "--stop-on-first");
        assertEquals(73, memory.exitCode(), memory.stdoutText());
        Matcher failure = FAILURE.matcher(memory.stdoutText());
        assertTrue(failure.find() && Long.parseLong(failure.group(1)) < 1000,
                memory.stdoutText());
    }

    /**
     * The command a report prints makes its failure again 100 times out of 100, byte for byte
     * (stdout, stderr, exit code), half under each engine.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"c/store_order.wasm", "c/steal_queue.wasm", "cpp/wrong_lock.wasm"})
    void theReproductionCommandReproducesEveryTime(String module) {
        CliRun report = check(module, "--strategy", "pct", "--preempt-at", "memory",
                "--stop-on-first", "--max-runs", "1000");
        Matcher command = REPRODUCE.matcher(report.stdoutText());
        assertTrue(command.find(), report.stdoutText());
        List<String> line = new ArrayList<>(List.of(command.group(1).split(" ")));
        line.replaceAll(word -> word.replace("'", ""));
        CliRun first = CliRun.of(line);
        assertEquals(1, first.exitCode(), first.summary());
        int same = 0;
        for (int repetition = 0; repetition < 100; repetition++) {
            List<String> again = new ArrayList<>(line);
            again.addAll(1, List.of("--engine", repetition % 2 == 0 ? "aot" : "interpreter"));
            if (CliRun.of(again).sameAs(first)) {
                same++;
            }
        }
        assertEquals(100, same, "replays identical to the first, of 100");
    }

    @Test
    void aRunawayLoopIsAStepBudgetFailureUnderCheck() {
        CliRun report = check("wat/infinite_loop.wasm", "--max-steps", "1000");
        assertEquals(73, report.exitCode(), report.stdoutText());
        assertTrue(
                report.stdoutText().contains(
                        "failure 1: step-budget in thread 0: after 1001 steps"
                                + " (--max-steps 1000), in function 0\n"),
                report.stdoutText());
        assertTrue(report.stdoutText().contains("reproduce: detwasm run --max-steps 1000 "));
        reproduces(report, 72, "");
    }

    /** The loop never ends and has no budget: only the time limit, looked at in-run, ends it. */
    @Test
    void theTimeLimitCutsTheRunawayLoopOff() {
        CliRun report = check("wat/infinite_loop.wasm", "--time-limit", "5s", "--max-steps",
                "none");
        assertEquals(0, report.exitCode(), report.stdoutText());
        assertTrue(
                report.stdoutText().contains(
                        "exploration: bounded by time-limit 5s (the run going then was cut off,"
                                + " not counted)\n"),
                report.stdoutText());
    }
}
