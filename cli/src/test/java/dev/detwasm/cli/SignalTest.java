package dev.detwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM and SIGINT end a run with one detwasm: line and the shell's codes 143 and 130. */
class SignalTest {
    /** Prints "up" then spins without a scheduling point, so only a signal ends it. */
    private static final String SPINNER =
            """
            (module
              (import "wasi_snapshot_preview1" "fd_write"
                (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "up\\n")
              (func (export "_start")
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.const 3))
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                (loop $spin (br $spin))))
            """;

    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalPrintsOneLineAndExitsWithTheShellsCode(String signal, int code) throws Exception {
        Path module = Files.writeString(dir.resolve("spin.wat"), SPINNER);
        Path err = dir.resolve("err");
        Process p = DetwasmProcess.start(
                "128m", ProcessBuilder.Redirect.PIPE, err, "run", module.toString());
        byte[] up = p.getInputStream().readNBytes(3);
        assertEquals("up\n", new String(up), "the guest did not start: " + Files.readString(err));
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "detwasm did not stop");
        assertEquals(code, p.exitValue());
        assertEquals("detwasm: stopped by SIG" + signal + "\n", Files.readString(err));
    }
}
