package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            run -> List.of(
                    TestPrint.function(run));

    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private static RunResult run(Engine engine, int maxPages, String body) throws LoadException {
        String wat = "(module (import \"test\" \"print\" (func $print (param i32)))\n" + body + ")";
        Program program = new ProgramLoader().load("m.wat", wat.getBytes(StandardCharsets.UTF_8));
        Runner runner = new Runner(Set.of(PRINT), (decisions, events) -> new OneThread());
        RunConfig config = RunConfig.builder().engine(engine).maxMemoryPages(maxPages).build();
        return runner.run(program, config, GuestOutput.captured(), SILENT);
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

    /** Chicory's engines pass addresses as ints and trap at 2 GiB and above; so do we, alike. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void accessesAtTwoGibibytesAndAboveTrapAlikeInBothEngines(Engine engine) throws Exception {
        RunResult r = run(engine, 65536, """
                (memory 65536)
                (func (export "_start")
                  (i32.store8 (i32.const -1) (i32.const 1)))
                """);
        assertEquals(Termination.Kind.TRAP, r.termination().kind());
        assertTrue(r.termination().message().contains("out of bounds memory access"),
                r.termination().message());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMemoryAboveMaxMemoryIsRefusedAtLoad(Engine engine) {
        LoadException e = assertThrows(LoadException.class,
                () -> run(engine, 1000, "(memory 1001) (func (export \"_start\"))"));
        assertTrue(e.getMessage().contains("1001"), e.getMessage());
    }
}
