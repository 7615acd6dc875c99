package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture of {@code fixtures.txt} that is a {@code detwasm run} (single-threaded and
 * threaded) twice under each engine through the CLI entry point (the Python scripts of {@code
 * py/fixtures.txt} twice under aot), and compares stdout and the
 * exit code byte for byte with the expected files, stderr too where an expected stderr exists,
 * and the two runs with each other (stderr too). A run that ends in a deadlock must say so on
 * its last stderr line, naming what each blocked thread waits on. The mounted host files must
 * not change. Time is virtual: fixtures that sleep for an hour must finish within the timeout
 * all the same.
 */
class GoldenTest {
    private static final Path TESTDATA = Testdata.dir();
    private static final Path HOST_FILES = TESTDATA.resolve("files");
    private static final int DEADLOCK_EXIT = 71;

    /** "detwasm: deadlock: thread 0 waits on ...; thread 2 waits on ...". */
    private static final Pattern DEADLOCK_REPORT =
            Pattern.compile("detwasm: deadlock: thread \\d+ waits on [^;]+(?:; thread \\d+ waits on [^;]+)*");
    private static final Pattern THREAD = Pattern.compile("(?:: |; )thread (\\d+) waits on ");

    /**
     * Every run fixture under each engine, from its binary; WAT fixtures also from their text,
     * which detwasm loads as well.
     */
    static Stream<Arguments> runFixtures() throws IOException {
        Stream<Arguments> modules = Manifest.load(TESTDATA).stream()
                .filter(f -> f.kind() != Fixture.Kind.CHECK)
                .flatMap(f -> Stream.of("aot", "interpreter").flatMap(engine -> {
                    Stream<String> files = f.lang().equals("wat")
                            ? Stream.of(f.module(), f.source())
                            : Stream.of(f.module());
                    return files.map(module -> Arguments.of(f, engine, module));
                }));
        // A Python run under the interpreter engine takes seconds: the scripts run under aot
        // here, and the threaded ones under both engines in VerifyTest.
        Stream<Arguments> scripts = Manifest.loadPython(TESTDATA).stream()
                .filter(f -> f.kind() != Fixture.Kind.CHECK)
                .map(f -> Arguments.of(f, "aot", f.module()));
        return Stream.concat(modules, scripts);
    }

    @ParameterizedTest(name = "{0} --engine {1} {2}")
    @MethodSource("runFixtures")
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void matchesExpectedOutput(Fixture fixture, String engine, String module) throws IOException {
        Map<Path, byte[]> hostFiles = snapshot(HOST_FILES);
        List<String> args = fixture.commandLine(TESTDATA, engine, module);
        CliRun first = CliRun.of(args);
        CliRun second = CliRun.of(args);

        byte[] expectedStdout = Files.readAllBytes(TESTDATA.resolve(fixture.expectedOutput()));
        int expectedExit = fixture.expectedExitCode(TESTDATA);
        String reproduce = "reproduce from the repository root: ./detwasm "
                + String.join(" ", fixture.commandLine(Path.of("testdata"), engine, module));
        assertAll(
                () -> GoldenAssert.assertSameBytes(
                        fixture.expectedOutput(), expectedStdout, "actual stdout", first.stdout(),
                        first.summary() + reproduce),
                () -> assertEquals(expectedExit, first.exitCode(),
                        "exit code of " + fixture + ": " + first.summary() + reproduce),
                () -> assertExpectedStderr(fixture, first, reproduce),
                () -> assertDeadlockReported(first, expectedExit, reproduce),
                () -> assertSameRun(first, second, reproduce),
                () -> assertHostFilesUnchanged(hostFiles));
    }

    private static void assertExpectedStderr(Fixture fixture, CliRun run, String reproduce)
            throws IOException {
        Path expected = TESTDATA.resolve(fixture.expectedStderr());
        if (Files.exists(expected)) {
            GoldenAssert.assertSameBytes(
                    fixture.expectedStderr(), Files.readAllBytes(expected), "actual stderr",
                    run.stderr(), reproduce);
        }
    }

    /**
     * A deadlock ends with one stderr line naming, in thread order, every blocked thread and
     * what it waits on.
     */
    private static void assertDeadlockReported(CliRun run, int expectedExit, String reproduce) {
        if (expectedExit != DEADLOCK_EXIT) {
            return;
        }
        String[] lines = run.stderrText().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(DEADLOCK_REPORT.matcher(last).matches(),
                "the last stderr line is not a deadlock report: " + run.summary() + reproduce);
        List<Integer> threads = new ArrayList<>();
        Matcher thread = THREAD.matcher(last);
        while (thread.find()) {
            threads.add(Integer.parseInt(thread.group(1)));
        }
        assertEquals(threads.stream().sorted().distinct().toList(), threads,
                "threads in order, each once: " + last);
    }

    private static void assertSameRun(CliRun first, CliRun second, String reproduce) {
        if (first.sameAs(second)) {
            return;
        }
        fail("the second run differs from the first:\n"
                + "exit codes " + first.exitCode() + " and " + second.exitCode() + "\n"
                + UnifiedDiff.diff("run 1 stdout", first.stdoutText(), "run 2 stdout", second.stdoutText())
                + UnifiedDiff.diff("run 1 stderr", first.stderrText(), "run 2 stderr", second.stderrText())
                + reproduce);
    }

    private static void assertHostFilesUnchanged(Map<Path, byte[]> before) throws IOException {
        Map<Path, byte[]> after = snapshot(HOST_FILES);
        assertEquals(before.keySet(), after.keySet(), "files under " + HOST_FILES + " appeared or vanished");
        for (Map.Entry<Path, byte[]> file : before.entrySet()) {
            if (!Arrays.equals(file.getValue(), after.get(file.getKey()))) {
                fail("the guest changed the host file " + file.getKey());
            }
        }
    }

    /** Every file and directory under {@code root}, with the content of the files. */
    private static Map<Path, byte[]> snapshot(Path root) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                files.put(root.relativize(p), Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0]);
            }
        }
        return files;
    }
}
