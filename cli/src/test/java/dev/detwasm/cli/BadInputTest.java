package dev.detwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives one line on stderr, a documented exit code and no trace. */
class BadInputTest {
    private static final String HELLO =
            """
            (module
              (import "wasi_snapshot_preview1" "fd_write"
                (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "hi\\n")
              (func (export "_start")
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.const 3))
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
            """;

    @TempDir Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void assertOneLineFailure(CliRun run, int code, String line) {
        assertEquals(code, run.exitCode(), run.stderr());
        assertEquals("", run.stdout());
        assertEquals(line + "\n", run.stderr());
    }

    private static void assertOneLineFailure(CliRun run, int code) {
        assertEquals(code, run.exitCode(), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertTrue(run.stderr().startsWith("detwasm: "), run.stderr());
        assertFalse(run.stderr().contains("Exception"), run.stderr());
    }

    @Test
    void aGoodModuleRuns() throws IOException {
        CliRun run = CliRun.of("run", write("hello.wat", HELLO).toString());
        assertEquals(new CliRun(0, "hi\n", ""), run);
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("missing.wasm");
        assertOneLineFailure(
                CliRun.of("run", missing.toString()), 65, "detwasm: " + missing + ": no such file");
    }

    @Test
    void notAWasmModule() throws IOException {
        Path p = write("x.wasm", "#!/bin/sh\necho hi\n");
        assertOneLineFailure(
                CliRun.of("run", p.toString()),
                65,
                "detwasm: x.wasm: not a wasm module (no \\0asm magic) nor WAT text");
    }

    @Test
    void truncatedModule() throws Exception {
        byte[] full = dev.detwasm.wat.WatCompiler.compile(HELLO.getBytes());
        Path p = Files.write(dir.resolve("t.wasm"), Arrays.copyOf(full, full.length / 2));
        CliRun run = CliRun.of("run", p.toString());
        assertOneLineFailure(run, 65);
        assertTrue(run.stderr().startsWith("detwasm: t.wasm: invalid module: "), run.stderr());
    }

    @Test
    void unknownImport() throws IOException {
        Path p = write("u.wat", HELLO.replace("\"fd_write\"", "\"fd_scribble\""));
        assertOneLineFailure(
                CliRun.of("run", p.toString()),
                65,
                "detwasm: u.wat: unknown import wasi_snapshot_preview1.fd_scribble");
    }

    @Test
    void wrongImportSignature() throws IOException {
        Path p = write("s.wat", HELLO.replace("(param i32 i32 i32 i32) (result i32)", "(param i32)")
                .replace("(drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))",
                        "(call $fd_write (i32.const 1))"));
        assertOneLineFailure(
                CliRun.of("run", p.toString()),
                65,
                "detwasm: s.wat: import wasi_snapshot_preview1.fd_write has type (i32) -> () but"
                        + " the host provides (i32, i32, i32, i32) -> (i32)");
    }

    @Test
    void threadSpawnWithoutSharedMemory() throws IOException {
        Path p = write("ts.wat", """
                (module (import "wasi" "thread-spawn" (func (param i32) (result i32)))
                  (memory 1) (func (export "_start")))
                """);
        assertOneLineFailure(
                CliRun.of("run", p.toString()),
                65,
                "detwasm: ts.wat: imports wasi.thread-spawn but has no shared memory for its"
                        + " threads to share");
    }

    @Test
    void sharedMemoryAboveTheLimit() throws IOException {
        Path p = write("big.wat", """
                (module (import "env" "memory" (memory 1 1024 shared)) (func (export "_start")))
                """);
        assertOneLineFailure(
                CliRun.of("run", "--max-memory", "512", p.toString()),
                65,
                "detwasm: big.wat: shared memory maximum of 1024 pages is above the limit of 512");
    }

    @Test
    void badWat() throws IOException {
        Path p = write("b.wat", "(module (func $f (i32.add)))\n(oops");
        CliRun run = CliRun.of("run", p.toString());
        assertOneLineFailure(run, 65);
        assertTrue(run.stderr().startsWith("detwasm: b.wat: "), run.stderr());
    }

    @Test
    void invalidFlagValues() throws IOException {
        String m = write("hello.wat", HELLO).toString();
        assertOneLineFailure(CliRun.of("run", "--engine", "jit", m), 64);
        assertOneLineFailure(CliRun.of("run", "--seed", "abc", m), 64);
        assertOneLineFailure(CliRun.of("run", "--schedule", "lifo", m), 64);
        assertOneLineFailure(CliRun.of("run", "--trace", "1,x", m), 64);
        assertOneLineFailure(CliRun.of("run", "--max-memory", "0", m), 64);
        for (String clock : List.of("ticks", "steps=0", "steps=-1", "steps=x", "steps=1000000001")) {
            assertOneLineFailure(CliRun.of("run", "--clock", clock, m), 64);
        }
        assertOneLineFailure(
                CliRun.of("run", "--env", "NOVALUE", m),
                64,
                "detwasm: --env expects K=V, got 'NOVALUE' (see 'detwasm run --help')");
        assertOneLineFailure(
                CliRun.of("run", "--dir", dir.resolve("nodir") + "::/d", m),
                64,
                "detwasm: --dir " + dir.resolve("nodir") + ": no such directory (see 'detwasm run"
                        + " --help')");
        for (String command : List.of("run", "check")) {
            assertOneLineFailure(
                    CliRun.of(command, "--decisions", "timer,tick", m),
                    64,
                    "detwasm: Invalid value for option '--decisions' (KINDS): unknown decision"
                            + " kind 'tick'; expected one of schedule, select, wake, timer (see"
                            + " 'detwasm " + command + " --help')");
        }
        assertOneLineFailure(CliRun.of("run", "--bogus", m), 64);
        assertOneLineFailure(CliRun.of("run"), 64);
        assertOneLineFailure(CliRun.of("frobnicate"), 65);
    }

    @Test
    void checkRejectsRunOnlyOptionsNamingRun() throws IOException {
        String m = write("hello.wat", HELLO).toString();
        for (String option : new String[] {"--trace-wasi", "--schedule=random", "--trace=1"}) {
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            assertOneLineFailure(
                    CliRun.of("check", option, m),
                    64,
                    "detwasm: Unknown option: '" + option + "'; " + name
                            + " is an option of 'detwasm run' (see 'detwasm check --help')");
        }
    }

    /** run wires no model checker, but its usage errors still look at check's options. */
    @Test
    void runRejectsCheckOnlyOptionsNamingCheck() throws IOException {
        String m = write("hello.wat", HELLO).toString();
        for (String option : new String[] {"--strategy=pct", "--max-runs=5", "--jobs=2"}) {
            String name = option.substring(0, option.indexOf('='));
            assertOneLineFailure(
                    CliRun.of("run", option, m),
                    64,
                    "detwasm: Unknown option: '" + option + "'; " + name
                            + " is an option of 'detwasm check' (see 'detwasm run --help')");
        }
    }

    @Test
    void aFormatNameWhereAReportFileGoesIsAUsageErrorShowingTheFileForm() throws IOException {
        String m = write("hello.wat", HELLO).toString();
        assertOneLineFailure(
                CliRun.of("check", "--report", "json", m),
                64,
                "detwasm: --report takes the file to write, not a format: '--report json' writes"
                        + " a file named 'json'; write --report out.json (see 'detwasm check"
                        + " --help')");
        assertOneLineFailure(CliRun.of("check", "--junit", "XML", m), 64);
    }

    @Test
    void aTraceThatDoesNotFitIsAUsageError() throws IOException {
        String m = write("hello.wat", HELLO).toString();
        assertEquals(
                new CliRun(
                        64,
                        "hi\n",
                        "detwasm: trace does not fit the program: the run made 0 decisions, the"
                                + " trace has 2 entries\n"),
                CliRun.of("run", "--trace", "0,1", m));
    }
}
