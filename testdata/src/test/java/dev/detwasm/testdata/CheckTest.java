package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model-checking fixtures, the {@code check} lines of {@code fixtures.txt} (and of {@code
 * py/fixtures.txt}, under aot only): each report
 * (without its timing line) equals the expected {@code .check} file under the AOT engine, under
 * the interpreter (whose reproduction commands name it) and with two jobs; the exit code is the
 * expected one; and every failing run the report shows is made again, byte for byte, by the
 * {@code detwasm run} command it prints.
 *
 * <p>Reports name modules by the paths the check was given; the tests give absolute ones and
 * compare the report with those turned into {@code testdata/...}, as the expected files show
 * commands to run from the repository root.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CheckTest {
    private static final Path TESTDATA = Testdata.dir();
    private static final String REPRODUCE = "  reproduce: detwasm run ";
    private static final Pattern EXIT = Pattern.compile("exit (\\d+) in thread \\d+");
    /** The text report shows this many failing runs; the JSON report has them all. */
    private static final long SHOWN_FAILURES = 20;

    static Stream<Fixture> checks() throws IOException {
        return Manifest.load(TESTDATA).stream().filter(f -> f.kind() == Fixture.Kind.CHECK);
    }

    /**
     * The Python checks, whose runs take seconds each: they are checked under aot, with their
     * reproductions, but not again under the interpreter and with two jobs.
     */
    static Stream<Fixture> pythonChecks() throws IOException {
        return Manifest.loadPython(TESTDATA).stream().filter(f -> f.kind() == Fixture.Kind.CHECK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void reportMatchesExpectedSummary(Fixture fixture) throws IOException {
        assertReport(fixture, "aot", List.of(), expectedSummary(fixture), 1);
    }

    /**
     * A Python check makes four or five runs of CPython (its runs, the explained run, the
     * replays), 15 to 60 s each on a loaded machine: more than the others' two minutes.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonChecks")
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void pythonReportMatchesExpectedSummary(Fixture fixture) throws IOException {
        assertReport(fixture, "aot", List.of(), expectedSummary(fixture), 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void interpreterGivesTheSameReport(Fixture fixture) throws IOException {
        String expected = expectedSummary(fixture)
                .replace(REPRODUCE, REPRODUCE + "--engine interpreter ");
        assertReport(fixture, "interpreter", List.of(), expected, 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void twoJobsGiveTheSameReport(Fixture fixture) throws IOException {
        assertReport(fixture, "aot", List.of("--jobs", "2"), expectedSummary(fixture), 2);
    }

    /**
     * The seed's {@code detwasm MODULE --model-check} is select-only BFS, and prints the seed's
     * reproduction commands: {@code detwasm MODULE --trace C1,C2} with the select choices only
     * (the lost update: the first worker sleeps, then the second does not).
     */
    @Test
    void seedsModelCheckFormIsSelectOnlyBfs() throws IOException {
        Fixture bfs = Manifest.load(TESTDATA).stream()
                .filter(f -> f.id().equals("cpp/lost_update@bfs"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("--strategy", "bfs", "--decisions", "select"), bfs.flags());
        CliRun run = CliRun.of(List.of(TESTDATA.resolve(bfs.module()).toString(), "--model-check"));
        assertEquals(bfs.expectedExitCode(TESTDATA), run.exitCode(), run.summary());
        String expected = expectedSummary(bfs).replaceAll("(?m)^  reproduce: .*$",
                "  reproduce: detwasm testdata/cpp/lost_update.wasm --trace 1,0");
        GoldenAssert.assertSameText(bfs.expectedOutput() + " with the seed's commands", expected,
                "the --model-check report", fromRoot(CheckSummary.of(run.stdoutText()).summary()),
                run.summary());
    }

    /**
     * The seed's flat {@code --trace} lists select choices only, under fifo, and so does {@code
     * run --decisions select}: twice each, under both engines, the lost update and its
     * opposite.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aot", "interpreter"})
    void seedsFlatTraceReplaysSelectChoicesOnly(String engine) {
        String module = TESTDATA.resolve("cpp/lost_update.wasm").toString();
        for (int i = 0; i < 2; i++) {
            assertRun(1, "slot=1\n", List.of(module, "--engine", engine, "--trace", "1,0"));
            assertRun(1, "slot=1\n", List.of("run", "--engine", engine, "--decisions", "select",
                    "--trace", "1,1", module));
            assertRun(0, "slot=2\n", List.of(module, "--engine", engine, "--trace", "0,1"));
        }
    }

    private static void assertRun(int exitCode, String stdout, List<String> args) {
        CliRun run = CliRun.of(args);
        assertTrue(run.sameAs(new CliRun(exitCode, stdout.getBytes(StandardCharsets.UTF_8),
                new byte[0])), String.join(" ", args) + ": " + run.summary() + run.stdoutText());
    }

    /**
     * Each failing run the report shows, made again by its reproduction command: the same
     * stdout and stderr (the guest's, then detwasm's line saying how the run ended), and the
     * exit code its description gives.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void reproductionCommandsReproduceTheirFailures(Fixture fixture) {
        assertReproductions(fixture);
    }

    /** The same for the Python checks, with their longer time (see above). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonChecks")
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void pythonReproductionCommandsReproduceTheirFailures(Fixture fixture) {
        assertReproductions(fixture);
    }

    private static void assertReproductions(Fixture fixture) {
        CliRun check = CliRun.of(fixture.commandLine(TESTDATA, "aot"));
        CheckSummary report = CheckSummary.of(check.stdoutText());
        List<CheckSummary.Failure> failures = report.failures();
        assertEquals(Math.min(report.distinctFailures(), SHOWN_FAILURES), failures.size(),
                "failing runs shown in full: " + report.summary());
        assertAll(failures.stream().map(failure -> () -> {
            List<String> words = ShellWords.split(failure.command());
            assertEquals("detwasm", words.get(0), failure.command());
            CliRun replay = CliRun.of(words.subList(1, words.size()));
            String context = "run #" + failure.run() + " of " + fixture + ": " + failure.command() + "\n"
                    + replay.summary();
            assertEquals(exitCode(failure.description()), replay.exitCode(), context);
            GoldenAssert.assertSameText("the report's stdout", failure.stdout(), "the replay's stdout",
                    replay.stdoutText(), context);
            GoldenAssert.assertSameText(
                    "the report's stderr", failure.stderr() + diagnostic(failure.description()),
                    "the replay's stderr", replay.stderrText(), context);
        }));
    }

    private static void assertReport(
            Fixture fixture, String engine, List<String> extraFlags, String expected, int jobs)
            throws IOException {
        List<String> args = fixture.commandLine(TESTDATA, engine, fixture.module(), extraFlags);
        CliRun run = CliRun.of(args);
        List<String> fromRoot =
                fixture.commandLine(Path.of("testdata"), engine, fixture.module(), extraFlags);
        String context = run.summary() + "reproduce from the repository root: ./detwasm "
                + String.join(" ", fromRoot);
        CheckSummary report = CheckSummary.of(run.stdoutText());
        assertAll(
                () -> GoldenAssert.assertSameText(fixture.expectedOutput(), expected,
                        "the report", fromRoot(report.summary()), context),
                () -> assertEquals(fixture.expectedExitCode(TESTDATA), run.exitCode(), context),
                () -> assertEquals(jobs, report.jobs(), report.timing()),
                () -> assertEquals("", run.stderrText(), "check says nothing on stderr off a terminal"));
    }

    private static String expectedSummary(Fixture fixture) throws IOException {
        return Files.readString(TESTDATA.resolve(fixture.expectedOutput()), StandardCharsets.UTF_8);
    }

    /** The report with the absolute testdata paths the test gave turned into testdata/... */
    private static String fromRoot(String report) {
        return report.replace(TESTDATA + "/", "testdata/");
    }

    /**
     * The exit code of a failing run, from its description in the report. The check fixtures
     * fail by exit or deadlock; a trap's line would also name the function, under aot only.
     */
    private static int exitCode(String description) {
        Matcher exit = EXIT.matcher(description);
        if (exit.matches()) {
            return Integer.parseInt(exit.group(1));
        }
        if (description.startsWith("deadlock: ")) {
            return 71;
        }
        throw new IllegalArgumentException("no check fixture fails like this yet: " + description);
    }

    /** What {@code detwasm run} prints on stderr after the guest's output for such a run. */
    private static String diagnostic(String description) {
        return EXIT.matcher(description).matches() ? "" : "detwasm: " + description + "\n";
    }
}
