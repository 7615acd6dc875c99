package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.Termination;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunnerTest {
    /** test.print(i32) writes the number and a newline to stdout; test.exit(i32) exits. */
    private static final HostModule TEST_HOST =
            run -> List.of(
                    TestPrint.function(run),
                    new HostFunction(
                            "test",
                            "exit",
                            FunctionType.of(List.of(ValType.I32), List.of()),
                            (instance, args) -> {
                                throw new GuestExit((int) args[0]);
                            }));

    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private static RunResult run(Engine engine, String wat) throws LoadException {
        Program program = new ProgramLoader().load("t.wat", wat.getBytes(StandardCharsets.UTF_8));
        Runner runner = new Runner(Set.of(TEST_HOST), (decisions, events) -> new OneThread());
        RunConfig config = RunConfig.builder().engine(engine).build();
        return runner.run(program, config, GuestOutput.captured(), SILENT);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void returningFromStartExitsZero(Engine engine) throws Exception {
        RunResult r = run(engine, """
                (module (import "test" "print" (func $print (param i32)))
                  (func (export "_start") (call $print (i32.const 42))))
                """);
        assertEquals(Termination.exit(0, 0), r.termination());
        assertEquals("42\n", new String(r.stdout(), StandardCharsets.UTF_8));
        assertEquals(List.of("t0 end exit 0"), r.events());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void exitCodeComesFromTheGuest(Engine engine) throws Exception {
        RunResult r = run(engine, """
                (module (import "test" "exit" (func $exit (param i32)))
                  (func (export "_start") (call $exit (i32.const 3)) unreachable))
                """);
        assertEquals(Termination.exit(0, 3), r.termination());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void trapsEndTheRunWithTheSameMessageOnBothEngines(Engine engine) throws Exception {
        RunResult r = run(engine, """
                (module (memory 1)
                  (func (export "_start") (drop (i32.load (i32.const 70000)))))
                """);
        assertEquals(Termination.Kind.TRAP, r.termination().kind());
        assertEquals(70, r.exitCode());
        assertEquals("out of bounds memory access", r.termination().message());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unreachableIsATrap(Engine engine) throws Exception {
        RunResult r = run(engine, "(module (func (export \"_start\") unreachable))");
        assertEquals(Termination.trap(0, "unreachable instruction"), r.termination());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aotNamesTheFunctionATrapHappenedIn(Engine engine) throws Exception {
        RunResult r = run(engine, """
                (module (func $inner unreachable) (func $outer (call $inner))
                  (func (export "_start") (call $outer)))
                """);
        assertEquals(Termination.trap(0, "unreachable instruction"), r.termination());
        assertEquals(engine == Engine.AOT ? "function 0" : "", r.trapFunction());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void stackExhaustionIsATrap(Engine engine) throws Exception {
        RunResult r = run(engine, """
                (module (func $f (export "_start") (call $f)))
                """);
        assertEquals(Termination.trap(0, "call stack exhausted"), r.termination());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void waitOnNonSharedMemoryTraps(Engine engine) throws Exception {
        RunResult r = run(engine, """
                (module (memory 1)
                  (func (export "_start")
                    (drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const -1)))))
                """);
        assertEquals(
                Termination.trap(0, "memory.atomic.wait on a non-shared memory"), r.termination());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void atomicsAreSchedulingPointsAndTimedWaitsUseTheVirtualClock(Engine engine)
            throws Exception {
        RunResult r = run(engine, """
                (module (import "test" "print" (func $print (param i32)))
                  (import "env" "memory" (memory 1 1 shared))
                  (func (export "_start")
                    (call $print (i32.atomic.rmw.add (i32.const 8) (i32.const 5)))
                    (call $print (i32.atomic.rmw.cmpxchg (i32.const 8) (i32.const 5) (i32.const 9)))
                    (call $print (i32.atomic.load (i32.const 8)))
                    ;; not-equal returns 1 at once; equal with a timeout returns 2 (timed out)
                    (call $print (memory.atomic.wait32 (i32.const 8) (i32.const 0) (i64.const 10)))
                    (call $print (memory.atomic.wait32 (i32.const 8) (i32.const 9) (i64.const 10)))))
                """);
        assertEquals("0\n5\n9\n1\n2\n", new String(r.stdout(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownImportIsALoadError(Engine engine) {
        var e = assertThrows(LoadException.class, () -> run(engine, """
                (module (import "wasi_snapshot_preview1" "nope" (func (param i32)))
                  (func (export "_start")))
                """));
        assertEquals("t.wat: unknown import wasi_snapshot_preview1.nope", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void wrongImportSignatureIsALoadError(Engine engine) {
        var e = assertThrows(LoadException.class, () -> run(engine, """
                (module (import "test" "print" (func (param i64) (result i32)))
                  (func (export "_start")))
                """));
        assertEquals(
                "t.wat: import test.print has type (i64) -> (i32) but the host provides (i32) -> ()",
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void memoryAboveTheLimitIsALoadError(Engine engine) throws Exception {
        Program program = new ProgramLoader().load("m.wat",
                "(module (import \"env\" \"memory\" (memory 1 100 shared)) (func (export \"_start\")))"
                        .getBytes(StandardCharsets.UTF_8));
        Runner runner = new Runner(Set.of(TEST_HOST), (d, e) -> new OneThread());
        RunConfig config = RunConfig.builder().engine(engine).maxMemoryPages(10).build();
        var e = assertThrows(LoadException.class,
                () -> runner.run(program, config, GuestOutput.captured(), SILENT));
        assertEquals("m.wat: shared memory maximum of 100 pages is above the limit of 10",
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void missingStartIsALoadError(Engine engine) {
        var e = assertThrows(LoadException.class, () -> run(engine, "(module)"));
        assertTrue(e.getMessage().endsWith("exports no _start function"), e.getMessage());
    }
}
