package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.Engine;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.Termination;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** WAT programs run through host-core's Runner on the real scheduler, on both engines. */
class EndToEndTest {
    private static final String IMPORTS = """
              (import "wasi_snapshot_preview1" "fd_write"
                (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
            """;

    /** {@code $print(ptr, len)} writes guest memory to stdout. */
    private static final String PRINT = """
              (func $print (param $ptr i32) (param $len i32)
                (i32.store (i32.const 0) (local.get $ptr))
                (i32.store (i32.const 4) (local.get $len))
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
            """;

    @TempDir
    Path root;

    private final WatRunner runner = new WatRunner();

    /**
     * A module with fd_write, proc_exit and $print around {@code body}: its imports, then from
     * its memory on its definitions, ending with the parenthesis that closes the module.
     */
    private static String module(String body) {
        int definitions = body.indexOf("(memory");
        return "(module\n" + IMPORTS + body.substring(0, definitions) + PRINT
                + body.substring(definitions);
    }

    private static RunConfig.Builder config(Engine engine) {
        return RunConfig.builder().engine(engine);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void argsAndEnvironmentReachTheGuest(Engine engine) {
        String wat = module("""
              (import "wasi_snapshot_preview1" "args_sizes_get"
                (func $args_sizes_get (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "args_get"
                (func $args_get (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "environ_sizes_get"
                (func $environ_sizes_get (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "environ_get"
                (func $environ_get (param i32 i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "_start")
                (drop (call $args_sizes_get (i32.const 16) (i32.const 20)))
                (drop (call $args_get (i32.const 256) (i32.const 512)))
                (call $print (i32.const 512) (i32.load (i32.const 20)))
                (drop (call $environ_sizes_get (i32.const 16) (i32.const 20)))
                (drop (call $environ_get (i32.const 256) (i32.const 1024)))
                (call $print (i32.const 1024) (i32.load (i32.const 20)))
                (call $proc_exit (i32.load (i32.const 16)))))
            """);

        var outcome = runner.run(wat, config(engine).args(List.of("one", "two"))
                .env("B", "2").env("A", "1").build());

        assertEquals("/main.wasm\0one\0two\0B=2\0A=1\0", outcome.stdout());
        assertEquals(2, outcome.exitCode());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sleepingAdvancesTheVirtualClockExactly(Engine engine) {
        String wat = module("""
              (import "wasi_snapshot_preview1" "clock_time_get"
                (func $clock_time_get (param i32 i64 i32) (result i32)))
              (import "wasi_snapshot_preview1" "poll_oneoff"
                (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "_start")
                (drop (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 100)))
                ;; one relative MONOTONIC subscription of 3600 s at 200
                (i64.store (i32.const 200) (i64.const 9))
                (i32.store8 (i32.const 208) (i32.const 0))
                (i32.store (i32.const 216) (i32.const 1))
                (i64.store (i32.const 224) (i64.const 3600000000000))
                (i32.store16 (i32.const 240) (i32.const 0))
                (drop (call $poll_oneoff (i32.const 200) (i32.const 300) (i32.const 1)
                  (i32.const 400)))
                (drop (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 108)))
                (drop (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 116)))
                (call $print (i32.const 100) (i32.const 24))
                (call $print (i32.const 300) (i32.const 8))
                (call $proc_exit (i32.load (i32.const 400)))))
            """);

        long begin = System.nanoTime();
        var outcome = runner.run(wat, config(engine).build());
        long elapsed = System.nanoTime() - begin;

        ByteBuffer out = ByteBuffer.wrap(outcome.result().stdout()).order(ByteOrder.LITTLE_ENDIAN);
        long start = 1_704_067_200_000_000_000L;
        assertEquals(start, out.getLong());
        assertEquals(start + 3_600_000_000_000L, out.getLong());
        assertEquals(start + 3_600_000_000_000L, out.getLong());
        assertEquals(9, out.getLong());
        assertEquals(1, outcome.exitCode());
        assertTrue(elapsed < 60_000_000_000L, "an hour of virtual sleep took " + elapsed + " ns");
    }

    private static final String RANDOM = module("""
              (import "wasi_snapshot_preview1" "random_get"
                (func $random_get (param i32 i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "_start")
                (drop (call $random_get (i32.const 100) (i32.const 32)))
                (call $print (i32.const 100) (i32.const 32))))
            """);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void randomBytesArePureFunctionsOfTheSeed(Engine engine) {
        byte[] seven = runner.run(RANDOM, config(engine).seed(7).build()).result().stdout();
        byte[] sevenAgain = runner.run(RANDOM, config(Engine.INTERPRETER).seed(7).build())
                .result().stdout();
        byte[] eight = runner.run(RANDOM, config(engine).seed(8).build()).result().stdout();

        assertEquals(32, seven.length);
        assertArrayEquals(seven, sevenAgain);
        assertFalse(Arrays.equals(seven, eight));
        byte[] expected = new byte[32];
        new SplitMix64Entropy().open(7).nextBytes(expected, 0, 32);
        assertArrayEquals(expected, seven);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void mountedFilesAreReadAndWrittenInTheOverlay(Engine engine) throws Exception {
        MountedTree tree = new MountedTree(root);
        String wat = module("""
              (import "wasi_snapshot_preview1" "path_open"
                (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_read"
                (func $fd_read (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_readdir"
                (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 100) "sub/c.txt")
              (data (i32.const 120) "sub/new")
              (func (export "_start")
                ;; open sub/c.txt read-only, read it, print it
                (drop (call $path_open (i32.const 3) (i32.const 1) (i32.const 100) (i32.const 9)
                  (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 200)))
                (i32.store (i32.const 16) (i32.const 1000))
                (i32.store (i32.const 20) (i32.const 100))
                (drop (call $fd_read (i32.load (i32.const 200)) (i32.const 16) (i32.const 1)
                  (i32.const 24)))
                (call $print (i32.const 1000) (i32.load (i32.const 24)))
                ;; create sub/new and write to it
                (drop (call $path_open (i32.const 3) (i32.const 1) (i32.const 120) (i32.const 7)
                  (i32.const 1) (i64.const 64) (i64.const 0) (i32.const 0) (i32.const 204)))
                (i32.store (i32.const 16) (i32.const 100))
                (i32.store (i32.const 20) (i32.const 3))
                (drop (call $fd_write (i32.load (i32.const 204)) (i32.const 16) (i32.const 1)
                  (i32.const 24)))
                ;; list sub: its names follow 24-byte headers
                (drop (call $fd_readdir (i32.const 3) (i32.const 2000) (i32.const 1000)
                  (i64.const 0) (i32.const 28)))
                (call $print (i32.const 2000) (i32.load (i32.const 28)))
                (call $proc_exit (i32.load (i32.const 204)))))
            """);

        var outcome = runner.run(wat, tree.config().engine(engine).build());

        String stdout = outcome.stdout();
        assertTrue(stdout.startsWith("charlie"), stdout);
        List<String> names = Arrays.stream(stdout.substring(7).split("[\\x00-\\x1f]+"))
                .filter(s -> s.matches("[a-z.]+"))
                .toList();
        assertEquals(List.of(".", "..", "a.txt", "b.txt", "empty", "link", "sub"), names);
        assertEquals(6, outcome.exitCode());
        assertFalse(tree.data.resolve("sub/new").toFile().exists());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void badPointersAndDescriptorsAreErrnosToTheGuest(Engine engine) {
        String wat = module("""
              (memory (export "memory") 1)
              (func (export "_start")
                (i32.store (i32.const 16)
                  (call $fd_write (i32.const 1) (i32.const 65532) (i32.const 1) (i32.const 8)))
                (i32.store (i32.const 20)
                  (call $fd_write (i32.const 9) (i32.const 0) (i32.const 0) (i32.const 8)))
                (call $proc_exit (i32.add (i32.mul (i32.load (i32.const 16)) (i32.const 10))
                  (i32.load (i32.const 20))))))
            """);

        var outcome = runner.run(wat, config(engine).build());

        assertEquals(Errno.EFAULT * 10 + Errno.EBADF, outcome.exitCode());
        assertEquals(Termination.Kind.EXIT, outcome.result().termination().kind());
    }

    private static final String SELECT = module("""
              (import "wasi" "model_checker_select" (func $select (param i32) (result i32)))
              (import "wasi" "must_reach_underlying" (func $must_reach (param i32 i32 i32)))
              (memory (export "memory") 1)
              (data (i32.const 100) "choice.c\\00")
              (func (export "_start")
                (if (i32.eq (call $select (i32.const 3)) (i32.const 2))
                  (then (call $must_reach (i32.const 100) (i32.const 7) (i32.const 3))))
                (call $proc_exit (call $select (i32.const 4)))))
            """);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void selectFollowsTheTraceAndMustReachIsRecorded(Engine engine) {
        var outcome = runner.run(SELECT, config(engine).trace(List.of(2, 3)).build());

        assertEquals(3, outcome.exitCode());
        assertEquals(List.of(2, 3), outcome.result().trace());
        assertEquals(List.of(DecisionKind.SELECT, DecisionKind.SELECT),
                outcome.result().decisionKinds());
        assertTrue(outcome.result().events().contains("t0 must_reach choice.c:7:3"),
                outcome.result().events().toString());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void selectOfZeroIsATrapWithAClearMessage(Engine engine) {
        String wat = module("""
              (import "wasi" "model_checker_select" (func $select (param i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "_start") (drop (call $select (i32.const 0)))))
            """);

        var outcome = runner.run(wat, config(engine).build());

        assertEquals(Termination.Kind.TRAP, outcome.result().termination().kind());
        assertTrue(outcome.result().termination().message()
                        .contains("model_checker_select(0): no options"),
                outcome.result().termination().message());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void spawnedThreadsShareTheDescriptorsAndYieldHandsOver(Engine engine) {
        String wat = """
            (module
              (import "env" "memory" (memory 1 1 shared))
              (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_write"
                (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "sched_yield" (func $yield (result i32)))
              (data (i32.const 100) "child\\nmain\\n")
              (func $print (param $ptr i32) (param $len i32) (param $iov i32)
                (i32.store (local.get $iov) (local.get $ptr))
                (i32.store (i32.add (local.get $iov) (i32.const 4)) (local.get $len))
                (drop (call $fd_write (i32.const 1) (local.get $iov) (i32.const 1)
                  (i32.add (local.get $iov) (i32.const 8)))))
              (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
                (i32.store (i32.const 60) (local.get $tid))
                (call $print (i32.const 100) (local.get $arg) (i32.const 32)))
              (func (export "_start")
                (i32.store (i32.const 64) (call $spawn (i32.const 6)))
                (drop (call $yield))
                (call $print (i32.const 106) (i32.const 5) (i32.const 0))))
            """;

        var outcome = runner.run(wat, config(engine).traceWasi(true).build());

        assertEquals("child\nmain\n", outcome.stdout());
        assertEquals(0, outcome.exitCode());
        assertTrue(outcome.diagnostics().contains("[t0] thread-spawn(start_arg=0x6) -> 1\n"),
                outcome.diagnostics());
        assertTrue(outcome.diagnostics().contains("[t1] fd_write(fd=1, iovs=0x20 [1 iovec, 6 bytes"
                + " \"child\\n\"], iovs_len=1, nwritten=0x28 -> 6) -> 0 (success)\n"),
                outcome.diagnostics());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void equalConfigurationsGiveEqualEventLogs(Engine engine) throws Exception {
        MountedTree tree = new MountedTree(root);
        RunConfig config = tree.config().engine(engine).trace(List.of(1, 3)).seed(3).build();

        var first = runner.run(SELECT, config);
        var second = runner.run(SELECT, config);

        assertEquals(first.result().events(), second.result().events());
        assertEquals(first.exitCode(), second.exitCode());
        assertTrue(first.result().events().stream()
                        .anyMatch(e -> e.startsWith("t0 wasi proc_exit(rval=3)")),
                first.result().events().toString());
    }
}
