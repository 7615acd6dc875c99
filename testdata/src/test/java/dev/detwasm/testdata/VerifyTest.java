package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --verify} passes on every fixture that {@code detwasm run} runs, single-threaded and
 * threaded, and on the threaded Python scripts (the others run under aot only, GoldenTest): two
 * runs per engine agree on stdout, stderr, the ending and the event log, and the
 * output is the golden one.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VerifyTest {
    private static final Path TESTDATA = Testdata.dir();
    private static final Pattern VERIFIED =
            Pattern.compile("(?m)^detwasm: verify: 4 runs identical \\(2 per engine\\): .*$");

    static Stream<Fixture> runs() throws IOException {
        return Stream.concat(
                Manifest.load(TESTDATA).stream().filter(f -> f.kind() != Fixture.Kind.CHECK),
                Manifest.loadPython(TESTDATA).stream().filter(f -> f.kind() == Fixture.Kind.THREADS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void verifyPasses(Fixture fixture) throws IOException {
        CliRun run = CliRun.of(fixture.commandLine(TESTDATA, "aot", fixture.module(), List.of("--verify")));
        byte[] expectedStdout = Files.readAllBytes(TESTDATA.resolve(fixture.expectedOutput()));
        assertAll(
                () -> assertTrue(VERIFIED.matcher(run.stderrText()).find(), run.summary()),
                () -> assertEquals(fixture.expectedExitCode(TESTDATA), run.exitCode(), run.summary()),
                () -> assertArrayEquals(expectedStdout, run.stdout(), run.summary()));
    }
}
