package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Memories of 2 GiB and more: declared, grown to the limit, refused above it. */
class BigMemoryTest {
    private static final HostModule PRINT =
            run -> List.of(TestPrint.function(run), TestPrint.i64(run));

    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private static final Runner RUNNER =
            new Runner(Set.of(PRINT), (decisions, events) -> new OneThread());

    private static Program program(String body) throws LoadException {
        String wat = "(module (import \"test\" \"print\" (func $print (param i32)))\n"
                + "(import \"test\" \"print64\" (func $print64 (param i64)))\n" + body + ")";
        return new ProgramLoader().load("m.wat", wat.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs twice, which must come out the same. */
    private static RunResult run(Engine engine, int maxPages, String body) throws LoadException {
        return run(RunConfig.builder().engine(engine).maxMemoryPages(maxPages).build(), body);
    }

    private static RunResult run(RunConfig config, String body) throws LoadException {
        Program program = program(body);
        RunResult first = RUNNER.run(program, config, GuestOutput.captured(), SILENT);
        RunResult second = RUNNER.run(program, config, GuestOutput.captured(), SILENT);
        assertEquals(first.termination(), second.termination());
        assertEquals(stdout(first), stdout(second));
        return first;
    }

    private static String stdout(RunResult r) {
        return new String(r.stdout(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFourGibibyteMemoryStoresAndLoadsBelowTwoGibibytes(Engine engine) throws Exception {
        RunResult r = run(engine, 65536, """
                (memory 65536)
                (func (export "_start")
                  (i32.store8 (i32.const 48) (i32.const 7))
                  (i32.store8 (i32.const 0x7fffffff) (i32.const 9))
                  (call $print (i32.load8_u (i32.const 48)))
                  (call $print (i32.load8_u (i32.const 0x7fffffff)))
                  (call $print (i32.load8_u (i32.const 0x7ffffffe)))
                  (call $print (memory.size)))
                """);
        assertEquals(Termination.exit(0, 0), r.termination());
        assertEquals("7\n9\n0\n65536\n", stdout(r));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void memoryGrowReachesTheLimitAndNoFurther(Engine engine) throws Exception {
        RunResult r = run(engine, 65536, """
                (memory 1)
                (func (export "_start")
                  (call $print (memory.grow (i32.const 65535)))
                  (call $print (memory.size))
                  (call $print (memory.grow (i32.const 1)))
                  (i32.store (i32.const 0x7ffffffc) (i32.const 5))
                  (call $print (i32.load (i32.const 0x7ffffffc))))
                """);
        assertEquals("1\n65536\n-1\n5\n", stdout(r));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void growStopsAtMaxMemory(Engine engine) throws Exception {
        RunResult r = run(engine, 40000, """
                (memory 32768)
                (func (export "_start")
                  (call $print (memory.grow (i32.const 7232)))
                  (call $print (memory.grow (i32.const 1))))
                """);
        assertEquals("32768\n-1\n", stdout(r));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void storesAndLoadsAtTwoGibibytesAndAboveUpToTheLastByte(Engine engine) throws Exception {
        RunResult r = run(engine, 65536, """
                (memory 65536)
                (func (export "_start")
                  (i32.store8 (i32.const -1) (i32.const 0xab))
                  (call $print (i32.load8_u (i32.const 0xffffffff)))
                  (call $print (i32.load8_s offset=0x7fffffff (i32.const 0x80000000)))
                  (i32.store offset=0x10 (i32.const 0x7ffffff8) (i32.const 0x01020304))
                  (call $print (i32.load (i32.const 0x80000008)))
                  (call $print (i32.load16_s offset=0xa (i32.const 0x7ffffffe)))
                  (i64.store (i32.const 0x7ffffffc) (i64.const 0x1122334455667788))
                  (call $print64 (i64.load (i32.const 0x7ffffffc)))
                  (call $print64 (i64.load32_s (i32.const 0x80000000)))
                  (call $print (i32.load (i32.const 0x7ffffffc)))
                  (f64.store offset=0x80000000 (i32.const 0x7ff00000) (f64.const 2.5))
                  (call $print64 (i64.trunc_f64_s (f64.load (i32.const 0xfff00000))))
                  (f32.store (i32.const 0xfffffffc) (f32.const -3))
                  (call $print (i32.trunc_f32_s (f32.load (i32.const 0xfffffffc))))
                  (i64.store32 (i32.const 0x90000000) (i64.const -2))
                  (call $print64 (i64.load32_u (i32.const 0x90000000)))
                  (call $print (i32.load8_u (i32.const 0x7ffffffe))))
                """);
        assertEquals(Termination.exit(0, 0), r.termination());
        assertEquals("171\n-85\n16909060\n772\n1234605616436508552\n287454020\n"
                + "1432778632\n2\n-3\n4294967294\n102\n", stdout(r));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void accessesPastTheEndOrPastFourGibibytesTrap(Engine engine) throws Exception {
        for (String access : new String[] {
                "(drop (i32.load (i32.const 0xfffffffd)))",
                "(drop (i32.load8_u offset=0x10 (i32.const 0xfffffff8)))",
                "(i64.store offset=0xffffffff (i32.const 0xffffffff) (i64.const 1))",
                "(drop (i32.load8_u (i32.const 0x90000000)))"}) {
            int pages = access.contains("0x90000000") ? 36864 : 65536;
            RunResult r = run(engine, 65536, "(memory " + pages + ")\n"
                    + "(func (export \"_start\") " + access + ")");
            assertEquals(Termination.Kind.TRAP, r.termination().kind(), access);
            assertTrue(r.termination().message().contains("out of bounds memory access"),
                    access + ": " + r.termination().message());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void atomicsWorkAtTwoGibibytesAndAbove(Engine engine) throws Exception {
        RunResult r = run(engine, 65536, """
                (memory 65536 65536 shared)
                (func (export "_start")
                  (i32.atomic.store (i32.const 0x80000000) (i32.const 40))
                  (call $print (i32.atomic.rmw.add (i32.const 0x80000000) (i32.const 2)))
                  (call $print (i32.atomic.load offset=0x80000000 (i32.const 0)))
                  (call $print (i32.atomic.rmw.cmpxchg (i32.const 0x80000000)
                    (i32.const 42) (i32.const 7)))
                  (call $print (i32.atomic.rmw8.sub_u (i32.const 0xffffffff) (i32.const 1)))
                  (call $print (i32.atomic.load8_u (i32.const 0xffffffff)))
                  (i64.atomic.store (i32.const 0xfffffff8) (i64.const -5))
                  (call $print64 (i64.atomic.rmw32.xchg_u (i32.const 0xfffffff8) (i64.const 1)))
                  (call $print64 (i64.atomic.load (i32.const 0xfffffff8)))
                  (call $print (memory.atomic.notify (i32.const 0xc0000000) (i32.const 1)))
                  (call $print (memory.atomic.wait32 (i32.const 0x80000000) (i32.const 0)
                    (i64.const 0)))
                  (call $print (i32.load (i32.const 0x80000000))))
                """);
        assertEquals(Termination.exit(0, 0), r.termination());
        assertEquals("40\n42\n42\n0\n255\n4294967291\n-4294967295\n0\n1\n7\n", stdout(r));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void bulkMemoryWorksAtTwoGibibytesAndAbove(Engine engine) throws Exception {
        RunResult r = run(engine, 65536, """
                (memory 65536)
                (func (export "_start")
                  (memory.fill (i32.const 0x7ffffff0) (i32.const 9) (i32.const 0x20))
                  (memory.copy (i32.const 0xfffffff0) (i32.const 0x7ffffff8) (i32.const 0x10))
                  (call $print (i32.load8_u (i32.const 0xffffffff)))
                  (call $print (i32.load8_u (i32.const 0xfffffff7)))
                  (memory.fill (i32.const 0xfffffff0) (i32.const 1) (i32.const 0x11)))
                """);
        assertEquals(Termination.Kind.TRAP, r.termination().kind());
        assertTrue(r.termination().message().contains("out of bounds memory access"),
                r.termination().message());
        assertEquals("9\n9\n", stdout(r));
    }

    /**
     * Without --max-memory, a memory with no maximum grows to 2 GiB only, so the module runs
     * as it is (no wide-addresses rewrite); given the limit, it grows to it.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMemoryWithoutMaximumStopsAtTwoGibibytesUnlessTheLimitIsGiven(Engine engine)
            throws Exception {
        String body = """
                (memory 1)
                (func (export "_start")
                  (call $print (memory.grow (i32.const 32767)))
                  (call $print (memory.grow (i32.const 1))))
                """;
        RunConfig unset = RunConfig.builder().engine(engine).build();
        assertEquals("1\n-1\n", stdout(run(unset, body)));
        Program program = program(body);
        assertSame(program, RUNNER.prepare(program, unset, RunDeadline.none()));
        assertEquals("1\n32768\n", stdout(run(engine, 65536, body)));
        assertNotSame(program, RUNNER.prepare(program,
                unset.toBuilder().maxMemoryPages(65536).build(), RunDeadline.none()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMemoryAboveMaxMemoryIsRefusedAtLoad(Engine engine) {
        LoadException e = assertThrows(LoadException.class,
                () -> run(engine, 1000, "(memory 1001) (func (export \"_start\"))"));
        assertTrue(e.getMessage().contains("1001"), e.getMessage());
    }
}
