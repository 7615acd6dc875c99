package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.detwasm.cli.Detwasm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every single-threaded fixture of {@code fixtures.txt} twice under each engine through the
 * CLI entry point, and compares stdout and the exit code byte for byte with the expected files
 * and the two runs with each other (stderr too). The mounted host files must not change. Time
 * is virtual: fixtures that sleep for an hour must finish within the timeout all the same.
 */
class GoldenTest {
    private static final Path TESTDATA = Testdata.dir();
    private static final Path HOST_FILES = TESTDATA.resolve("files");

    private record Outcome(int exitCode, byte[] stdout, byte[] stderr) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        String stderrText() {
            return new String(stderr, StandardCharsets.UTF_8);
        }

        /** Exit code and stderr, for failure messages. */
        String summary() {
            String err = stderrText();
            return "exit code " + exitCode + ", stderr: "
                    + (err.isEmpty() ? "(empty)\n" : "\n" + err + (err.endsWith("\n") ? "" : "\n"));
        }
    }

    /**
     * Every single-threaded fixture under each engine, from its binary; WAT fixtures also from
     * their text, which detwasm loads as well.
     */
    static Stream<Arguments> singleThreadedFixtures() throws IOException {
        return Manifest.load(TESTDATA).stream()
                .filter(f -> f.kind() == Fixture.Kind.SINGLE)
                .flatMap(f -> Stream.of("aot", "interpreter").flatMap(engine -> {
                    Stream<String> modules = f.lang().equals("wat")
                            ? Stream.of(f.module(), f.source())
                            : Stream.of(f.module());
                    return modules.map(module -> Arguments.of(f, engine, module));
                }));
    }

    @ParameterizedTest(name = "{0} --engine {1} {2}")
    @MethodSource("singleThreadedFixtures")
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void matchesExpectedOutput(Fixture fixture, String engine, String module) throws IOException {
        Map<Path, byte[]> hostFiles = snapshot(HOST_FILES);
        List<String> args = fixture.commandLine(TESTDATA, engine, module);
        Outcome first = run(args);
        Outcome second = run(args);

        byte[] expectedStdout = Files.readAllBytes(TESTDATA.resolve(fixture.expectedStdout()));
        int expectedExit = fixture.expectedExitCode(TESTDATA);
        String reproduce = "reproduce from the repository root: ./detwasm "
                + String.join(" ", fixture.commandLine(Path.of("testdata"), engine, module));
        assertAll(
                () -> assertStdout(fixture.expectedStdout(), expectedStdout, first, reproduce),
                () -> assertEquals(expectedExit, first.exitCode(),
                        "exit code of " + fixture + ": " + first.summary() + reproduce),
                () -> assertSameRun(first, second, reproduce),
                () -> assertHostFilesUnchanged(hostFiles));
    }

    private static Outcome run(List<String> args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
            exitCode = Detwasm.execute(
                    args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out, err);
        }
        return new Outcome(exitCode, stdout.toByteArray(), stderr.toByteArray());
    }

    private static void assertStdout(String expectedName, byte[] expected, Outcome actual, String reproduce) {
        if (Arrays.equals(expected, actual.stdout())) {
            return;
        }
        String diff = UnifiedDiff.diff(
                expectedName, new String(expected, StandardCharsets.UTF_8), "actual stdout", actual.stdoutText());
        fail("stdout differs from " + expectedName + ":\n"
                + (diff.isEmpty() ? "(the bytes differ but decode to the same text)\n" : diff)
                + actual.summary() + reproduce);
    }

    private static void assertSameRun(Outcome first, Outcome second, String reproduce) {
        if (first.exitCode() == second.exitCode()
                && Arrays.equals(first.stdout(), second.stdout())
                && Arrays.equals(first.stderr(), second.stderr())) {
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
