package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chicory's AOT compiler throws on a valid module (docs/upstream.md): c/hello.wasm with the
 * {@code end} of a block inside {@code __stdio_exit}'s loop turned into {@code return}, which
 * leaves dead code behind it. The function the compiler fails on is interpreted, with one
 * warning line; the run is the interpreter's, byte for byte.
 */
class AotFallbackTest {
    /** The {@code end} (0x0b) that becomes a {@code return} (0x0f). */
    private static final int END_IN_LOOP = 1240;

    @TempDir Path dir;

    @Test
    void theFunctionTheCompilerFailsOnIsInterpretedWithOneWarning() throws Exception {
        byte[] hello = Files.readAllBytes(Testdata.dir().resolve("c/hello.wasm"));
        assertEquals(0x0b, hello[END_IN_LOOP]);
        hello[END_IN_LOOP] = 0x0f;
        Path module = Files.write(dir.resolve("npe.wasm"), hello);

        CliRun interpreted = CliRun.of(List.of("run", "--engine", "interpreter", module.toString()));
        CliRun compiled = CliRun.of(List.of("run", "--engine", "aot", module.toString()));
        assertEquals(0, interpreted.exitCode(), interpreted.summary());
        assertEquals(interpreted.stdoutText(), compiled.stdoutText());
        assertEquals(interpreted.exitCode(), compiled.exitCode());
        assertEquals("detwasm: warning: npe.wasm: the AOT compiler failed on function 20"
                + " (__stdio_exit) (NullPointerException: Cannot invoke"
                + " \"java.lang.Integer.intValue()\" because the return value of"
                + " \"java.util.Map.get(Object)\" is null); interpreting it\n",
                compiled.stderrText());
        CliRun verified = CliRun.of(List.of("run", "--verify", module.toString()));
        assertEquals(0, verified.exitCode(), verified.summary());
    }
}
