package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the threaded fixtures show beyond their golden output: a trace printed by a randomly
 * scheduled run replays it exactly; and the same seed gives the same interleaving while
 * different seeds can give different ones. ({@link VerifyTest} runs {@code --verify} on them.)
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadsTest {
    private static final Path TESTDATA = Testdata.dir();
    private static final Pattern TRACE = Pattern.compile("(?m)^detwasm: trace: (.*)$");
    /** The seed of the random schedule whose trace is replayed. */
    private static final String SEED = "7";

    static Stream<Fixture> threaded() throws IOException {
        return Manifest.load(TESTDATA).stream().filter(f -> f.kind() == Fixture.Kind.THREADS);
    }

    /** The threaded fixtures that the manifest runs under fifo. */
    static Stream<Fixture> threadedUnderFifo() throws IOException {
        return threaded().filter(f -> !f.flags().contains("--schedule"));
    }

    /**
     * A run under the random schedule prints its trace; replaying that trace under fifo makes
     * the same run: stdout, stderr (with the same trace line), exit code and event log.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("threadedUnderFifo")
    void printedTraceReplaysTheRun(Fixture fixture, @TempDir Path dir) throws IOException {
        Path randomEvents = dir.resolve("random.events");
        Path replayEvents = dir.resolve("replay.events");
        CliRun random = CliRun.of(fixture.commandLine(TESTDATA, "aot", fixture.module(), List.of(
                "--schedule", "random", "--seed", SEED, "--print-trace",
                "--events", randomEvents.toString())));
        Matcher trace = TRACE.matcher(random.stderrText());
        assertTrue(trace.find(), "no trace printed: " + random.summary());

        CliRun replay = CliRun.of(fixture.commandLine(TESTDATA, "aot", fixture.module(), List.of(
                "--seed", SEED, "--trace", trace.group(1), "--print-trace",
                "--events", replayEvents.toString())));
        String context = "trace " + trace.group(1) + "\nrandom run: " + random.summary() + "replay: "
                + replay.summary();
        assertAll(
                () -> assertEquals(random.exitCode(), replay.exitCode(), context),
                () -> GoldenAssert.assertSameBytes(
                        "random run stdout", random.stdout(), "replay stdout", replay.stdout(), context),
                () -> GoldenAssert.assertSameBytes(
                        "random run stderr", random.stderr(), "replay stderr", replay.stderr(), context),
                () -> GoldenAssert.assertSameBytes(
                        "random run events", Files.readAllBytes(randomEvents),
                        "replay events", Files.readAllBytes(replayEvents), context));
    }

    /**
     * Modules that the manifest runs under the random schedule with several seeds: each seed
     * gives the same run twice and its expected output, and the seeds do not all give the same
     * interleaving.
     */
    @Test
    void sameSeedSameRunAndSeedsDiffer() throws IOException {
        Map<String, List<Fixture>> seeded = threaded()
                .filter(f -> f.flags().contains("--schedule") && f.flags().contains("--seed"))
                .collect(Collectors.groupingBy(Fixture::moduleId, LinkedHashMap::new, Collectors.toList()));
        assertFalse(seeded.isEmpty(), "no fixture runs under the random schedule");
        for (List<Fixture> variants : seeded.values()) {
            assertTrue(variants.size() >= 2, variants + ": one seed cannot show seeds differ");
            List<String> outputs = new ArrayList<>();
            for (Fixture f : variants) {
                List<String> args = f.commandLine(TESTDATA, "aot");
                CliRun first = CliRun.of(args);
                CliRun second = CliRun.of(args);
                assertTrue(first.sameAs(second), f + ": the same seed gave two runs:\n" + first.summary()
                        + first.stdoutText() + "\n" + second.summary() + second.stdoutText());
                String expected = Files.readString(
                        TESTDATA.resolve(f.expectedOutput()), StandardCharsets.UTF_8);
                assertEquals(expected, first.stdoutText(), f.toString());
                outputs.add(expected);
            }
            assertTrue(outputs.stream().distinct().count() >= 2,
                    variants + " all print the same:\n" + outputs.get(0));
        }
    }
}
