package dev.detwasm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.cli.Detwasm;
import dev.detwasm.host.Engine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The example plugins as a CLI user loads them: {@code --plugin} with the examples' jar. */
class CliPluginTest {
    @TempDir static Path dir;

    private static Path jar;

    /** The plugin jar, made from the compiled classes as {@code package} makes it. */
    @BeforeAll
    static void makeJar() throws IOException {
        jar = dir.resolve("detwasm-examples.jar");
        Path classes = Path.of("target/classes");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result detwasm(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
                var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Detwasm.execute(args, new ByteArrayInputStream(new byte[0]), o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hostLogPrintsTheGuestsMessage(Engine engine) {
        for (int i = 0; i < 2; i++) {
            Result r = detwasm("run", "--engine", engine.cliName(), "--plugin", jar.toString(),
                    EmbeddingTest.HOST_LOG.toString());
            assertEquals(new Result(21, "host_log: hello from the guest\n", ""), r);
        }
    }

    @Test
    void withoutThePluginHostLogIsAnUnknownImport() {
        Result r = detwasm("run", EmbeddingTest.HOST_LOG.toString());
        assertEquals(new Result(65, "", "detwasm: host_log.wat: unknown import env.host_log\n"), r);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theClockPluginAloneMovesTheClocks(Engine engine) {
        Result r = detwasm("run", "--engine", engine.cliName(), "--plugin", jar.toString(),
                "--plugin-module", "dev.detwasm.examples.clock.StartInstantClockModule",
                EmbeddingTest.CLOCK.toString());
        assertEquals(0, r.exitCode());
        assertEquals(List.of("realtime  = 1000000000000000000", "monotonic = 1000000000000000000"),
                r.stdout().lines().limit(2).toList());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void checkRunsThePluginStrategyAndReproductionsLoadThePlugin(Engine engine) {
        Result r = detwasm("check", "--engine", engine.cliName(), "--plugin", jar.toString(),
                "--strategy", "rotate", EmbeddingTest.LOST_UPDATE.toString());
        assertEquals(73, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("check lost_update.wat: strategy rotate,"), r.stdout());
        String reproduce = r.stdout().lines()
                .filter(l -> l.startsWith("  reproduce: "))
                .findFirst().orElseThrow().substring("  reproduce: ".length());
        assertTrue(reproduce.startsWith("detwasm run --plugin " + jar + " "), reproduce);
        assertTrue(reproduce.contains(" --trace "), reproduce);

        // The command is for a POSIX shell; its only quoted word is the trace.
        String[] words = reproduce.replace("'", "").split(" ");
        Result replay = detwasm(List.of(words).subList(1, words.length).toArray(String[]::new));
        assertEquals(new Result(1, "counter=1\n", ""), replay);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theStrategyTakesItsOwnStrideOption(Engine engine) {
        for (int i = 0; i < 2; i++) {
            Result sticking = rotate(engine, "rotate.stride=0");
            assertEquals(0, sticking.exitCode(), sticking.stderr());
            assertTrue(sticking.stdout().contains("\n  1. exit 0, 3 runs, first run #0 (trace 0*14),"
                    + " stdout \"counter=2\\n\"\n"), sticking.stdout());
            Result skipping = rotate(engine, "rotate.stride=2");
            assertEquals(73, skipping.exitCode(), skipping.stderr());
            assertTrue(skipping.stdout().contains("\n  2. exit 1, 1 run, first run #2"
                    + " (trace 0,1,0,2,0*10), stdout \"counter=1\\n\"\n"), skipping.stdout());
        }
    }

    private static Result rotate(Engine engine, String option) {
        return detwasm("check", "--engine", engine.cliName(), "--plugin", jar.toString(),
                "--strategy", "rotate", "--strategy-option", option,
                EmbeddingTest.LOST_UPDATE.toString());
    }

    @Test
    void aKeyTheStrategyDoesNotTakeIsAUsageErrorNamingTheOnesItDoes() {
        Result r = rotate(Engine.AOT, "rotate.strid=2");
        assertEquals(new Result(64, "", "detwasm: strategy rotate has no option 'strid'; it takes"
                + " rotate.stride (see 'detwasm check --help')\n"), r);
    }
}
