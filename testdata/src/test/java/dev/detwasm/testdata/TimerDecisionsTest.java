package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timer interrupts as decisions ({@code --decisions timer}) on {@code c/gil_turns}, whose
 * workers take turns only because a timed wait expires while the other computes: a check that
 * branches at the interrupts alone finds other turn orders, the same under both engines and on
 * every repetition, and every outcome's trace makes that outcome again with {@code run}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimerDecisionsTest {
    private static final Path TESTDATA = Testdata.dir();
    private static final String MODULE = TESTDATA.resolve("c/gil_turns.wasm").toString();
    private static final String FIFO = "turns: 0 1 0 1 0 1 0 1 0 1\n";
    private static final Pattern OUTCOME =
            Pattern.compile("(?m)^  \\d+\\. exit 0, .*\\(trace ([^)]*)\\), stdout \"(.*)\"$");

    private static CliRun cli(String... args) {
        return CliRun.of(List.of(args));
    }

    /** {@code check --clock steps --decisions timer --strategy dfs} with {@code flags}. */
    private static CliRun check(String engine, String... flags) {
        List<String> line = new ArrayList<>(List.of("check", "--engine", engine, "--clock",
                "steps", "--decisions", "timer", "--strategy", "dfs"));
        line.addAll(List.of(flags));
        line.add(MODULE);
        return CliRun.of(line);
    }

    /** The report without its timing line. */
    private static String report(CliRun check) {
        return check.stdoutText().replaceAll("(?m)^time: .*\n", "");
    }

    @Test
    void timerDecisionsExploreTurnOrdersTheSameUnderBothEnginesEveryTime() {
        String first = report(check("aot", "--max-runs", "16"));
        assertTrue(first.startsWith("check gil_turns.wasm: strategy dfs, decisions timer\n"
                + "runs: 16 (16 distinct), outcomes: 3, failing runs: 0\n"), first);
        for (String engine : List.of("aot", "interpreter")) {
            for (int repetition = 0; repetition < 2; repetition++) {
                assertEquals(first, report(check(engine, "--max-runs", "16")), engine);
            }
        }
        Matcher outcome = OUTCOME.matcher(first);
        int outcomes = 0;
        while (outcome.find()) {
            outcomes++;
            String stdout = outcome.group(2).replace("\\n", "\n");
            for (String engine : List.of("aot", "interpreter")) {
                CliRun again = cli("run", "--engine", engine, "--clock", "steps", "--trace",
                        outcome.group(1), MODULE);
                assertEquals(0, again.exitCode(), again.summary());
                assertEquals(stdout, again.stdoutText(), engine + " --trace " + outcome.group(1));
            }
        }
        assertEquals(3, outcomes, first);
    }

    /** A timer decision is never a preemption: a bound of 0 explores the same runs. */
    @Test
    void thePreemptionBoundDoesNotLimitTimerDecisions() {
        assertEquals(
                report(check("aot", "--max-runs", "16")),
                report(check("aot", "--max-runs", "16", "--preemption-bound", "0")));
    }

    /**
     * {@code run --decisions timer --trace C} decides the first interrupts only: the first
     * worker going on at its first interrupt holds the lock longer and the turns change;
     * option 0 everywhere is fifo's run.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aot", "interpreter"})
    void runReplaysTimerChoicesAlone(String engine) {
        for (int repetition = 0; repetition < 2; repetition++) {
            CliRun fifo = cli("run", "--engine", engine, "--clock", "steps", "--decisions",
                    "timer", "--trace", "0*32", MODULE);
            assertEquals(FIFO, fifo.stdoutText(), fifo.summary());
            CliRun goesOn = cli("run", "--engine", engine, "--clock", "steps", "--decisions",
                    "timer", "--trace", "1", MODULE);
            assertEquals(0, goesOn.exitCode(), goesOn.summary());
            assertNotEquals(FIFO, goesOn.stdoutText());
            assertEquals(goesOn.stdoutText(), cli("run", "--engine", engine, "--clock", "steps",
                    "--decisions", "timer", "--trace", "1", MODULE).stdoutText());
        }
    }

    /**
     * With access points, a check that asks at none of them ({@code --decisions timer}) and
     * its replay, which asks at every one while the trace lasts, take each interrupt at the same
     * step: access points do not take interrupts.
     */
    @Test
    void accessPointsDoNotMoveTheInterrupts() {
        String memory = report(check("aot", "--preempt-at", "memory", "--max-runs", "4"));
        Matcher outcome = OUTCOME.matcher(memory);
        assertTrue(outcome.find(), memory);
        do {
            CliRun again = cli("run", "--clock", "steps", "--preempt-at", "memory", "--trace",
                    outcome.group(1), MODULE);
            assertEquals(outcome.group(2).replace("\\n", "\n"), again.stdoutText(),
                    "--trace " + outcome.group(1));
        } while (outcome.find());
    }
}
