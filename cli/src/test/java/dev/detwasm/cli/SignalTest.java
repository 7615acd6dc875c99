package dev.detwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT end a run with one detwasm: line and the shell's codes 143 and 130; during
 * a check's exploration the first one stops it and the report so far is printed.
 */
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

    /**
     * 48 selects of two options (a tree no check covers); exits 1 when the first chose 1 and
     * {@code FAILS} is 1.
     */
    private static final String SELECTS =
            """
            (module
              (import "wasi" "model_checker_select" (func $select (param i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
              (memory (export "memory") 1)
              (func (export "_start")
                (local $i i32)
                (local $first i32)
                (local.set $first (call $select (i32.const 2)))
                (loop $more
                  (drop (call $select (i32.const 2)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $more (i32.lt_u (local.get $i) (i32.const 47))))
                (if (i32.and (local.get $first) (i32.const FAILS)) (then (call $exit (i32.const 1))))))
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

    /**
     * A signal during a check's exploration stops it: the runs made are reported, the verdict
     * says the exploration was cut short by the signal, and the exit code is the shell's when
     * nothing failed, the check's failure code when something did.
     */
    @ParameterizedTest
    @CsvSource({"INT, 0, dfs, 130", "TERM, 0, dfs, 143", "INT, 1, random, 73"})
    void aSignalDuringACheckReportsWhatWasFoundSoFar(
            String signal, int fails, String strategy, int code) throws Exception {
        Path module = Files.writeString(dir.resolve("selects.wat"),
                SELECTS.replace("FAILS", String.valueOf(fails)));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = DetwasmProcess.start("256m", ProcessBuilder.Redirect.to(out.toFile()), err,
                "check", "--strategy", strategy, "--max-runs", "none", module.toString());
        // No output tells when the exploration has begun: give the JVM time to get there.
        Thread.sleep(5000);
        assertTrue(p.isAlive(), "the check ended by itself: " + Files.readString(err));
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "detwasm did not stop");
        String stderr = Files.readString(err);
        assertEquals("detwasm: SIG" + signal + ": finishing the runs in progress, then the report"
                + " of what was found; SIG" + signal + " again stops at once\n", stderr,
                "the first signal came before the exploration began, or the report failed");
        String report = Files.readString(out);
        String verdict = report.substring(report.stripTrailing().lastIndexOf('\n') + 1);
        if (fails == 0) {
            assertTrue(verdict.matches("no failure found in \\d+ runs, but NOT exhaustive: cut"
                    + " short by interrupt SIG" + signal + " .*; runs not made may fail\n"), verdict);
        } else {
            assertTrue(verdict.startsWith("FAILED: "), verdict);
            assertTrue(report.contains("\nexploration: bounded by interrupt SIG" + signal), report);
        }
        assertEquals(code, p.exitValue(), report);
    }
}
