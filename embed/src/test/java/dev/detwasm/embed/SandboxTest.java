package dev.detwasm.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.detwasm.host.Engine;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.modelcheck.CheckReport;
import dev.detwasm.wasi.Entropy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The embedding API's run options give what the CLI's do: the fixtures' golden output. */
class SandboxTest {
    private static final Path WAT = Path.of("../testdata/wat");

    private static void assertGolden(String name, Sandbox sandbox) throws Exception {
        byte[] expected = Files.readAllBytes(WAT.resolve(name + "_wat.stdout"));
        for (int i = 0; i < 2; i++) {
            RunResult result = sandbox.run();
            assertEquals(0, result.exitCode());
            assertArrayEquals(expected, result.stdout(), name);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void argsEnvMountsStdinAndSeedAreThoseOfTheCli(Engine engine) throws Exception {
        assertGolden("argv", Sandbox.builder(WAT.resolve("argv.wasm"))
                .withEngine(engine).withArgs("alpha", "--beta=1", "-x").build());
        assertGolden("env", Sandbox.builder(WAT.resolve("env.wasm")).withEngine(engine)
                .withEnv("GREETING", "hello").withEnv("EMPTY", "").withEnv("EQUALS", "a=b")
                .build());
        assertGolden("files", Sandbox.builder(WAT.resolve("files.wasm")).withEngine(engine)
                .withMount(Path.of("../testdata/files"), "/data").build());
        assertGolden("stdin", Sandbox.builder(WAT.resolve("stdin.wasm")).withEngine(engine)
                .withStdin(Files.readAllBytes(Path.of("../testdata/files/stdin.txt"))).build());
        assertGolden("random@seed42", Sandbox.builder(WAT.resolve("random.wasm"))
                .withEngine(engine).withSeed(42).build());
    }

    @Test
    void bytesLoadLikeAFileAndTheNameIsWhatReportsShow() throws Exception {
        byte[] wat = Files.readAllBytes(WAT.resolve("race.wat"));
        CheckReport report = Sandbox.builder("race.wat", wat).withMaxRuns(5).build().check();
        assertEquals("race.wat", report.module());
        assertEquals(5, report.runs());
    }

    @Test
    void modulesThatDoNotFitTogetherAreOneLineWiringError() {
        AbstractModule zeros = entropy((byte) 0);
        AbstractModule ones = entropy((byte) 1);
        WiringException e = assertThrows(WiringException.class, () ->
                Sandbox.builder(WAT.resolve("random.wasm")).withModules(zeros, ones).build());
        assertEquals(ExitCodes.LOAD_ERROR, e.exitCode());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aWiredInjectorIsReusedButNotWithMoreModules() throws Exception {
        Injector defaults = Guice.createInjector(Sandbox.defaultModules());
        assertGolden("random@seed42", Sandbox.builder(WAT.resolve("random.wasm"))
                .withInjector(defaults).withSeed(42).build());
        assertThrows(IllegalStateException.class, () ->
                Sandbox.builder(WAT.resolve("random.wasm"))
                        .withInjector(defaults).withModules(entropy((byte) 0)).build());
    }

    private static AbstractModule entropy(byte value) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Entropy.class).toInstance(seed -> (bytes, offset, length) ->
                        Arrays.fill(bytes, offset, offset + length, value));
            }
        };
    }
}
