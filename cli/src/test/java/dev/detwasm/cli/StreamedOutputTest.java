package dev.detwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guest's output goes to the real streams as it is written and is never held whole. */
class StreamedOutputTest {
    /** Writes {@code count} times the {@code size} bytes at 65536 ('x' each) to fd {@code fd}. */
    static String writer(int fd, int size, long count) {
        return """
            (module
              (import "wasi_snapshot_preview1" "fd_write"
                (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") %d)
              (func (export "_start") (local $i i64)
                (memory.fill (i32.const 65536) (i32.const 120) (i32.const %d))
                (i32.store (i32.const 0) (i32.const 65536))
                (i32.store (i32.const 4) (i32.const %d))
                (block $done
                  (loop $again
                    (br_if $done (i64.ge_u (local.get $i) (i64.const %d)))
                    (drop (call $fd_write (i32.const %d) (i32.const 0) (i32.const 1) (i32.const 8)))
                    (local.set $i (i64.add (local.get $i) (i64.const 1)))
                    (br $again)))))
            """.formatted(2 + size / 65536, size, size, count, fd);
    }

    @TempDir Path dir;

    @Test
    void aGibibyteOfOutputPassesThroughA64MegabyteHeap() throws Exception {
        Path module = Files.writeString(dir.resolve("big.wat"), writer(1, 1 << 20, 1024));
        Path err = dir.resolve("err");
        Process p = DetwasmProcess.start(
                "64m", ProcessBuilder.Redirect.DISCARD, err, "run", module.toString());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "detwasm did not finish");
        assertEquals(0, p.exitValue(), Files.readString(err));
        assertEquals("", Files.readString(err));
    }

    @Test
    void verifyComparesOutputLongerThanWhatIsKeptAndPrintsItOnce() throws Exception {
        Path module = Files.writeString(dir.resolve("w.wat"), writer(1, 1000, 50));
        CliRun run = CliRun.of("run", "--verify", "--keep-output", "16", module.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("x".repeat(50_000), run.stdout());
        assertTrue(run.stderr().startsWith("detwasm: verify: 4 runs identical"), run.stderr());
    }

    @Test
    void aNegativeKeepIsAUsageError() throws Exception {
        Path module = Files.writeString(dir.resolve("w.wat"), writer(1, 10, 1));
        CliRun run = CliRun.of("run", "--keep-output", "-1", module.toString());
        assertEquals(64, run.exitCode(), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
    }
}
