package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code detwasm transform --pass atomics-to-imports} on every threaded fixture: the rewritten
 * module, whose wait and notify are calls of the {@code detwasm.atomic_*} builtins, runs with
 * the same stdout, stderr, exit code and event log as the original. Under the interpreter: the
 * AOT engine's trap line names the function by its index, which the added imports shift.
 *
 * <p>Not under {@code --clock steps}: there virtual time is a count of executed instructions,
 * and the pass puts several in place of each wait and notify, so the clock legitimately reads
 * later. Each such module is also a fixture under the default clock (its {@code @idle}
 * variant), which this test covers.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AtomicsToImportsTest {
    private static final Path TESTDATA = Testdata.dir();

    static Stream<Fixture> threaded() throws IOException {
        return Manifest.load(TESTDATA).stream()
                .filter(f -> f.kind() == Fixture.Kind.THREADS)
                .filter(f -> !f.flags().contains("--clock"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threaded")
    void theRewrittenModuleRunsTheSame(Fixture fixture, @TempDir Path dir) throws IOException {
        Path rewritten = dir.resolve("rewritten.wasm");
        CliRun transform =
                CliRun.of(List.of(
                        "transform", "--pass", "atomics-to-imports",
                        TESTDATA.resolve(fixture.module()).toString(), rewritten.toString()));
        assertEquals(0, transform.exitCode(), transform.summary());

        Path originalEvents = dir.resolve("original.events");
        Path rewrittenEvents = dir.resolve("rewritten.events");
        CliRun original = CliRun.of(fixture.commandLine(TESTDATA, "interpreter", fixture.module(),
                List.of("--events", originalEvents.toString())));
        CliRun again = CliRun.of(fixture.commandLine(TESTDATA, "interpreter", rewritten.toString(),
                List.of("--events", rewrittenEvents.toString())));
        String context = "original: " + original.summary() + "rewritten: " + again.summary();
        assertAll(
                () -> assertEquals(original.exitCode(), again.exitCode(), context),
                () -> GoldenAssert.assertSameBytes(
                        "original stdout", original.stdout(), "rewritten stdout", again.stdout(),
                        context),
                () -> GoldenAssert.assertSameBytes(
                        "original stderr", original.stderr(), "rewritten stderr", again.stderr(),
                        context),
                () -> GoldenAssert.assertSameBytes(
                        "original events", Files.readAllBytes(originalEvents),
                        "rewritten events", Files.readAllBytes(rewrittenEvents), context));
    }
}
